package sift.ingest.discover;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import sift.ingest.clean.HtmlCleaner;
import sift.ingest.fetch.FeedFetcher;
import sift.ingest.fetch.FetchRequest;
import sift.ingest.fetch.FetchResult;
import sift.ingest.fetch.HtmlPage;
import sift.ingest.parse.FeedParseException;
import sift.ingest.parse.FeedParser;
import sift.ingest.parse.ParsedFeed;

/**
 * Finds the feeds of a web page: the page itself when it is a feed, else the feeds its
 * {@code <link rel="alternate">} elements announce, else the first of the usual paths that answers with a feed.
 * Every request goes through the fetcher, with its guards.
 */
public final class FeedDiscovery {
    private static final Set<String> FEED_TYPES = Set.of(
            "application/rss+xml",
            "application/atom+xml",
            "application/feed+json",
            "application/json",
            "application/rdf+xml",
            "text/xml",
            "application/xml");
    private static final List<String> USUAL_PATHS = List.of(
            "/feed",
            "/feed/",
            "/rss",
            "/rss.xml",
            "/atom.xml",
            "/feed.xml",
            "/index.xml",
            "/feeds/posts/default",
            "/?feed=rss2");

    private final FeedFetcher fetcher;
    private final FeedParser parser;
    private final HtmlCleaner cleaner = new HtmlCleaner();

    public FeedDiscovery(FeedFetcher fetcher, FeedParser parser) {
        this.fetcher = fetcher;
        this.parser = parser;
    }

    /** A feed found: its URL and its title (null when it was announced but not read). */
    public record Found(String url, String title) {}

    /** What was found at {@code page}; empty with {@code problem} saying why when nothing was. */
    public record Result(List<Found> feeds, String problem) {}

    public Result discover(URI page) {
        FetchResult result = fetcher.fetch(new FetchRequest(page, null, null));
        if (!(result instanceof FetchResult.Modified modified)) {
            return new Result(List.of(), "cannot fetch " + page + ": " + reason(result));
        }
        ParsedFeed feed = asFeed(modified);
        if (feed != null) {
            return new Result(
                    List.of(new Found(modified.finalUri().toString(), cleaner.plainText(feed.title()))), null);
        }
        Document html = HtmlPage.parse(modified);
        Map<String, Found> announced = new LinkedHashMap<>();
        for (Element link : html.select("link[rel~=(?i)alternate][href]")) {
            String type = link.attr("type").toLowerCase(Locale.ROOT).strip();
            String href = link.absUrl("href");
            if (FEED_TYPES.contains(type) && href.startsWith("http")) {
                announced.putIfAbsent(
                        href,
                        new Found(
                                href,
                                link.attr("title").isBlank()
                                        ? null
                                        : link.attr("title").strip()));
            }
        }
        if (!announced.isEmpty()) {
            return new Result(new ArrayList<>(announced.values()), null);
        }
        for (String path : USUAL_PATHS) {
            URI candidate = modified.finalUri().resolve(path);
            if (fetcher.fetch(new FetchRequest(candidate, null, null)) instanceof FetchResult.Modified m) {
                ParsedFeed found = asFeed(m);
                if (found != null) {
                    return new Result(
                            List.of(new Found(m.finalUri().toString(), cleaner.plainText(found.title()))), null);
                }
            }
        }
        return new Result(
                List.of(),
                "no feed at " + page + ": none announced on the page, and none at " + String.join(", ", USUAL_PATHS));
    }

    private ParsedFeed asFeed(FetchResult.Modified modified) {
        try {
            ParsedFeed feed = parser.parse(modified.body(), modified.finalUri());
            return feed.entries().isEmpty() && feed.title() == null ? null : feed;
        } catch (FeedParseException e) {
            return null;
        }
    }

    private static String reason(FetchResult result) {
        if (result instanceof FetchResult.Failed failed) {
            return failed.reason();
        }
        if (result instanceof FetchResult.Gone gone) {
            return gone.reason();
        }
        return "no answer to read";
    }
}
