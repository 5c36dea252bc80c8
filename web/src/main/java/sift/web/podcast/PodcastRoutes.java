package sift.web.podcast;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sift.store.podcast.PodcastStore;
import sift.store.post.RiverCursor;
import sift.web.http.FeedReachNotice;
import sift.web.http.Pages;
import sift.web.http.Viewer;
import sift.web.reader.KeysetPage;
import sift.web.reader.ReaderRoutes;

/** {@code GET /podcasts} (the shows) and {@code GET /podcasts/show?name=} (a show's episodes). */
public final class PodcastRoutes {
    static final int PAGE_SIZE = 50;

    private final PodcastStore podcasts;
    private final Pages pages;
    private final FeedReachNotice reach;
    private final Clock clock;

    public PodcastRoutes(PodcastStore podcasts, Pages pages, FeedReachNotice reach, Clock clock) {
        this.podcasts = podcasts;
        this.reach = reach;
        this.pages = pages;
        this.clock = clock;
    }

    public void shows(Context ctx) {
        Long reader = Viewer.of(ctx).userId();
        List<PodcastStore.Episode> started = reader == null ? List.of() : podcasts.inProgress(reader, 5);
        pages.render(
                ctx,
                "podcast/shows.jte",
                new PodcastPage(
                        null, podcasts.shows(reader), List.of(), started, null, clock.instant(), reach.notice(), null));
    }

    public void show(Context ctx) {
        Episodes e = episodes(ctx);
        pages.render(
                ctx,
                "podcast/show.jte",
                new PodcastPage(
                        e.show(),
                        List.of(),
                        e.page().items(),
                        List.of(),
                        e.page().next(),
                        clock.instant(),
                        null,
                        podcasts.about(e.show()).orElse(null)));
    }

    /** {@code GET /api/podcasts}: {@code {shows: [{name, episodes, unplayed, latest}]}}. */
    public void showsApi(Context ctx) {
        ctx.json(Map.of(
                "shows",
                podcasts.shows(Viewer.of(ctx).userId()).stream()
                        .map(s -> Map.of(
                                "name",
                                s.name(),
                                "episodes",
                                s.episodes(),
                                "unplayed",
                                s.unplayed(),
                                "latest",
                                s.latest().toString()))
                        .toList()));
    }

    /** {@code GET /api/podcasts/episodes?name=SHOW&after=}: {@code {show, episodes: [...], next}}. */
    public void episodesApi(Context ctx) {
        Episodes e = episodes(ctx);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("show", e.show());
        body.put("episodes", e.page().items().stream().map(PodcastRoutes::json).toList());
        body.put("next", e.page().next());
        ctx.json(body);
    }

    private static Map<String, Object> json(PodcastStore.Episode e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", e.postId());
        out.put("title", e.title());
        out.put("published", e.publishedAt().toString());
        out.put("season", e.season());
        out.put("number", e.number());
        out.put("durationSeconds", e.durationSeconds());
        out.put("notes", e.summary());
        out.put("played", e.played());
        out.put("position", e.positionSeconds());
        out.put("url", "/posts/" + e.postId());
        return out;
    }

    /** A show and a page of its episodes. */
    private record Episodes(String show, KeysetPage<PodcastStore.Episode> page) {}

    private Episodes episodes(Context ctx) {
        String name = ctx.queryParam("name");
        if (name == null || name.isBlank()) {
            throw new BadRequestResponse("name is missing: the show's name, as /podcasts lists it");
        }
        RiverCursor cursor = ReaderRoutes.cursor(ctx);
        List<PodcastStore.Episode> page = podcasts.episodes(name, Viewer.of(ctx).userId(), PAGE_SIZE + 1, cursor);
        if (page.isEmpty() && cursor == null) {
            throw new NotFoundResponse("There is no podcast '" + name + "'.");
        }
        return new Episodes(name, KeysetPage.of(page, PAGE_SIZE, e -> new RiverCursor(e.publishedAt(), e.postId())));
    }
}
