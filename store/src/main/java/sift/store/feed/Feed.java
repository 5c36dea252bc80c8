package sift.store.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A subscribed feed and the state of its fetching. {@code fullText}: whether teasers get the full text of their
 * page; {@code fullTextSelector}: a CSS selector for the article on those pages, null to find it by itself;
 * {@code refreshMinutes}: the interval an admin chose, null to let Sift adapt it to the feed.
 */
public record Feed(
        long id,
        String url,
        String title,
        String siteUrl,
        String category,
        String etag,
        String lastModified,
        Instant lastFetchedAt,
        FetchStatus lastStatus,
        String lastError,
        int consecutiveFailures,
        Instant nextFetchAt,
        Duration pollInterval,
        Instant fullFetchAt,
        boolean fullText,
        String fullTextSelector,
        Integer refreshMinutes) {

    public Feed(
            long id,
            String url,
            String title,
            String siteUrl,
            String category,
            String etag,
            String lastModified,
            Instant lastFetchedAt,
            FetchStatus lastStatus,
            String lastError,
            int consecutiveFailures,
            Instant nextFetchAt) {
        this(
                id,
                url,
                title,
                siteUrl,
                category,
                etag,
                lastModified,
                lastFetchedAt,
                lastStatus,
                lastError,
                consecutiveFailures,
                nextFetchAt,
                null,
                null,
                true,
                null,
                null);
    }

    public Feed {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(nextFetchAt, "nextFetchAt");
    }

    /** The title to show: the feed's own, else its URL. */
    public String displayTitle() {
        return title == null || title.isBlank() ? url : title;
    }
}
