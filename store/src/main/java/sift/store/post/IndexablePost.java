package sift.store.post;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** What the search index keeps of a post: its words, its facets, its dates, its vector (null: none). */
public record IndexablePost(
        long id,
        long feedId,
        String feedTitle,
        String title,
        String text,
        String kind,
        List<String> topics,
        String stance,
        int hypeScore,
        Instant publishedAt,
        Instant changedAt,
        float[] vector) {

    public IndexablePost {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(changedAt, "changedAt");
        text = Objects.requireNonNullElse(text, "");
        topics = List.copyOf(topics);
    }
}
