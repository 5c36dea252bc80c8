package sift.ingest.fetch;

import java.net.URI;
import java.util.Objects;

/**
 * One GET: the URL, the validators from the last successful fetch (if any) for a conditional request, and what
 * the answer should be ({@code Accept}).
 */
public record FetchRequest(URI uri, String etag, String lastModified, String accept) {
    static final String FEEDS = "application/rss+xml, application/atom+xml, application/feed+json, "
            + "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5";
    static final String PAGES = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5";

    public FetchRequest {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(accept, "accept");
    }

    /** A feed, conditionally when validators are given. */
    public FetchRequest(URI uri, String etag, String lastModified) {
        this(uri, etag, lastModified, FEEDS);
    }

    /** A podcast episode's chapters file (Podcasting 2.0 JSON chapters). */
    public static FetchRequest chapters(URI uri) {
        return new FetchRequest(uri, null, null, "application/json+chapters, application/json;q=0.9, */*;q=0.5");
    }

    /**
     * A podcast episode's transcript (the formats Podcasting 2.0's {@code podcast:transcript} links), conditionally
     * when validators are given.
     */
    public static FetchRequest transcript(URI uri, String etag, String lastModified) {
        return new FetchRequest(
                uri,
                etag,
                lastModified,
                "text/vtt, application/x-subrip;q=0.9, application/srt;q=0.9, application/json;q=0.9,"
                        + " text/html;q=0.8, text/plain;q=0.8, */*;q=0.5");
    }

    /** A web page: an article, or a site whose feeds are to be discovered. */
    public static FetchRequest page(URI uri) {
        return new FetchRequest(uri, null, null, PAGES);
    }
}
