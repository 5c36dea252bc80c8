package sift.web.feeds;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import sift.store.post.Enclosure;
import sift.store.post.PostFacts;
import sift.store.post.PostQueries;
import sift.store.post.PostSummary;
import sift.store.post.RiverFilter;
import sift.store.search.SearchIndex;
import sift.store.search.SearchRequest;
import sift.store.search.SearchSyntaxException;
import sift.store.user.DigestSettings;
import sift.store.user.SavedSearchStore;
import sift.web.digest.Digest;
import sift.web.digest.DigestService;
import sift.web.http.Fields;
import sift.web.http.Pages;
import sift.web.http.Viewer;
import sift.web.http.WebLinks;
import sift.web.reader.ReaderPage;
import sift.web.reader.ReaderRoutes;

/**
 * Re-exported feeds: any view of Sift as RSS 2.0, Atom 1.0 or JSON Feed 1.1, for the feed readers and podcast apps
 * people already use. {@code /feeds/posts.atom} takes the river's filters ({@code ?topic=&kind=&feed=&stance=
 * &maxHype=&show=}) or a search ({@code ?q=}); {@code /feeds/releases}, {@code /feeds/podcasts} (with iTunes tags)
 * {@code /feeds/digest} (one entry a day) and {@code /feeds/searches/{id}} (a saved search) are views of their own. A feed is rebuilt only when a post
 * changed since it was built (else it comes from memory), and answers conditional requests with 304.
 */
public final class FeedRoutes {
    static final int DEFAULT_ENTRIES = 50;
    static final int MAX_ENTRIES = 100;
    static final int DIGEST_DAYS = 14;
    /** The query parameters that change a feed; any other is ignored, and kept out of its address and its cache key. */
    private static final List<String> PARAMETERS =
            List.of("feed", "kind", "limit", "maxHype", "q", "show", "stance", "topic");

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final PostQueries posts;
    private final SearchIndex index;
    private final SavedSearchStore savedSearches;
    private final DigestService digests;
    private final Pages pages;
    private final String baseUrl;
    private final FeedCache cache = new FeedCache(FeedCache.MAX_BYTES);

    /**
     * @param baseUrl where Sift is reached from outside ({@code SIFT_BASE_URL}), for the feeds' absolute links; null:
     *     the address the request came to
     */
    public FeedRoutes(
            PostQueries posts,
            SearchIndex index,
            SavedSearchStore savedSearches,
            DigestService digests,
            Pages pages,
            String baseUrl,
            PrometheusRegistry registry) {
        GaugeWithCallback.builder()
                .name("sift_feed_cache_bytes")
                .help("Bytes of re-exported feeds kept in memory (at most " + FeedCache.MAX_BYTES + ")")
                .callback(callback -> callback.call(cache.bytes()))
                .register(registry);
        this.posts = posts;
        this.index = index;
        this.savedSearches = savedSearches;
        this.digests = digests;
        this.pages = pages;
        this.baseUrl = baseUrl;
    }

    /** {@code GET /feeds/{view}.{rss|atom|json}}. */
    public void feed(Context ctx) {
        String[] name = split(ctx.pathParam("name"));
        FeedWriter.Format format = format(name[1]);
        String base = base(ctx);
        Viewer viewer = Viewer.of(ctx);
        int limit = limit(ctx);
        Supplier<FeedDoc> doc = switch (name[0]) {
            case "posts" -> () -> postsFeed(ctx, base, viewer, limit);
            case "releases" ->
                () -> riverFeed(
                        base,
                        viewer,
                        "Releases",
                        "New versions of the tools network engineers use.",
                        "/releases",
                        new RiverFilter(null, "release", null, null, null, RiverFilter.Show.ALL),
                        limit,
                        false);
            case "podcasts" ->
                () -> riverFeed(
                        base,
                        viewer,
                        "Podcast episodes",
                        "The episodes Sift follows, for your podcast app.",
                        "/podcasts",
                        new RiverFilter(null, "podcast", null, null, maxHype(ctx), RiverFilter.Show.ALL),
                        limit,
                        true);
            case "digest" -> () -> digestFeed(base, viewer);
            default ->
                throw new NotFoundResponse("There is no feed '" + name[0] + "': Sift has posts, releases, podcasts, "
                        + "digest and searches/{id}.");
        };
        send(ctx, format, mark(ctx, name[0], viewer), doc);
    }

    /**
     * What a view's feed depends on, beyond its address: the posts (their newest change and count); the digest also
     * on its newest day and the reader's settings. A reader's unread or starred posts change with the reader's
     * state as well: those feeds are built on every request (their ETag still saves sending them again).
     */
    private String mark(Context ctx, String view, Viewer viewer) {
        String mark = posts.changeMark();
        if (view.equals("digest")) {
            DigestSettings settings = digests.settings(viewer.userId());
            return mark + "/" + digests.latestDay(settings) + "/" + settings;
        }
        String show = ctx.queryParam("show");
        return show == null || show.isBlank() || show.equals("all") ? mark : "state-" + System.nanoTime();
    }

