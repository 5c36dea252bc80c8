package sift.store.sync;

import java.time.Instant;
import java.util.List;
import sift.store.post.Enclosure;

/**
 * A post as a sync app receives it: its feed, when it was published and when Sift stored it (its crawl time), its shown content (the sanitised HTML, else the summary of an
 * archived post), Sift's judgement of it (kind, topics best first, hype score, stance), and this reader's marks and
 * labels.
 */
public record SyncItem(
        long id,
        long feedId,
        String feedTitle,
        String feedUrl,
        String siteUrl,
        String title,
        String link,
        String author,
        Instant publishedAt,
        Instant firstSeenAt,
        Instant changedAt,
        String html,
        String kind,
        List<String> topics,
        int hypeScore,
        String stance,
        boolean read,
        boolean starred,
        List<String> labels,
        List<Enclosure> enclosures) {

    public SyncItem {
        topics = List.copyOf(topics);
        labels = List.copyOf(labels);
        enclosures = List.copyOf(enclosures);
    }
}
