package sift.ingest.fulltext;

import java.net.URI;
import org.jsoup.select.Selector;
import sift.ingest.clean.CleanHtml;
import sift.ingest.clean.HtmlCleaner;
import sift.ingest.fetch.FeedFetcher;
import sift.ingest.fetch.FetchRequest;
import sift.ingest.fetch.FetchResult;
import sift.ingest.fetch.HtmlPage;

/**
 * The full text of a post whose feed gives only a teaser: its page fetched through the same guarded, polite
 * fetcher as feeds, its article found ({@link ArticleExtractor}) and sanitised like any feed content. Thread-safe.
 */
public final class FullText {
    /** At most this many pages a refresh of one feed; older teasers of a long backlog keep their teaser. */
    public static final int MAX_PAGES_PER_REFRESH = 30;

    private final FeedFetcher fetcher;
    private final HtmlCleaner cleaner;
    private final ArticleExtractor extractor = new ArticleExtractor();

    public FullText(FeedFetcher fetcher, HtmlCleaner cleaner) {
        this.fetcher = fetcher;
        this.cleaner = cleaner;
    }

    /** The article found, or why there is none ({@code problem}, naming the page). */
    public record Result(CleanHtml article, String problem) {}

    /** The article at {@code link}, found by {@code selector} when one is given, else by itself. */
    public Result fetch(String link, String selector) {
        URI uri;
        try {
            uri = URI.create(link);
        } catch (IllegalArgumentException e) {
            return new Result(null, "the post's link is no URL: " + link);
        }
        FetchResult result = fetcher.fetch(FetchRequest.page(uri));
        if (result instanceof FetchResult.Failed failed) {
            return new Result(null, link + ": " + failed.reason());
        }
        if (!(result instanceof FetchResult.Modified page)) {
            return new Result(null, link + ": no page (" + result.getClass().getSimpleName() + ")");
        }
        if (!HtmlPage.isHtml(page)) {
            return new Result(null, link + ": not an HTML page (" + page.contentType() + ")");
        }
        ArticleExtractor.Extracted found = extractor.extract(HtmlPage.parse(page), selector);
        if (found.html() == null) {
            return new Result(null, page.finalUri() + ": " + found.problem());
        }
        return new Result(cleaner.clean(found.html(), page.finalUri().toString()), null);
    }

    /** Why {@code selector} cannot select anything, or null when it is a valid CSS selector. */
    public static String selectorProblem(String selector) {
        if (selector == null || selector.isBlank()) {
            return null;
        }
        try {
            Selector.evaluatorOf(selector.strip());
            return null;
        } catch (Selector.SelectorParseException e) {
            return "'" + selector.strip() + "' is not a valid CSS selector: " + e.getMessage();
        }
    }
}
