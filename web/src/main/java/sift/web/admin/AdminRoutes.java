package sift.web.admin;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sift.ingest.fulltext.FullText;
import sift.ingest.opml.Opml;
import sift.ingest.opml.OpmlException;
import sift.store.AuditStore;
import sift.store.feed.Feed;
import sift.store.feed.FeedSettings;
import sift.store.feed.FeedStore;
import sift.store.feed.NewFeed;
import sift.web.http.BadInput;
import sift.web.http.Fields;
import sift.web.http.Pages;
import sift.web.http.Viewer;
import sift.web.http.WebLinks;

/**
 * The admin's feed pages (only admins reach them: {@code Auth.requireAdmin}): the feeds by health, broken first;
 * add one by its URL or its site's; edit, remove, refresh now; OPML import with a report, and export. Every
 * change is checked first and recorded in the audit log ({@code /admin/audit}).
 */
public final class AdminRoutes {
    private static final Logger log = LoggerFactory.getLogger(AdminRoutes.class);
    static final int AUDIT_SHOWN = 200;

    private final FeedStore feeds;
    private final AuditStore audit;
    private final OpmlImports imports;
    private final FeedAdmin feedAdmin;
    private final Pages pages;
    private final Clock clock;

    public AdminRoutes(
            FeedStore feeds, AuditStore audit, OpmlImports imports, FeedAdmin feedAdmin, Pages pages, Clock clock) {
        this.feeds = feeds;
        this.audit = audit;
        this.imports = imports;
        this.feedAdmin = feedAdmin;
        this.pages = pages;
        this.clock = clock;
    }

    /** {@code GET /admin/feeds}. */
    public void feeds(Context ctx) {
        renderFeeds(ctx, HttpStatus.OK, ctx.queryParam("notice"), null);
    }

    private void renderFeeds(Context ctx, HttpStatus status, String notice, String problem) {
        ctx.status(status);
        pages.render(
                ctx,
                "admin/feeds.jte",
                new FeedsPage(
                        feeds.health(clock.instant()),
                        clock.instant(),
                        notice == null ? "" : notice,
                        problem == null ? "" : problem));
    }

    /** {@code POST /admin/feeds}: subscribes the feed at a URL, or the first feed a site's page announces. */
    public void add(Context ctx) {
        String given = ctx.formParam("url") == null ? "" : ctx.formParam("url").strip();
        FeedAdmin.Subscribed subscribed;
        try {
            subscribed = feedAdmin.subscribe(Viewer.of(ctx), given, ctx.formParam("category"));
        } catch (BadInput e) {
            renderFeeds(ctx, HttpStatus.BAD_REQUEST, null, e.getMessage());
            return;
        }
        Feed feed = subscribed.feed();
        StringBuilder notice =
                new StringBuilder(subscribed.added() ? "Subscribed " : "Already subscribed: ").append(feed.url());
        if (feed.title() != null) {
            notice.append(" (").append(feed.title()).append(')');
        }
        subscribed
                .alsoOffered()
                .forEach(other -> notice.append("; also offered: ").append(other));
        renderFeeds(ctx, HttpStatus.OK, notice.toString(), null);
    }

    /** {@code GET /admin/feeds/{id}}: a feed's settings and its last fetches. */
    public void feed(Context ctx) {
        renderFeed(ctx, HttpStatus.OK, feed(ctx, "id"), null);
    }

    private void renderFeed(Context ctx, HttpStatus status, Feed feed, String problem) {
        ctx.status(status);
        pages.render(
                ctx,
                "admin/feed.jte",
                new FeedPage(
                        feed,
                        feeds.settings(feed.id()).orElseThrow(),
                        feeds.fetchLog(feed.id(), 20),
                        clock.instant(),
                        problem == null ? "" : problem));
    }

    /** {@code POST /admin/feeds/{id}}: saves the settings, each checked first (a bad one: 400, nothing saved). */
    public void save(Context ctx) {
        Feed feed = feed(ctx, "id");
        FeedSettings settings;
        try {
            settings = settings(ctx);
        } catch (BadInput | IllegalArgumentException e) { // the form's checks, then FeedSettings' own
            renderFeed(ctx, HttpStatus.BAD_REQUEST, feed, e.getMessage());
            return;
        }
        feedAdmin.update(Viewer.of(ctx), feed, settings);
        ctx.redirect(WebLinks.with("/admin/feeds", "notice", "Saved " + feed.displayTitle()), HttpStatus.SEE_OTHER);
    }

    private static FeedSettings settings(Context ctx) {
        String refresh = ctx.formParam("refreshMinutes");
        String weight = ctx.formParam("sourceWeight");
        String selector = ctx.formParam("fullTextSelector");
        String selectorProblem = FullText.selectorProblem(selector);
        if (selectorProblem != null) {
            throw new BadInput("The full-text selector: " + selectorProblem);
        }
        Integer minutes;
        double sourceWeight;
        try {
            minutes = refresh == null || refresh.isBlank() ? null : Integer.valueOf(refresh.strip());
        } catch (NumberFormatException e) {
            throw new BadInput("The refresh interval is a whole number of minutes (or empty), not '" + refresh + "'.");
        }
        try {
            sourceWeight = weight == null || weight.isBlank() ? 1.0 : Double.parseDouble(weight.strip());
        } catch (NumberFormatException e) {
            throw new BadInput("The source weight is a number from 0 to 10, not '" + weight + "'.");
        }
        return new FeedSettings(
                ctx.formParam("title"),
                ctx.formParam("category"),
                minutes,
                "true".equals(ctx.formParam("fullText")),
                selector,
                sourceWeight,
                "true".equals(ctx.formParam("enabled")));
    }

