package sift.web.reader;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import sift.store.post.Post;
import sift.store.post.PostFacts;
import sift.store.post.PostStore;
import sift.store.post.PostSummary;
import sift.store.post.RiverFilter;
import sift.store.post.RiverCursor;
import sift.web.Dates;
import sift.web.Pages;
import sift.web.WebLinks;

/** The river of posts and the page of one post. */
public final class ReaderRoutes {
    static final int PAGE_SIZE = 50;

    private final PostStore posts;
    private final Pages pages;
    private final Clock clock;

    public ReaderRoutes(PostStore posts, Pages pages, Clock clock) {
        this.posts = posts;
        this.pages = pages;
        this.clock = clock;
    }

    /**
     * {@code GET /?topic=&kind=&feed=&stance=&maxHype=&after=CURSOR}: newest first, fifty a page, filtered; a bad
     * filter or cursor is a 400 that names it.
     */
    public void river(Context ctx) {
        String after = ctx.queryParam("after");
        RiverCursor cursor;
        RiverFilter filter;
        try {
            cursor = after == null || after.isBlank() ? null : RiverCursor.parse(after);
            filter = new RiverFilter(param(ctx, "topic"), param(ctx, "kind"), number(ctx, "feed"), param(ctx, "stance"),
                    number(ctx, "maxHype") == null ? null : Math.toIntExact(number(ctx, "maxHype")));
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new BadRequestResponse(e.getMessage());
        }
        List<PostSummary> page = posts.river(PAGE_SIZE + 1, cursor, filter);
        boolean more = page.size() > PAGE_SIZE;
        List<PostSummary> shown = more ? page.subList(0, PAGE_SIZE) : page;
        Instant now = clock.instant();
        List<ReaderPage.Item> items = shown.stream()
                .map(p -> new ReaderPage.Item(p.id(), p.title(), p.feedId(), p.feedTitle(), p.summary(), p.kind(),
                        Dates.shown(p.publishedAt(), now), p.topics(), p.hypeScore(), p.stance()))
                .toList();
        String next = null;
        if (more) {
            PostSummary last = shown.get(shown.size() - 1);
            next = new RiverCursor(last.publishedAt(), last.id()).token();
        }
        pages.render(ctx, "reader/list.jte", new ReaderPage(items, next, cursor == null, filter));
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

    /** {@code GET /posts/{id}}. */
    public void post(Context ctx) {
        String raw = ctx.pathParam("id");
        long id;
        try {
            id = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new NotFoundResponse("There is no post '" + raw + "'.");
        }
        Post post = posts.find(id).orElseThrow(() -> new NotFoundResponse("There is no post " + id + "."));
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
                !facts.claims().isEmpty() || !facts.stance().equals("neutral"), facts.release(), facts.episode()));
    }
}
