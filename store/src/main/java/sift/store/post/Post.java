package sift.store.post;

import java.time.Instant;
import java.util.List;

/** A stored post with its sanitised content, enclosures and facts. */
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
        PostFacts facts,
        List<Enclosure> enclosures,
        Instant archivedAt) {

    public Post {
        enclosures = List.copyOf(enclosures);
    }
}
