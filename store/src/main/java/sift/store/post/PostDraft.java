package sift.store.post;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A post as ingest hands it to the store: sanitised content, its plain text and its facts. The store picks
 * its identity within the feed (GUID, else link, else content hash) and its content hash.
 */
public record PostDraft(
        long feedId,
        String guid,
        String link,
        String title,
        String author,
        Instant publishedAt,
        Instant updatedAt,
        String summary,
        String contentHtml,
        String contentText,
        PostFacts facts,
        List<Enclosure> enclosures) {

    public PostDraft {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(facts, "facts");
        enclosures = List.copyOf(enclosures);
        guid = blankToNull(guid);
        link = blankToNull(link);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The same post with other facts (the analysis, once it is known to be needed). */
    public PostDraft withFacts(PostFacts other) {
        return new PostDraft(feedId, guid, link, title, author, publishedAt, updatedAt, summary, contentHtml, contentText,
                other, enclosures);
    }
}
