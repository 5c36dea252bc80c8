package sift.web.health;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import sift.ingest.refresh.IngestStatus;
import sift.ingest.refresh.RefreshScheduler;
import sift.store.Database;
import sift.store.feed.FeedReach;
import sift.store.search.SearchIndex;

/**
 * {@code GET /health}: 200 when the database answers, 503 when it does not; {@code "degraded"} when it answers but
 * more feeds fail than answer. Liveness is that the page answers at
 * all; readiness is its status code. Anyone gets the status alone ({@code {"status": "ok"}}); an admin or a
 * monitoring system ({@link Diagnostics}) also gets the database, search index and ingest status.
 */
public final class HealthRoutes {
    private final Database db;
    private final SearchIndex search;
    private final RefreshScheduler ingest;

    /** @param ingest the scheduler of this process, or null when it does not ingest */
    public HealthRoutes(Database db, SearchIndex search, RefreshScheduler ingest) {
        this.db = db;
        this.search = search;
        this.ingest = ingest;
    }

    public void show(Context ctx, boolean details) {
        boolean reachable = db.isReachable();
        FeedReach reach = reachable ? db.feeds().reach() : null;
        // degraded: Sift serves, but more of its feeds fail than answer (no internet, a proxy missing)
        String status = !reachable ? "unavailable" : reach.mostlyFailing() ? "degraded" : "ok";
        if (!details) {
            ctx.status(reachable ? 200 : 503).json(Map.of("status", status));
            return;
        }
        Map<String, Object> database = new LinkedHashMap<>();
        database.put("url", db.describe());
        database.put("reachable", reachable);
        if (reachable) {
            database.put("feeds", db.feeds().count());
            database.put("posts", db.postChanges().count());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("database", database);
        body.put("search", Map.of("indexed", search.size()));
        body.put("ingest", ingest == null ? Map.of("state", "disabled") : ingest(ingest.status()));
        if (reach != null) {
            Map<String, Object> feeds = new LinkedHashMap<>();
            feeds.put("reached", reach.reached());
            feeds.put("failing", reach.failing());
            feeds.put("waiting", reach.waiting());
            feeds.put("commonError", reach.commonError());
            body.put("feeds", feeds);
        }
        ctx.status(reachable ? 200 : 503).json(body);
    }

    private static Map<String, Object> ingest(IngestStatus status) {
        Map<String, Object> ingest = new LinkedHashMap<>();
        ingest.put("state", !status.running() ? "stopped" : status.paused() != null ? "paused" : "running");
        if (status.paused() != null) {
            ingest.put("paused", status.paused());
        }
        ingest.put("inFlight", status.inFlight());
        ingest.put("refreshesDone", status.refreshesDone());
        ingest.put(
                "lastRefreshAt",
                status.lastRefreshAt() == null ? null : status.lastRefreshAt().toString());
        return ingest;
    }
}
