package sift.web.reader;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.ServiceUnavailableResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sift.store.classifier.LabelStore;
import sift.store.post.Post;
import sift.store.post.PostFacts;
import sift.store.post.PostQueries;
import sift.store.post.PostSummary;
import sift.store.post.RiverCursor;
import sift.store.post.RiverFilter;
import sift.store.search.SearchIndex;
import sift.store.sync.SyncStore;
import sift.store.user.PostState;
import sift.store.user.PostStateStore;
import sift.web.http.ClaimJson;
import sift.web.http.Dates;
import sift.web.http.FeedReachNotice;
import sift.web.http.Fields;
import sift.web.http.Pages;
import sift.web.http.Viewer;
import sift.web.http.WebLinks;

/** The river of posts, the page of one post and the posts like it. */
public final class ReaderRoutes {
    private static final Logger log = LoggerFactory.getLogger(ReaderRoutes.class);
    static final int PAGE_SIZE = 50;
    /** The most posts {@code /api/posts?limit=} gives at once. */
    static final int MAX_API_PAGE = 200;
    /** At most so many links to the same story in other feeds. */
    static final int SAME_STORY_LINKS = 5;

    static final int MORE_LIKE_THIS = 10;
    /** How long a new release of a watched product leads the river while it is unread. */
    static final Duration WATCHED_RELEASES_FOR = Duration.ofDays(14);

    private final PostQueries posts;
    private final PostStateStore states;
    private final LabelStore labels;
    private final SyncStore sync;
    private final ReadMarks readMarks;
    private final SearchIndex index;
    private final Pages pages;
    private final FeedReachNotice reach;
    private final Clock clock;
    private final MarkedContents marked = new MarkedContents();

    public ReaderRoutes(
            PostQueries posts,
            PostStateStore states,
            LabelStore labels,
            SyncStore sync,
            ReadMarks readMarks,
            SearchIndex index,
            Pages pages,
            FeedReachNotice reach,
            Clock clock) {
        this.reach = reach;
        this.posts = posts;
        this.index = index;
        this.states = states;
        this.labels = labels;
        this.sync = sync;
        this.readMarks = readMarks;
        this.pages = pages;
        this.clock = clock;
    }

    /**
     * {@code GET /?show=all|unread|starred&topic=&kind=&feed=&stance=&maxHype=&after=CURSOR}: newest first, fifty a
     * page, filtered; a bad filter or cursor is a 400 that names it, and so is unread or starred without a reader.
     */
    public void river(Context ctx) {
        Viewer viewer = Viewer.of(ctx);
        RiverCursor cursor = cursor(ctx);
        RiverFilter filter = filter(ctx);
        KeysetPage<PostSummary> page = page(filter, cursor, viewer.userId(), PAGE_SIZE);
        Instant now = clock.instant();
        List<ReaderPage.Item> items = items(page.items(), now);
        // new releases of the products the reader watches lead the first page of the river
        List<ReaderPage.Item> watched =
                viewer.signedIn() && cursor == null && filter.isAll() && filter.show() != RiverFilter.Show.STARRED
                        ? items(posts.watchedReleases(viewer.userId(), now.minus(WATCHED_RELEASES_FOR), 5), now)
                        : List.of();
        pages.render(
                ctx,
                "reader/list.jte",
                new ReaderPage(items, watched, page.next(), cursor == null, filter, reach.notice()));
    }

    /**
     * {@code GET /api/posts} with the river's parameters: {@code {posts: [...], next}}, {@code next} the cursor of
     * the next page ({@code ?after=}) or null.
     */
    public void riverApi(Context ctx) {
        Long limit = number(ctx, "limit", 1, MAX_API_PAGE);
        KeysetPage<PostSummary> page =
                page(filter(ctx), cursor(ctx), Viewer.of(ctx).userId(), limit == null ? PAGE_SIZE : limit.intValue());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("posts", page.items().stream().map(ReaderRoutes::json).toList());
        body.put("next", page.next());
        ctx.json(body);
    }

