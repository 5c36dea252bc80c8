package sift.store.feed;

import java.time.Instant;
import java.util.Objects;

/**
 * What a successful fetch leaves on its feed: the validators for the next conditional GET, the feed's own
 * title and site link (null when not modified), and when to fetch it again.
 */
public record FetchSuccess(
        FetchStatus status,
        String etag,
        String lastModified,
        String title,
        String siteUrl,
        Instant fetchedAt,
        Instant nextFetchAt) {

    public FetchSuccess {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        Objects.requireNonNull(nextFetchAt, "nextFetchAt");
        if (status == FetchStatus.FAILED) {
            throw new IllegalArgumentException("a success cannot have status FAILED");
        }
    }
}
