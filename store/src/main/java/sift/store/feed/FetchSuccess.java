package sift.store.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What a successful fetch leaves on its feed: the validators for the next conditional GET, the feed's own
 * title and site link (null when not modified), when to fetch it again and the poll interval that decided it
 * (null to keep the stored one), whether it was a full fetch (without validators), and for the fetch log how
 * many posts it brought and how long it took.
 */
public record FetchSuccess(
        FetchStatus status,
        String etag,
        String lastModified,
        String title,
        String siteUrl,
        Instant fetchedAt,
        Instant nextFetchAt,
        int newPosts,
        int updatedPosts,
        Duration took,
        Duration pollInterval,
        boolean full) {

    public FetchSuccess(
            FetchStatus status,
            String etag,
            String lastModified,
            String title,
            String siteUrl,
            Instant fetchedAt,
            Instant nextFetchAt,
            int newPosts,
            int updatedPosts,
            Duration took) {
        this(
                status,
                etag,
                lastModified,
                title,
                siteUrl,
                fetchedAt,
                nextFetchAt,
                newPosts,
                updatedPosts,
                took,
                null,
                false);
    }

    public FetchSuccess {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        Objects.requireNonNull(nextFetchAt, "nextFetchAt");
        Objects.requireNonNull(took, "took");
        if (status == FetchStatus.FAILED) {
            throw new IllegalArgumentException("a success cannot have status FAILED");
        }
    }
}
