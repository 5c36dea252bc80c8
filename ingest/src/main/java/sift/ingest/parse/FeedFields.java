package sift.ingest.parse;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The fields of a feed or an entry as {@link FeedMapper} gathers them from its elements. */
final class FeedFields {
    ParsedText title;
    int titleRank = Integer.MAX_VALUE;
    String link;
    int linkRank = Integer.MAX_VALUE;
    String id;
    String author;
    String authorName;
    String authorEmail;
    ParsedText summary;
    ParsedText content;
    String description;
    Instant published;
    Instant updated;
    String language;
    String image;
    final List<ParsedEntry.ParsedEnclosure> enclosures = new ArrayList<>();
    final Set<String> categories = new LinkedHashSet<>();
    Integer duration;
    Integer episode;
    Integer season;
    String episodeType;
    Boolean explicit;
    ParsedPodcast.Chapters chapters;
    final List<ParsedPodcast.Transcript> transcripts = new ArrayList<>();
    final List<ParsedPodcast.Person> persons = new ArrayList<>();

    ParsedPodcast podcast() {
        if (duration == null
                && episode == null
                && season == null
                && episodeType == null
                && explicit == null
                && image == null
                && chapters == null
                && transcripts.isEmpty()
                && persons.isEmpty()) {
            return null;
        }
        return new ParsedPodcast(
                duration, episode, season, episodeType, explicit, image, transcripts, chapters, persons);
    }

    /** "Name (email)" when an author element gives both, as the Universal Feed Parser writes it. */
    String author() {
        if (authorName != null || authorEmail != null) {
            return authorName != null && authorEmail != null
                    ? authorName + " (" + authorEmail + ")"
                    : authorName != null ? authorName : authorEmail;
        }
        return author;
    }

    /** A CDF channel's or item's link and date, given as attributes. */
    void cdf(XmlNode n, URI base) {
        String href = n.attr("href");
        if (href != null && link == null) {
            link = Links.resolve(base, href);
        }
        String lastmod = n.attr("lastmod");
        if (lastmod != null) {
            updated = FeedDates.parse(lastmod);
        }
    }

    void addCategory(String term) {
        if (term != null && !term.isBlank()) {
            categories.add(term.strip());
        }
    }
}
