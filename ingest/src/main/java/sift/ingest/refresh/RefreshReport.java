package sift.ingest.refresh;

import java.util.Objects;

/**
 * What one refresh of one feed did: posts created, updated, unchanged, and skipped (refused by the store).
 * {@code error} is null unless the feed failed.
 */
public record RefreshReport(
        long feedId, String url, Outcome outcome, int created, int updated, int unchanged, int skipped, String error) {
    public enum Outcome {
        FETCHED,
        NOT_MODIFIED,
        FAILED,
        /** Sift began to stop during the refresh; what was stored stays, the rest comes at the next start. */
        STOPPED
    }

    public RefreshReport {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(outcome, "outcome");
    }

    static RefreshReport failed(long feedId, String url, String error) {
        return new RefreshReport(feedId, url, Outcome.FAILED, 0, 0, 0, 0, error);
    }
}
