package sift.store.post;

import java.time.Instant;
import java.util.List;

/**
 * A post as the river lists it: no content, just what a reader scans; its topic ids best first, its hype score
 * and stance, and whether the reader read or starred it (both false when nobody is signed in).
 */
public record PostSummary(
        long id,
        long feedId,
        String feedTitle,
        String title,
        String link,
        String author,
        Instant publishedAt,
        String summary,
        String kind,
        int hypeScore,
        String stance,
        List<String> topics,
        boolean read,
        boolean starred) {

    public PostSummary {
        topics = List.copyOf(topics);
    }
}