    /** {@code GET /api/posts/{id}}: the post with its content, facts and the reader's state (reading it by API marks nothing). */
    public void postApi(Context ctx) {
        long id = StateRoutes.postId(ctx);
        Post post = posts.find(id).orElseThrow(() -> new NotFoundResponse("There is no post " + id + "."));
        Long reader = Viewer.of(ctx).userId();
        if (reader != null) {
            readMarks.flush(reader);
        }
        PostState state = reader == null ? PostState.UNTOUCHED : states.state(reader, id);
        PostFacts f = post.facts();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", post.id());
        body.put("title", post.title());
        body.put("feed", Map.of("id", post.feedId(), "title", post.feedTitle()));
        body.put("link", WebLinks.httpOnly(post.link()));
        body.put("author", post.author());
        body.put("published", post.publishedAt().toString());
        body.put("summary", post.summary());
        body.put("contentHtml", post.contentHtml());
        body.put("archived", post.archivedAt() != null);
        body.put("kind", f.kind());
        body.put(
                "topics",
                f.topics().stream()
                        .map(t -> Map.of("topic", t.topic(), "score", t.score()))
                        .toList());
        body.put("hypeScore", f.hypeScore());
        body.put("stance", f.stance());
        body.put("claims", f.claims().stream().map(ClaimJson::of).toList());
        body.put("release", f.release());
        body.put("episode", f.episode());
        body.put("enclosures", post.enclosures());
        body.put("state", reader == null ? null : StateRoutes.json(id, state));
        body.put("labels", reader == null ? List.of() : sync.labels(reader, id));
        ctx.json(body);
    }

    private static Map<String, Object> json(PostSummary p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", p.id());
        out.put("title", p.title());
        out.put("feed", Map.of("id", p.feedId(), "title", p.feedTitle()));
        out.put("link", WebLinks.httpOnly(p.link()));
        out.put("author", p.author());
        out.put("published", p.publishedAt().toString());
        out.put("summary", p.summary());
        out.put("kind", p.kind());
        out.put("topics", p.topics());
        out.put("hypeScore", p.hypeScore());
        out.put("stance", p.stance());
        out.put("read", p.read());
        out.put("starred", p.starred());
        out.put("url", "/posts/" + p.id());
        return out;
    }

    /** A page of the river, with the reader's opened posts stored first. */
    private KeysetPage<PostSummary> page(RiverFilter filter, RiverCursor cursor, Long readerId, int size) {
        if (readerId != null) {
            readMarks.flush(readerId);
        }
        try {
            return KeysetPage.of(
                    posts.river(size + 1, cursor, filter, readerId),
                    size,
                    p -> new RiverCursor(p.publishedAt(), p.id()));
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse(e.getMessage());
        }
    }

    /** The page cursor of {@code ?after=}, or null for the first page; a bad one is a 400 naming it. */
    public static RiverCursor cursor(Context ctx) {
        String after = ctx.queryParam("after");
        try {
            return after == null || after.isBlank() ? null : RiverCursor.parse(after);
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse(e.getMessage());
        }
    }

    /** The river's filter of {@code ?show=&topic=&kind=&feed=&stance=&maxHype=}; a bad value is a 400 naming it. */
    public static RiverFilter filter(Context ctx) {
        try {
            String show = param(ctx, "show");
            Long maxHype = number(ctx, "maxHype", 0, 100);
            return new RiverFilter(
                    param(ctx, "topic"),
                    param(ctx, "kind"),
                    number(ctx, "feed", 1, Long.MAX_VALUE),
                    param(ctx, "stance"),
                    maxHype == null ? null : maxHype.intValue(),
                    show == null ? RiverFilter.Show.ALL : RiverFilter.Show.parse(show));
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse(e.getMessage());
        }
    }

    private static List<ReaderPage.Item> items(List<PostSummary> posts, Instant now) {
        return posts.stream()
                .map(p -> new ReaderPage.Item(
                        p.id(),
                        p.title(),
                        p.feedId(),
                        p.feedTitle(),
                        p.summary(),
                        p.kind(),
                        Dates.shown(p.publishedAt(), now),
                        p.topics(),
                        p.hypeScore(),
                        p.stance(),
                        p.read(),
                        p.starred()))
                .toList();
    }

