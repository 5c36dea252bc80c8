package sift.web.podcast;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.util.List;
import sift.store.podcast.PodcastStore;
import sift.store.post.RiverCursor;
import sift.web.Pages;
import sift.web.auth.Viewer;

/** {@code GET /podcasts} (the shows) and {@code GET /podcasts/show?name=} (a show's episodes). */
public final class PodcastRoutes {
    static final int PAGE_SIZE = 50;

    private final PodcastStore podcasts;
    private final Pages pages;
    private final Clock clock;

    public PodcastRoutes(PodcastStore podcasts, Pages pages, Clock clock) {
        this.podcasts = podcasts;
        this.pages = pages;
        this.clock = clock;
    }

    public void shows(Context ctx) {
        Long reader = Viewer.of(ctx).userId();
        List<PodcastStore.Episode> started = reader == null ? List.of() : podcasts.inProgress(reader, 5);
        pages.render(ctx, "podcast/shows.jte",
                new PodcastPage(null, podcasts.shows(reader), List.of(), started, null, clock.instant()));
    }

    public void show(Context ctx) {
        String name = ctx.queryParam("name");
        if (name == null || name.isBlank()) {
            throw new BadRequestResponse("name is missing: /podcasts/show?name=SHOW");
        }
        String after = ctx.queryParam("after");
        RiverCursor cursor;
        try {
            cursor = after == null || after.isBlank() ? null : RiverCursor.parse(after);
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse(e.getMessage());
        }
        List<PodcastStore.Episode> page = podcasts.episodes(name, Viewer.of(ctx).userId(), PAGE_SIZE + 1, cursor);
        if (page.isEmpty() && cursor == null) {
            throw new NotFoundResponse("There is no podcast '" + name + "'.");
        }
        String next = null;
        if (page.size() > PAGE_SIZE) {
            page = page.subList(0, PAGE_SIZE);
            PodcastStore.Episode last = page.get(PAGE_SIZE - 1);
            next = new RiverCursor(last.publishedAt(), last.postId()).token();
        }
        pages.render(ctx, "podcast/show.jte", new PodcastPage(name, List.of(), page, List.of(), next, clock.instant()));
    }
}
