package sift.web.search;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.ConflictResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sift.store.search.SearchIndex;
import sift.store.search.SearchRequest;
import sift.store.search.SearchResult;
import sift.store.search.SearchSyntaxException;
import sift.store.sql.AlreadyExistsException;
import sift.store.user.SavedSearchStore;
import sift.web.http.Dates;
import sift.web.http.Fields;
import sift.web.http.Pages;
import sift.web.http.Viewer;

/**
 * {@code GET /search?q=} (the page) and {@code GET /api/search?q=} (JSON); a reader's saved searches, each a view
 * at {@code /searches/{id}}.
 */
public final class SearchRoutes {
    private static final int PAGE_SIZE = 20;
    /** The last page of results: they go {@link SearchRequest#MAX_DEPTH} deep. */
    private static final int MAX_PAGE = SearchRequest.MAX_DEPTH / PAGE_SIZE;

    private final SearchIndex index;
    private final SavedSearchStore searches;
    private final Pages pages;
    private final Clock clock;
    private final QueryMeaning meaning;

    public SearchRoutes(SearchIndex index, SavedSearchStore searches, Pages pages, Clock clock, QueryMeaning meaning) {
        this.index = index;
        this.searches = searches;
        this.pages = pages;
        this.clock = clock;
        this.meaning = meaning;
    }

    public void page(Context ctx) {
        String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
        boolean byDate = order(ctx) == SearchRequest.Order.DATE;
        render(
                ctx,
                q,
                byDate,
                "/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + (byDate ? "&sort=date" : ""),
                null);
    }

    /** {@code GET /searches/{id}}: a saved search as a view: its results newest first, like the river. */
    public void saved(Context ctx) {
        SavedSearchStore.SavedSearch search = savedSearch(ctx);
        render(ctx, search.query(), true, "/searches/" + search.id() + "?", search);
    }

    /** {@code POST /searches}: saves the query {@code q} under {@code name} (the query itself when empty). */
    public void save(Context ctx) {
        long reader = Viewer.of(ctx).userId();
        String q = ctx.formParam("q") == null ? "" : ctx.formParam("q").strip();
        String name = ctx.formParam("name") == null || ctx.formParam("name").isBlank()
                ? q
                : ctx.formParam("name").strip();
        if (q.isEmpty() || q.length() > 1000 || name.length() > 100) {
            throw new BadRequestResponse(
                    "A saved search needs a query of up to 1,000 characters and a name of up to 100.");
        }
        try {
            index.search(new SearchRequest(q, 1, 0, SearchRequest.Order.DATE));
        } catch (SearchSyntaxException e) {
            throw new BadRequestResponse("This query cannot be saved: " + e.getMessage());
        }
        try {
            long id = searches.save(reader, name, q, clock.instant());
            ctx.redirect("/searches/" + id, HttpStatus.SEE_OTHER);
        } catch (AlreadyExistsException e) {
            throw new ConflictResponse("You already have a saved search named '" + name + "'.");
        }
    }

    /** {@code POST /searches/{id}/delete}. */
    public void delete(Context ctx) {
        SavedSearchStore.SavedSearch search = savedSearch(ctx);
        searches.delete(Viewer.of(ctx).userId(), search.id());
        ctx.redirect("/search", HttpStatus.SEE_OTHER);
    }

    /** {@code GET /api/searches}: {@code {searches: [{id, name, query, url}]}}. */
    public void savedApi(Context ctx) {
        Long reader = Viewer.of(ctx).userId();
        ctx.json(Map.of(
                "searches",
                (reader == null ? List.<SavedSearchStore.SavedSearch>of() : searches.list(reader))
                        .stream()
                                .map(s -> Map.of(
                                        "id",
                                        s.id(),
                                        "name",
                                        s.name(),
                                        "query",
                                        s.query(),
                                        "url",
                                        "/searches/" + s.id()))
                                .toList()));
    }

    private SavedSearchStore.SavedSearch savedSearch(Context ctx) {
        Long reader = Viewer.of(ctx).userId();
        String raw = ctx.pathParam("id");
        try {
            long id = Long.parseLong(raw);
            if (reader != null) {
                var found = searches.find(reader, id);
                if (found.isPresent()) {
                    return found.get();
                }
            }
        } catch (NumberFormatException e) {
            // not an id: not found either
        }
        throw new NotFoundResponse("You have no saved search '" + raw + "'.");
    }

