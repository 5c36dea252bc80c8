package sift.web.release;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import sift.store.release.ReleaseNote;
import sift.store.release.ReleaseStore;
import sift.web.auth.Auth;
import sift.web.http.Fields;
import sift.web.http.Pages;
import sift.web.http.Viewer;
import sift.web.http.WebLinks;

/**
 * {@code GET /releases} (the products), {@code GET /releases/product?name=} (a product's versions over time) and
 * {@code POST /releases/watch} (watch a product or stop).
 */
public final class ReleaseRoutes {
    static final int TIMELINE_SIZE = 200;

    private final ReleaseStore releases;
    private final Pages pages;
    private final Clock clock;

    public ReleaseRoutes(ReleaseStore releases, Pages pages, Clock clock) {
        this.releases = releases;
        this.pages = pages;
        this.clock = clock;
    }

    public void products(Context ctx) {
        pages.render(
                ctx,
                "release/products.jte",
                new ReleasePage(null, false, releases.products(Viewer.of(ctx).userId()), List.of(), clock.instant()));
    }

    public void timeline(Context ctx) {
        String name = name(ctx.queryParam("name"));
        Long reader = Viewer.of(ctx).userId();
        boolean watched = reader != null && releases.watched(reader).contains(name);
        pages.render(
                ctx,
                "release/timeline.jte",
                new ReleasePage(name, watched, List.of(), timeline(name, reader), clock.instant()));
    }

    /** {@code GET /api/releases}: {@code {products: [{name, releases, latestVersion, latest, latestBreaking, watched}]}}. */
    public void productsApi(Context ctx) {
        ctx.json(Map.of(
                "products",
                releases.products(Viewer.of(ctx).userId()).stream()
                        .map(p -> Map.of(
                                "name",
                                p.name(),
                                "releases",
                                p.releases(),
                                "latestVersion",
                                p.latestVersion(),
                                "latest",
                                p.latest().toString(),
                                "latestBreaking",
                                p.latestBreaking(),
                                "watched",
                                p.watched()))
                        .toList()));
    }

    /** {@code GET /api/releases/timeline?name=}: {@code {product, releases: [{id, version, published, ...}]}}. */
    public void timelineApi(Context ctx) {
        String name = name(ctx.queryParam("name"));
        ctx.json(Map.of(
                "product",
                name,
                "releases",
                timeline(name, Viewer.of(ctx).userId()).stream()
                        .map(r -> Map.of(
                                "id",
                                r.postId(),
                                "title",
                                r.title(),
                                "version",
                                r.version(),
                                "published",
                                r.publishedAt().toString(),
                                "breaking",
                                r.breaking(),
                                "highlights",
                                r.notes().stream().map(ReleaseNote::text).toList(),
                                "notes",
                                r.notes(),
                                "read",
                                r.read(),
                                "url",
                                "/posts/" + r.postId()))
                        .toList()));
    }

    private List<ReleaseStore.Release> timeline(String name, Long reader) {
        List<ReleaseStore.Release> timeline = releases.timeline(name, reader, TIMELINE_SIZE);
        if (timeline.isEmpty()) {
            throw new NotFoundResponse("There are no releases of '" + name + "'.");
        }
        return timeline;
    }

    /** {@code POST /releases/watch} and {@code /api/releases/watch}: fields {@code name} and {@code watch}. */
    public void watch(Context ctx) {
        Long reader = Viewer.of(ctx).userId();
        if (reader == null) {
            throw new IllegalStateException("Auth lets no change through without a signed-in reader");
        }
        Map<String, String> fields = Fields.of(ctx);
        String name = name(fields.get("name"));
        Boolean watch = Fields.flag(fields, "watch");
        if (watch == null) {
            throw new BadRequestResponse("watch must be true or false, and is missing");
        }
        if (!releases.exists(name)) {
            throw new NotFoundResponse("There are no releases of '" + name + "' to watch.");
        }
        releases.watch(reader, name, watch, clock.instant());
        if (ctx.path().startsWith("/api/")) {
            ctx.json(Map.of("name", name, "watched", watch));
        } else {
            String back = fields.get("back");
            ctx.redirect(
                    back == null ? WebLinks.with("/releases/product", "name", name) : Auth.safeNext(back),
                    HttpStatus.SEE_OTHER);
        }
    }

    private static String name(String name) {
        if (name == null || name.isBlank()) {
            throw new BadRequestResponse("name is missing: the product's name, as /releases lists it");
        }
        return name.strip();
    }
}
