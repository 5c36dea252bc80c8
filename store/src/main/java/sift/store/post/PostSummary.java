package sift.store.post;

import java.time.Instant;

/** A post as the river lists it: no content, just what a reader scans. */
public record PostSummary(
        long id,
        long feedId,
        String feedTitle,
        String title,
        String link,
        String author,
        Instant publishedAt,
        String summary,
        String kind) {}
