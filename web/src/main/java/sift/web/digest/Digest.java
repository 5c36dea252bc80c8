package sift.web.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import sift.store.digest.DigestSource.Candidate;
import sift.web.http.EpisodeLabels;

/**
 * One reader's digest of a day: the posts published in [from, to), told once per story, in sections. Pairs with
 * digest/sections.jte and {@link DigestText}.
 *
 * @param considered how many posts the day had
 */
public record Digest(
        LocalDate day,
        ZoneId zone,
        Instant from,
        Instant to,
        int considered,
        List<Story> top,
        List<TopicSection> topics,
        List<SearchSection> searches,
        List<Story> episodes,
        List<Story> releases,
        List<HypePost> hypeWatch,
        List<Story> skeptical) {

    public Digest {
        top = List.copyOf(top);
        searches = List.copyOf(searches);
        topics = List.copyOf(topics);
        episodes = List.copyOf(episodes);
        releases = List.copyOf(releases);
        hypeWatch = List.copyOf(hypeWatch);
        skeptical = List.copyOf(skeptical);
    }

    /** Every post the digest names, each once, in the order the digest shows them. */
    public List<Long> postIds() {
        java.util.LinkedHashSet<Long> ids = new java.util.LinkedHashSet<>();
        java.util.function.Consumer<List<Story>> stories = list -> list.forEach(story -> {
            ids.add(story.lead().id());
            story.others().forEach(other -> ids.add(other.id()));
        });
        stories.accept(top);
        topics.forEach(section -> stories.accept(section.stories()));
        searches.forEach(section -> stories.accept(section.stories()));
        stories.accept(episodes);
        stories.accept(releases);
        hypeWatch.forEach(post -> ids.add(post.post().id()));
        stories.accept(skeptical);
        return List.copyOf(ids);
    }

    /**
     * A story: its best post, and the other posts that tell it (other feeds first), so it is one entry with its
     * sources listed.
     */
    public record Story(Candidate lead, List<Candidate> others, double score) {
        public Story {
            others = List.copyOf(others);
        }

        /** The feeds that tell the story, the lead's first, each once. */
        public List<String> sources() {
            return java.util.stream.Stream.concat(java.util.stream.Stream.of(lead), others.stream())
                    .map(Candidate::feedTitle)
                    .distinct()
                    .toList();
        }
    }

    public record TopicSection(String topic, List<Story> stories) {
        public TopicSection {
            stories = List.copyOf(stories);
        }
    }

    /** The day's posts that one of the reader's saved searches finds, as a section of its own. */
    public record SearchSection(long id, String name, List<Story> stories) {
        public SearchSection {
            stories = List.copyOf(stories);
        }
    }

    /** This digest with the sections of the reader's saved searches. */
    public Digest withSearches(List<SearchSection> sections) {
        return new Digest(
                day, zone, from, to, considered, top, topics, sections, episodes, releases, hypeWatch, skeptical);
    }

    /**
     * A post of the day with hype-laden AI claims: its strongest claims, and how many more it makes. The hype watch
     * shows posts, so that one press release does not fill it with four of its sentences.
     */
    public record HypePost(Candidate post, List<Claim> claims, int more) {
        public HypePost {
            claims = List.copyOf(claims);
        }
    }

    /**
     * A hype-laden claim: its sentence, its score and why it is called hype; one {@code spoken} in an episode with
     * the second it was said at (null when the transcript gives none) and its speaker (null when not named).
     */
    public record Claim(
            String sentence, int score, List<String> reasons, boolean spoken, Integer startSeconds, String speaker) {
        public Claim {
            reasons = List.copyOf(reasons);
        }

        /** "said at 12:34 by Ana" for a spoken claim, else empty. */
        public String said() {
            return spoken ? EpisodeLabels.said(startSeconds, speaker) : "";
        }

        /** The query that opens the episode's page with its player at the claim ({@code ?t=754}), or empty. */
        public String at() {
            return startSeconds == null ? "" : "?t=" + startSeconds;
        }
    }

    public boolean isEmpty() {
        return considered == 0;
    }

    /** The title of the digest, as pages, e-mails and feeds show it: "Sift digest for Wednesday 19 November 2025". */
    public String title() {
        return "Sift digest for "
                + day.format(
                        java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", java.util.Locale.ENGLISH));
    }
}