    /** {@code GET /feeds/searches/{id}.{rss|atom|json}}: a saved search of the reader, newest first. */
    public void savedSearch(Context ctx) {
        String[] name = split(ctx.pathParam("name"));
        FeedWriter.Format format = format(name[1]);
        Viewer viewer = Viewer.of(ctx);
        if (!viewer.signedIn()) {
            throw new NotFoundResponse(
                    "Saved searches are a reader's own: subscribe with the address from your account page.");
        }
        long id;
        try {
            id = Long.parseLong(name[0]);
        } catch (NumberFormatException e) {
            throw new NotFoundResponse("There is no saved search '" + name[0] + "'.");
        }
        SavedSearchStore.SavedSearch search = savedSearches
                .find(viewer.userId(), id)
                .orElseThrow(() -> new NotFoundResponse("You have no saved search " + id + "."));
        String base = base(ctx);
        int limit = limit(ctx);
        send(
                ctx,
                format,
                posts.changeMark() + "/" + search.query(),
                () -> searchFeed(base, viewer, search.name(), search.query(), "/searches/" + id, limit));
    }

    private FeedDoc postsFeed(Context ctx, String base, Viewer viewer, int limit) {
        String q = ctx.queryParam("q");
        if (q != null && !q.isBlank()) {
            return searchFeed(
                    base, viewer, "Search: " + q.strip(), q.strip(), WebLinks.with("/search", "q", q.strip()), limit);
        }
        RiverFilter filter = ReaderRoutes.filter(ctx);
        if (!viewer.signedIn() && filter.show() != RiverFilter.Show.ALL) {
            throw new BadRequestResponse("Only a reader has " + filter.show().id()
                    + " posts: subscribe with the address " + "from your account page.");
        }
        String query = knownParameters(ctx);
        String home = "/" + (query.isEmpty() ? "" : "?" + query);
        return riverFeed(
                base,
                viewer,
                title(filter),
                "Posts of the feeds Sift follows, newest first.",
                home,
                filter,
                limit,
                false);
    }

    private FeedDoc riverFeed(
            String base,
            Viewer viewer,
            String title,
            String description,
            String home,
            RiverFilter filter,
            int limit,
            boolean podcast) {
        return doc(base, title, description, home, posts.river(limit, null, filter, viewer.userId()), podcast);
    }

    private FeedDoc searchFeed(String base, Viewer viewer, String title, String query, String home, int limit) {
        List<Long> ids;
        try {
            ids = index.search(new SearchRequest(query, limit, 0, SearchRequest.Order.DATE)).hits().stream()
                    .map(hit -> hit.id())
                    .toList();
        } catch (SearchSyntaxException e) {
            throw new BadRequestResponse("The search '" + query + "' cannot be read: " + e.getMessage());
        }
        return doc(base, title, "Posts that match " + query + ", newest first.", home, posts.summaries(ids), false);
    }

    /** The reader's digests of the last {@value #DIGEST_DAYS} days, one entry a day. */
    private FeedDoc digestFeed(String base, Viewer viewer) {
        DigestSettings settings = digests.settings(viewer.userId());
        LocalDate latest = digests.latestDay(settings);
        List<FeedDoc.Item> items = new ArrayList<>();
        for (int i = 0; i < DIGEST_DAYS; i++) {
            Digest digest = digests.build(viewer.userId(), settings, latest.minusDays(i));
            String url = base + "/digest/" + digest.day();
            items.add(new FeedDoc.Item(
                    url,
                    digest.title(),
                    url,
                    digest.to(),
                    null,
                    "Sift",
                    digest.considered() + " posts, curated.",
                    pages.html("digest/sections.jte", Map.of("digest", digest, "base", base)),
                    List.of(),
                    null,
                    null,
                    "digest",
                    List.of(),
                    null,
                    List.of()));
        }
        return new FeedDoc(
                "Sift: daily digest",
                "One entry a day: the day's stories, curated, with the hype held down.",
                base + "/digest",
                null,
                items.get(0).published(),
                items,
                false);
    }

    private FeedDoc doc(
            String base, String title, String description, String home, List<PostSummary> found, boolean podcast) {
        List<Long> ids = found.stream().map(PostSummary::id).toList();
        Map<Long, String> contents = posts.contents(ids);
        Map<Long, List<Enclosure>> enclosures = posts.enclosures(ids);
        Map<Long, Integer> durations = podcast ? posts.durations(ids) : Map.of();
        Map<Long, List<PostFacts.Claim>> spoken = posts.spokenClaims(ids);
        List<FeedDoc.Item> items = found.stream()
                .map(p -> new FeedDoc.Item(
                        base + "/posts/" + p.id(),
                        p.title(),
                        WebLinks.httpOnly(p.link()) != null ? p.link() : base + "/posts/" + p.id(),
                        p.publishedAt(),
                        null,
                        p.author(),
                        p.summary(),
                        content(contents.get(p.id()), spoken.get(p.id()), base + "/posts/" + p.id()),
                        p.topics(),
                        p.hypeScore(),
                        p.stance(),
                        p.kind(),
                        enclosures.getOrDefault(p.id(), List.of()),
                        durations.get(p.id()),
                        spoken.getOrDefault(p.id(), List.of())))
                .toList();
        Instant updated = found.isEmpty() ? Instant.EPOCH : found.get(0).publishedAt();
        return new FeedDoc("Sift: " + title, description, base + home, null, updated, items, podcast);
    }