    private static String param(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The whole number of {@code ?name=} from {@code min} to {@code max}, or null; anything else is a 400 naming it. */
    private static Long number(Context ctx, String name, long min, long max) {
        return Fields.wholeNumber(name, ctx.queryParam(name), min, max, "");
    }

    /**
     * {@code GET /posts/{id}}: the post, which is then read for the signed-in reader; {@code ?t=SECONDS} starts its
     * episode's player there (a search hit in what was said links to it).
     */
    public void post(Context ctx) {
        long id = StateRoutes.postId(ctx);
        Long startAt = number(ctx, "t", 0, 360_000);
        Post post = posts.find(id).orElseThrow(() -> new NotFoundResponse("There is no post " + id + "."));
        Long reader = Viewer.of(ctx).userId();
        PostState state = reader == null ? PostState.UNTOUCHED : states.state(reader, id);
        if (reader != null && !state.read()) {
            readMarks.mark(reader, id);
            state = new PostState(clock.instant(), state.starredAt(), state.playPositionSeconds(), state.playedAt());
        }
        List<PostPage.Media> media = post.enclosures().stream()
                .filter(e -> WebLinks.httpOnly(e.url()) != null)
                .map(e -> {
                    String type = e.mimeType() == null ? "" : e.mimeType().toLowerCase(Locale.ROOT);
                    return new PostPage.Media(
                            e.url(), e.mimeType(), e.length(), type.startsWith("audio/"), type.startsWith("video/"));
                })
                .toList();
        Instant now = clock.instant();
        PostFacts facts = post.facts();
        pages.render(
                ctx,
                "reader/post.jte",
                new PostPage(
                        post.id(),
                        post.title(),
                        post.feedTitle(),
                        post.author(),
                        WebLinks.httpOnly(post.link()),
                        facts.kind(),
                        Dates.shown(post.publishedAt(), now),
                        marked.mark(post.id(), post.contentHtml(), facts.claims()),
                        post.summary(),
                        post.archivedAt() == null ? null : Dates.shown(post.archivedAt(), now),
                        media,
                        facts.topics(),
                        facts.hypeScore(),
                        facts.stance(),
                        ClaimMarks.flagged(facts.claims()),
                        facts.stance().equals("skeptical")
                                ? facts.claims().stream()
                                        .filter(c -> c.stance().equals("skeptical") && !c.spoken())
                                        .toList()
                                : List.of(),
                        facts.claims().stream()
                                .filter(c -> c.spoken() && !c.stance().equals("neutral"))
                                .toList(),
                        !facts.claims().isEmpty() || !facts.stance().equals("neutral"),
                        facts.release(),
                        facts.episode(),
                        state,
                        reader == null ? List.of() : sync.labels(reader, id),
                        others(posts.sameStory(id, SAME_STORY_LINKS), now),
                        Viewer.of(ctx).admin() ? labels.forPost(id) : List.of(),
                        startAt == null ? null : startAt.intValue()));
    }

    /**
     * {@code GET /posts/{id}/like}: the posts like this one beyond its story. A page of its own, asked for: the search
     * costs milliseconds, which every view of the post page would pay.
     */
    public void like(Context ctx) {
        long id = StateRoutes.postId(ctx);
        Post post = posts.find(id).orElseThrow(() -> new NotFoundResponse("There is no post " + id + "."));
        pages.render(ctx, "reader/like.jte", new LikePage(id, post.title(), others(like(id), clock.instant())));
    }

    /** {@code GET /api/posts/{id}/like}: {@code {id, like: [posts as the river lists them]}}, nearest first. */
    public void likeApi(Context ctx) {
        long id = StateRoutes.postId(ctx);
        if (!posts.exists(id)) {
            throw new NotFoundResponse("There is no post " + id + ".");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("like", like(id).stream().map(ReaderRoutes::json).toList());
        ctx.json(body);
    }

    /** The posts like this one beyond its story, nearest first; a 503 when the index fails. */
    private List<PostSummary> like(long id) {
        try {
            return posts.summaries(index.moreLikeThis(id, MORE_LIKE_THIS));
        } catch (RuntimeException e) {
            log.warn("Post {}: no posts like it found, the search index failed: {}", id, e.toString());
            throw new ServiceUnavailableResponse(
                    "The search index cannot find posts like this one now; try again soon.");
        }
    }

    private static List<PostPage.Other> others(List<PostSummary> summaries, Instant now) {
        return summaries.stream()
                .map(p -> new PostPage.Other(p.id(), p.title(), p.feedTitle(), Dates.shown(p.publishedAt(), now)))
                .toList();
    }
}
