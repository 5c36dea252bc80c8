package sift.web.reader;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import sift.store.post.Post;
import sift.store.post.PostFacts;
import sift.store.post.PostStore;
import sift.store.post.PostSummary;
import sift.store.post.RiverFilter;
import sift.store.post.RiverCursor;
import sift.store.user.PostState;
import sift.store.user.PostStateStore;
import sift.web.Dates;
import sift.web.Pages;
import sift.web.WebLinks;
import sift.web.auth.Viewer;

/** The river of posts and the page of one post. */
public final class ReaderRoutes {
    static final int PAGE_SIZE = 50;
    /** How long a new release of a watched product leads the river while it is unread. */
    static final Duration WATCHED_RELEASES_FOR = Duration.ofDays(14);

    private final PostStore posts;
    private final PostStateStore states;
    private final Pages pages;
    private final Clock clock;

    public ReaderRoutes(PostStore posts, PostStateStore states, Pages pages, Clock clock) {
        this.posts = posts;
        this.states = states;
        this.pages = pages;
        this.clock = clock;
    }

    /**
     * {@code GET /?show=all|unread|starred&topic=&kind=&feed=&stance=&maxHype=&after=CURSOR}: newest first, fifty a
     * page, filtered; a bad filter or cursor is a 400 that names it, and so is unread or starred without a reader.
     */
    public void river(Context ctx) {
        Viewer viewer = Viewer.of(ctx);
        String after = ctx.queryParam("after");
        RiverCursor cursor;
        RiverFilter filter;
        List<PostSummary> page;
        try {
            cursor = after == null || after.isBlank() ? null : RiverCursor.parse(after);
            String show = param(ctx, "show");
            filter = new RiverFilter(param(ctx, "topic"), param(ctx, "kind"), number(ctx, "feed"), param(ctx, "stance"),
                    number(ctx, "maxHype") == null ? null : Math.toIntExact(number(ctx, "maxHype")),
                    show == null ? RiverFilter.Show.ALL : RiverFilter.Show.parse(show));
            page = posts.river(PAGE_SIZE + 1, cursor, filter, viewer.userId());
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new BadRequestResponse(e.getMessage());
        }
        boolean more = page.size() > PAGE_SIZE;
        List<PostSummary> shown = more ? page.subList(0, PAGE_SIZE) : page;
        Instant now = clock.instant();
        List<ReaderPage.Item> items = items(shown, now);
        // new releases of the products the reader watches lead the first page of the river
        List<ReaderPage.Item> watched = viewer.signedIn() && cursor == null && filter.isAll()
                        && filter.show() != RiverFilter.Show.STARRED
                ? items(posts.watchedReleases(viewer.userId(), now.minus(WATCHED_RELEASES_FOR), 5), now)
                : List.of();
        String next = null;
        if (more) {
            PostSummary last = shown.get(shown.size() - 1);
            next = new RiverCursor(last.publishedAt(), last.id()).token();
        }
        pages.render(ctx, "reader/list.jte", new ReaderPage(items, watched, next, cursor == null, filter));
    }

    private static List<ReaderPage.Item> items(List<PostSummary> posts, Instant now) {
        return posts.stream()
                .map(p -> new ReaderPage.Item(p.id(), p.title(), p.feedId(), p.feedTitle(), p.summary(), p.kind(),
                        Dates.shown(p.publishedAt(), now), p.topics(), p.hypeScore(), p.stance(), p.read(), p.starred()))
                .toList();
    }

    private static String param(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Long number(Context ctx, String name) {
        String value = param(ctx, name);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
        }
    }

    /** {@code GET /posts/{id}}: the post, which is then read for the signed-in reader. */
    public void post(Context ctx) {
        long id = StateRoutes.postId(ctx);
        Post post = posts.find(id).orElseThrow(() -> new NotFoundResponse("There is no post " + id + "."));
        Long reader = Viewer.of(ctx).userId();
        PostState state = reader == null ? PostState.UNTOUCHED : states.state(reader, id);
        if (reader != null && !state.read()) {
            states.setRead(reader, id, true, clock.instant());
            state = new PostState(clock.instant(), state.starredAt(), state.playPositionSeconds(), state.playedAt());
        }
        List<PostPage.Media> media = post.enclosures().stream()
                .filter(e -> WebLinks.httpOnly(e.url()) != null)
                .map(e -> {
                    String type = e.mimeType() == null ? "" : e.mimeType().toLowerCase(Locale.ROOT);
                    return new PostPage.Media(e.url(), e.mimeType(), type.startsWith("audio/"), type.startsWith("video/"));
                })
                .toList();
        Instant now = clock.instant();
        PostFacts facts = post.facts();
        pages.render(ctx, "reader/post.jte", new PostPage(post.id(), post.title(), post.feedTitle(), post.author(),
                WebLinks.httpOnly(post.link()), facts.kind(), Dates.shown(post.publishedAt(), now),
                ClaimMarks.mark(post.contentHtml(), facts.claims()), post.summary(),
                post.archivedAt() == null ? null : Dates.shown(post.archivedAt(), now), media, facts.topics(),
                facts.hypeScore(), facts.stance(), ClaimMarks.flagged(facts.claims()),
                !facts.claims().isEmpty() || !facts.stance().equals("neutral"), facts.release(), facts.episode(),
                state));
    }
}
