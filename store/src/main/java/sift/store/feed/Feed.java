package sift.store.feed;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
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

    /** The host of this feed's URL, lower case; null when the URL has none. */
    public String host() {
        return hostOf(url);
    }

    /** The host of {@code url}, lower case; null when it has none or is not a URL. */
    public static String hostOf(String url) {
        try {
            String host = url == null ? null : URI.create(url.strip()).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