    /**
     * A post's content for feed readers, which show no extension elements: an episode's spoken claims follow it,
     * each linking to Sift's page of the episode at the time it was said.
     */
    private String content(String html, List<PostFacts.Claim> spoken, String url) {
        if (spoken == null) {
            return html;
        }
        return (html == null ? "" : html) + pages.html("feeds/spoken.jte", Map.of("claims", spoken, "url", url));
    }

    /** Serves the feed from memory while the posts have not changed since it was built; 304 when the reader has it. */
    private void send(Context ctx, FeedWriter.Format format, String mark, Supplier<FeedDoc> doc) {
        String self = self(ctx);
        String key = self + " " + Viewer.of(ctx).userId();
        FeedCache.Entry built = cache.get(key);
        if (built == null || !built.mark().equals(mark)) {
            byte[] body = FeedWriter.write(doc.get().withSelf(self), format);
            built = new FeedCache.Entry(mark, etag(body), Instant.now(), body);
            cache.put(key, built);
        }
        ctx.header("ETag", built.etag());
        ctx.header("Last-Modified", HTTP_DATE.format(built.lastModified()));
        ctx.header("Cache-Control", (Viewer.of(ctx).signedIn() ? "private" : "public") + ", max-age=300");
        ctx.header("Vary", "Cookie");
        if (notModified(ctx, built)) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        ctx.contentType(format.mediaType);
        ctx.result(built.body());
    }

    private static boolean notModified(Context ctx, FeedCache.Entry built) {
        String ifNoneMatch = ctx.header("If-None-Match");
        if (ifNoneMatch != null) {
            for (String tag : ifNoneMatch.split(",")) {
                String t = tag.strip();
                if (t.equals("*") || t.equals(built.etag()) || t.equals("W/" + built.etag())) {
                    return true;
                }
            }
            return false;
        }
        String ifModifiedSince = ctx.header("If-Modified-Since");
        if (ifModifiedSince != null) {
            try {
                Instant since = ZonedDateTime.parse(ifModifiedSince, HTTP_DATE).toInstant();
                return built.lastModified().getEpochSecond() <= since.getEpochSecond();
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return false;
    }

    private static String etag(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String base(Context ctx) {
        if (baseUrl != null) {
            return baseUrl;
        }
        return ctx.scheme() + "://" + ctx.host();
    }

    /**
     * This feed's own address: the path and the parameters that change it, without the reader's secret (which a feed
     * must not spread) or anything else a client added.
     */
    private String self(Context ctx) {
        String query = knownParameters(ctx);
        return base(ctx) + ctx.path() + (query.isEmpty() ? "" : "?" + query);
    }

    /** The parameters that change a feed ({@link #PARAMETERS}), each once, in a stable order, trimmed; blank ones left out. */
    private static String knownParameters(Context ctx) {
        StringBuilder query = new StringBuilder();
        for (String name : PARAMETERS) {
            String value = ctx.queryParam(name);
            if (value != null && !value.isBlank()) {
                query.append(query.isEmpty() ? "" : "&")
                        .append(name)
                        .append('=')
                        .append(URLEncoder.encode(value.strip(), StandardCharsets.UTF_8));
            }
        }
        return query.toString();
    }

    /** A river view's title: which posts, then its filter in words ("All posts, topic routing, hype at most 40"). */
    private static String title(RiverFilter filter) {
        String show = switch (filter.show()) {
            case ALL -> "All posts";
            case UNREAD -> "Unread posts";
            case STARRED -> "Starred posts";
        };
        String words = ReaderPage.words(filter);
        return words.isEmpty() ? show : show + ", " + words;
    }

    private static String[] split(String name) {
        int dot = name.lastIndexOf('.');
        if (dot < 1) {
            throw new NotFoundResponse("A feed's address ends in .rss, .atom or .json, not '" + name + "'.");
        }
        return new String[] {name.substring(0, dot), name.substring(dot + 1)};
    }

    private static FeedWriter.Format format(String suffix) {
        FeedWriter.Format format = FeedWriter.Format.ofSuffix(suffix);
        if (format == null) {
            throw new NotFoundResponse("Sift writes feeds as .rss, .atom or .json, not ." + suffix + ".");
        }
        return format;
    }

    private static int limit(Context ctx) {
        Long limit = Fields.wholeNumber("limit", ctx.queryParam("limit"), 1, MAX_ENTRIES, "");
        return limit == null ? DEFAULT_ENTRIES : limit.intValue();
    }

    private static Integer maxHype(Context ctx) {
        return ReaderRoutes.filter(ctx).maxHype();
    }
}