    private void render(Context ctx, String q, boolean byDate, String base, SavedSearchStore.SavedSearch current) {
        Long reader = Viewer.of(ctx).userId();
        List<SavedSearchStore.SavedSearch> saved = reader == null ? List.of() : searches.list(reader);
        int page = intParam(ctx, "page", 1, 1, MAX_PAGE);
        if (q.isEmpty()) {
            pages.render(
                    ctx,
                    "search/results.jte",
                    new SearchPage("", byDate, null, null, List.of(), null, null, null, saved, null));
            return;
        }
        int offset = (page - 1) * PAGE_SIZE;
        try {
            SearchResult result = index.search(
                    request(q, PAGE_SIZE, offset, byDate ? SearchRequest.Order.DATE : SearchRequest.Order.RELEVANCE));
            Instant now = clock.instant();
            List<SearchPage.Item> items = result.hits().stream()
                    .map(h -> new SearchPage.Item(
                            h.id(),
                            h.title(),
                            h.feedTitle(),
                            h.kind(),
                            Dates.shown(h.publishedAt(), now),
                            h.snippet().pieces().stream()
                                    .map(p -> new SearchPage.Piece(p.text(), p.match()))
                                    .toList(),
                            h.byMeaning(),
                            h.topics(),
                            h.stance(),
                            h.hypeScore(),
                            said(h.said())))
                    .toList();
            String pageParam = base.endsWith("?") ? "page=" : "&page=";
            String previous = page > 1 ? base + pageParam + (page - 1) : null;
            boolean more = offset + PAGE_SIZE < Math.min(result.total(), SearchRequest.MAX_DEPTH);
            String next = more ? base + pageParam + (page + 1) : null;
            String took = String.format("%.1f", result.tookMicros() / 1000.0);
            String total =
                    result.total() + (result.totalExact() ? "" : "+") + (result.total() == 1 ? " post" : " posts");
            pages.render(
                    ctx,
                    "search/results.jte",
                    new SearchPage(q, byDate, null, total, items, took, previous, next, saved, current));
        } catch (SearchSyntaxException e) {
            ctx.status(400);
            pages.render(
                    ctx,
                    "search/results.jte",
                    new SearchPage(q, byDate, e.getMessage(), null, List.of(), null, null, null, saved, current));
        }
    }

    /**
     * JSON: {@code {query, total, totalExact, tookMs, hits: [{id, title, feed, kind, published, score, snippet,
     * highlights, byMeaning, url}]}}; {@code total} is a lower bound when {@code totalExact} is false; {@code
     * byMeaning}: the post lacks the query's words and was found near them in meaning.
     */
    public void api(Context ctx) {
        String q = ctx.queryParam("q");
        if (q == null || q.isBlank()) {
            ctx.status(400).json(Map.of("error", "q is missing: /api/search?q=words"));
            return;
        }
        try {
            int limit = intParam(ctx, "limit", PAGE_SIZE, 1, SearchRequest.MAX_LIMIT);
            int offset = intParam(ctx, "offset", 0, 0, SearchRequest.MAX_DEPTH - limit);
            SearchResult result = index.search(request(q, limit, offset, order(ctx)));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("query", q);
            body.put("total", result.total());
            body.put("totalExact", result.totalExact());
            body.put("tookMs", result.tookMicros() / 1000.0);
            body.put("hits", result.hits().stream().map(SearchRoutes::json).toList());
            ctx.json(body);
        } catch (SearchSyntaxException e) {
            ctx.status(400).json(Map.of("error", e.getMessage()));
        }
    }

    private static SearchPage.Said said(SearchResult.Said said) {
        return said == null
                ? null
                : new SearchPage.Said(said.startMillis() == null ? null : said.startMillis() / 1000, said.speaker());
    }

    private static Map<String, Object> json(SearchResult.Hit hit) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", hit.id());
        out.put("title", hit.title());
        out.put("feed", hit.feedTitle());
        out.put("kind", hit.kind());
        out.put("published", hit.publishedAt().toString());
        out.put("score", hit.score());
        out.put("snippet", hit.snippet().text());
        out.put(
                "highlights",
                hit.snippet().pieces().stream()
                        .filter(p -> p.match())
                        .map(p -> p.text())
                        .toList());
        out.put("byMeaning", hit.byMeaning());
        SearchPage.Said said = said(hit.said());
        if (said != null) {
            Map<String, Object> where = new LinkedHashMap<>();
            where.put("startSeconds", said.seconds());
            where.put("speaker", said.speaker());
            out.put("said", where);
        }
        out.put(
                "url",
                said == null || said.seconds() == null
                        ? "/posts/" + hit.id()
                        : "/posts/" + hit.id() + "?t=" + said.seconds());
        return out;
    }

    /** A search; by relevance and of words alone, with the query's meaning. */
    private SearchRequest request(String q, int limit, int offset, SearchRequest.Order order) {
        boolean byMeaning = order == SearchRequest.Order.RELEVANCE && SearchIndex.findsByMeaning(q);
        return new SearchRequest(q, limit, offset, order, null, byMeaning ? meaning.of(q) : null);
    }

    /** The whole number of {@code ?name=} from {@code min} to {@code max}; anything else is a 400 naming it. */
    private static int intParam(Context ctx, String name, int fallback, int min, int max) {
        Long n = Fields.wholeNumber(
                name,
                ctx.queryParam(name),
                min,
                max,
                name.equals("limit") ? "" : ": results go " + SearchRequest.MAX_DEPTH + " deep at most");
        return n == null ? fallback : n.intValue();
    }

    /** {@code sort=date} sorts by date, newest first; anything else by relevance blended with recency. */
    private static SearchRequest.Order order(Context ctx) {
        return "date".equals(ctx.queryParam("sort")) ? SearchRequest.Order.DATE : SearchRequest.Order.RELEVANCE;
    }
}
