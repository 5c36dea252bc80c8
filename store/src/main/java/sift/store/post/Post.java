package sift.store.post;

import java.time.Instant;
import java.util.List;

/** A stored post with its sanitised content and enclosures. */
public record Post(
        long id,
        long feedId,
        String feedTitle,
        String guid,
        String link,
        String title,
        String author,
        Instant publishedAt,
        Instant updatedAt,
        String summary,
        String contentHtml,
        String kind,
        List<Enclosure> enclosures) {

    public Post {
        enclosures = List.copyOf(enclosures);
    }
}