    /** {@code POST /admin/feeds/{id}/delete} with {@code confirm=yes}: unsubscribes the feed; its posts go with it. */
    public void delete(Context ctx) {
        Feed feed = feed(ctx, "id");
        if (!"yes".equals(ctx.formParam("confirm"))) {
            renderFeed(
                    ctx, HttpStatus.BAD_REQUEST, feed, "Nothing was removed: tick the box that confirms the removal.");
            return;
        }
        feedAdmin.remove(Viewer.of(ctx), feed);
        ctx.redirect(
                WebLinks.with("/admin/feeds", "notice", "Removed " + feed.displayTitle() + " and its posts"),
                HttpStatus.SEE_OTHER);
    }

    /** {@code POST /admin/feeds/{id}/refresh}: the feed is fetched at the next scheduler tick, of any node. */
    public void refresh(Context ctx) {
        Feed feed = feed(ctx, "id");
        feeds.dueNow(feed.id(), clock.instant());
        feedAdmin.record(Viewer.of(ctx), "feed.refresh", feed.url(), null);
        ctx.redirect(
                WebLinks.with(
                        "/admin/feeds",
                        "notice",
                        feed.displayTitle() + " is fetched within seconds; this page shows how it went"),
                HttpStatus.SEE_OTHER);
    }

    /**
     * {@code POST /admin/opml}: reads an uploaded OPML file (a bad one is refused whole, in words) and imports its
     * feeds in the background; the answer is the import's page, which shows its progress, then its report.
     */
    public void importOpml(Context ctx) {
        UploadedFile file = ctx.uploadedFile("opml");
        if (file == null || file.size() == 0) {
            renderFeeds(ctx, HttpStatus.BAD_REQUEST, null, "Choose an OPML file to import.");
            return;
        }
        List<NewFeed> listed;
        try (InputStream in = file.content()) {
            listed = Opml.read(in, file.filename());
        } catch (OpmlException e) {
            renderFeeds(ctx, HttpStatus.BAD_REQUEST, null, "Nothing was imported: " + e.getMessage());
            return;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded OPML file " + file.filename(), e);
        }
        Viewer viewer = Viewer.of(ctx);
        OpmlImports.Job job = imports.start(file.filename(), listed, viewer.userId(), viewer.name());
        ctx.redirect("/admin/imports/" + job.id(), HttpStatus.SEE_OTHER);
    }

    /** {@code GET /admin/imports/{id}}: an import's progress (the page reloads itself each second), then its report. */
    public void importPage(Context ctx) {
        OpmlImports.Job job = imports.find(ctx.pathParam("id"))
                .orElseThrow(() -> new NotFoundResponse(
                        "There is no such import (Sift keeps the last " + OpmlImports.KEPT + " until it restarts)."));
        pages.render(ctx, "admin/import.jte", new ImportPage(job));
    }

    /** {@code GET /admin/feeds.opml}: every subscription as OPML 2.0, grouped by category. */
    public void exportOpml(Context ctx) {
        ctx.header("Content-Disposition", "attachment; filename=\"sift-feeds.opml\"");
        ctx.contentType("text/x-opml; charset=utf-8");
        ctx.result(Opml.write(feeds.all(), "Sift subscriptions"));
    }

    /** {@code GET /admin/audit}: what admins did, newest first. */
    public void audit(Context ctx) {
        pages.render(ctx, "admin/audit.jte", new AuditPage(audit.recent(AUDIT_SHOWN), clock.instant()));
    }

    /** {@code GET /api/admin/feeds}: the health page as JSON. */
    public void feedsApi(Context ctx) {
        ctx.json(feeds.health(clock.instant()).stream()
                .map(h -> {
                    Map<String, Object> feed = new LinkedHashMap<>();
                    feed.put("id", h.feed().id());
                    feed.put("url", h.feed().url());
                    feed.put("title", h.feed().displayTitle());
                    feed.put("category", h.feed().category());
                    feed.put("enabled", h.settings().enabled());
                    feed.put(
                            "status",
                            h.feed().lastStatus() == null
                                    ? null
                                    : h.feed().lastStatus().name().toLowerCase(Locale.ROOT));
                    feed.put(
                            "lastFetched",
                            h.feed().lastFetchedAt() == null
                                    ? null
                                    : h.feed().lastFetchedAt().toString());
                    feed.put("error", h.feed().lastError());
                    feed.put("consecutiveFailures", h.feed().consecutiveFailures());
                    feed.put("nextFetch", h.feed().nextFetchAt().toString());
                    feed.put("notModifiedShare", h.notModifiedShare());
                    feed.put("postsPerWeek", h.postsPerWeek());
                    feed.put("broken", h.broken());
                    return feed;
                })
                .toList());
    }

    private Feed feed(Context ctx, String param) {
        long id = Fields.wholeNumber("feed", ctx.pathParam(param));
        return feeds.find(id).orElseThrow(() -> new NotFoundResponse("There is no feed " + id + "."));
    }
}
