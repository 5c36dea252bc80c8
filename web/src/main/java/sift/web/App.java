package sift.web;

import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import org.eclipse.jetty.servlet.FilterHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sift.ingest.Ingestion;
import sift.ingest.fetch.FetchSettings;
import sift.nlp.embed.Encoder;
import sift.store.Database;
import sift.store.search.SearchIndex;
import sift.store.sql.Sql;
import sift.web.admin.AdminRoutes;
import sift.web.admin.FeedAdmin;
import sift.web.admin.OpmlImports;
import sift.web.admin.UserRoutes;
import sift.web.auth.AccountChanges;
import sift.web.auth.AccountRoutes;
import sift.web.auth.Auth;
import sift.web.classifier.ClassifierRoutes;
import sift.web.classifier.LabelRoutes;
import sift.web.classifier.LexiconRoutes;
import sift.web.classifier.ModelRoutes;
import sift.web.classifier.Rescore;
import sift.web.classifier.Retrain;
import sift.web.demo.DemoFeeds;
import sift.web.digest.DigestRoutes;
import sift.web.digest.DigestService;
import sift.web.feeds.FeedRoutes;
import sift.web.health.Diagnostics;
import sift.web.health.HealthRoutes;
import sift.web.http.BadInput;
import sift.web.http.BodyLimit;
import sift.web.http.FeedReachNotice;
import sift.web.http.Pages;
import sift.web.http.TrustedProxies;
import sift.web.podcast.PodcastRoutes;
import sift.web.reader.AboutClaimsPage;
import sift.web.reader.ReadMarks;
import sift.web.reader.ReaderRoutes;
import sift.web.reader.StateRoutes;
import sift.web.release.ReleaseRoutes;
import sift.web.search.QueryMeaning;
import sift.web.search.SearchRoutes;
import sift.web.sync.SyncApis;

/** The web application: every route in one place. The same factory serves {@code sift serve} and the tests. */
public final class App {
    private static final Logger log = LoggerFactory.getLogger(App.class);
    /** The only frames a post may hold (the cleaner keeps these video players, sandboxed, and nothing else). */
    private static final String VIDEO_PLAYERS =
            "https://www.youtube.com https://www.youtube-nocookie.com https://player.vimeo.com";

    /**
     * What the routes need.
     *
     * @param search the search index this process keeps
     * @param ingestion this process's ingest: its scheduler (started or not) and the analyzer posts are read with
     * @param demo the bundled sample feeds, or null unless {@code --demo}
     * @param metrics what {@code /metrics} serves
     * @param accounts whether reading needs no login, and the token of monitoring systems
     * @param proxies the reverse proxies whose forwarding headers are believed
     * @param baseUrl where Sift is reached from outside, or null: where a request came to
     * @param mailConfigured whether digests can be sent by e-mail
     * @param fetchSettings how this process fetches (an admin adding a feed by its site's address)
     */
    public record Deps(
            Database db,
            SearchIndex search,
            Ingestion ingestion,
            DemoFeeds demo,
            Metrics metrics,
            SiftConfig.Accounts accounts,
            TrustedProxies proxies,
            String baseUrl,
            boolean mailConfigured,
            FetchSettings fetchSettings,
            Clock clock) {
        public Deps {
            Objects.requireNonNull(accounts, "accounts");
            Objects.requireNonNull(proxies, "proxies");
            Objects.requireNonNull(db, "db");
            Objects.requireNonNull(search, "search");
            Objects.requireNonNull(metrics, "metrics");
            Objects.requireNonNull(clock, "clock");
        }
    }

    private App() {}

    public static Javalin create(Deps deps) {
        Pages pages = new Pages();
        FeedReachNotice reach = new FeedReachNotice(deps.db().feeds(), deps.clock());
        ReadMarks readMarks = new ReadMarks(deps.db().postStates(), deps.clock());
        ReaderRoutes reader = new ReaderRoutes(
                deps.db().postQueries(),
                deps.db().postStates(),
                deps.db().labels(),
                deps.db().sync(),
                readMarks,
                deps.search(),
                pages,
                reach,
                deps.clock());
        PodcastRoutes podcasts = new PodcastRoutes(deps.db().podcasts(), pages, reach, deps.clock());
        ReleaseRoutes releases = new ReleaseRoutes(deps.db().releases(), pages, deps.clock());
        StateRoutes state = new StateRoutes(deps.db().postQueries(), deps.db().postStates(), readMarks, deps.clock());
        HealthRoutes health =
                new HealthRoutes(deps.db(), deps.search(), deps.ingestion().scheduler());

        SearchRoutes search = new SearchRoutes(
                deps.search(),
                deps.db().savedSearches(),
                pages,
                deps.clock(),
                new QueryMeaning(query -> Encoder.shared().encode(query, "")));
        Auth auth = new Auth(
                deps.db().users(),
                deps.db().sessions(),
                deps.db().apiTokens(),
                deps.db().loginDevices(),
                pages,
                deps.accounts().publicReader(),
                deps.metrics().registry(),
                deps.clock());
        AccountChanges changes = new AccountChanges(
                deps.db().users(), deps.db().sessions(), deps.db().audit(), auth::forgetSessions, deps.clock());
        AccountRoutes account = new AccountRoutes(
                deps.db().apiTokens(),
                deps.db().users(),
                changes,
                auth,
                deps.mailConfigured(),
                deps.baseUrl(),
                pages,
                deps.clock());
        UserRoutes users = new UserRoutes(deps.db().users(), changes, pages, deps.clock());
        Diagnostics diagnostics = new Diagnostics(deps.accounts().diagnosticsToken());
        DigestService digests = new DigestService(
                deps.db().digests(), deps.db().users(), deps.db().savedSearches(), deps.search(), deps.clock());
        DigestRoutes digest = new DigestRoutes(digests, pages, reach);
        OpmlImports imports = new OpmlImports(deps.db().feeds(), deps.db().audit(), deps.clock());
        FeedAdmin feedAdmin =
                new FeedAdmin(deps.db().feeds(), deps.db().audit(), deps.search(), deps.fetchSettings(), deps.clock());
        AdminRoutes admin =
                new AdminRoutes(deps.db().feeds(), deps.db().audit(), imports, feedAdmin, pages, deps.clock());
        Rescore rescore = new Rescore(
                deps.db().posts(),
                deps.db().postQueries(),
                deps.db().postChanges(),
                deps.db().settings(),
                deps.ingestion()::analyzer);
        rescore.resumeIfPending();
        ClassifierRoutes classifiers = new ClassifierRoutes(
                deps.db().classifierSettings(),
                deps.db().postQueries(),
                deps.db().postChanges(),
                deps.ingestion(),
                deps.db().audit(),
                rescore,
                pages,
                deps.clock());
        LexiconRoutes lexicon = new LexiconRoutes(
                deps.db().classifierSettings(),
                deps.db().postQueries(),
                deps.db().postChanges(),
                deps.ingestion(),
                deps.db().audit(),
                pages,
                deps.clock());
        Retrain retrain = new Retrain(
                deps.db().labels(),
                deps.db().models(),
                deps.ingestion(),
                deps.db().audit(),
                deps.clock());
        ModelRoutes models = new ModelRoutes(
                deps.db().models(),
                deps.db().labels(),
                deps.ingestion(),
                retrain,
                deps.db().audit(),
                pages,
                deps.clock());
        LabelRoutes labels = new LabelRoutes(
                deps.db().postQueries(),
                deps.db().postChanges(),
                deps.db().labels(),
                deps.db().audit(),
                deps.clock());
        FeedRoutes feeds = new FeedRoutes(
                deps.db().postQueries(),
                deps.search(),
                deps.db().savedSearches(),
                digests,
                pages,
                deps.baseUrl(),
                deps.metrics().registry());

        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/static";
                files.location = Location.CLASSPATH;
            });
            config.jetty.modifyServer(server -> server.setStopTimeout(5_000));
            // bodies: bounded, and uploads parsed in memory (never written to the disk)
            config.http.maxRequestSize = BodyLimit.MAX_BYTES;
            config.jetty.multipartConfig.maxFileSize(BodyLimit.MAX_BYTES, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(BodyLimit.MAX_BYTES, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxInMemoryFileSize(BodyLimit.MAX_BYTES, SizeUnit.BYTES);
            config.jetty.modifyServletContextHandler(handler ->
                    handler.addFilter(new FilterHolder(new BodyLimit()), "/*", EnumSet.of(DispatcherType.REQUEST)));
            // the client and scheme: X-Forwarded-* only from a trusted proxy
            TrustedProxies proxies = deps.proxies();
            config.contextResolver.ip = ctx -> proxies.client(ctx.req().getRemoteAddr(), ctx.header("X-Forwarded-For"));
            config.contextResolver.scheme = ctx ->
                    proxies.scheme(ctx.req().getRemoteAddr(), ctx.req().getScheme(), ctx.header("X-Forwarded-Proto"));
            config.events.serverStopped(readMarks::close);
            config.events.serverStopped(imports::close);
            config.events.serverStopped(rescore::close);
            config.events.serverStopped(retrain::close);
        });

        app.before(App::securityHeaders);
        app.before(auth::check);
        app.before(auth::requireAdmin);
        app.get("/login", auth::loginPage);
        app.post("/login", auth::login);
        app.post("/logout", auth::logout);
        app.get("/account", account::page);
        app.post("/account/digest", account::digest);
        app.post("/account/feeds", account::createFeed);
        app.post("/account/feeds/revoke", account::revokeFeed);
        app.post("/account/apps", account::createApp);
        app.post("/account/apps/revoke", account::revokeApp);
        app.post("/account/tokens", account::create);
        app.post("/account/tokens/revoke", account::revoke);
        app.post("/account/password", account::password);
        app.post("/account/sign-out", account::signOutElsewhere);
        // pages
        app.get("/", reader::river);
        app.get("/posts/{id}", reader::post);
        app.get("/posts/{id}/like", reader::like);
        app.post("/posts/{id}/state", state::change);
        app.post("/read", state::changeMany);
        app.get("/podcasts", podcasts::shows);
        app.get("/podcasts/show", podcasts::show);
        app.get("/releases", releases::products);
        app.get("/releases/product", releases::timeline);
        app.post("/releases/watch", releases::watch);
        app.get("/search", search::page);
        app.get(
                "/about/ai-claims",
                ctx -> pages.render(
                        ctx,
                        "reader/ai-claims.jte",
                        new AboutClaimsPage(deps.ingestion().analyzer().hypeThreshold())));
        app.get("/digest", digest::latest);
        app.get("/digest/{day}", digest::day);
        app.post("/searches", search::save);
        app.get("/searches/{id}", search::saved);
        app.post("/searches/{id}/delete", search::delete);
        // admin (admins only: Auth.requireAdmin)
        app.get("/admin", ctx -> ctx.redirect("/admin/feeds"));
        app.get("/admin/feeds", admin::feeds);
        app.post("/admin/feeds", admin::add);
        app.get("/admin/feeds.opml", admin::exportOpml);
        app.get("/admin/feeds/{id}", admin::feed);
        app.post("/admin/feeds/{id}", admin::save);
        app.post("/admin/feeds/{id}/delete", admin::delete);
        app.post("/admin/feeds/{id}/refresh", admin::refresh);
        app.post("/admin/opml", admin::importOpml);
        app.get("/admin/imports/{id}", admin::importPage);
        app.get("/admin/audit", admin::audit);
        app.get("/admin/users", users::page);
        app.post("/admin/users", users::add);
        app.post("/admin/users/{id}/{action}", users::change);
        app.post("/admin/labels", labels::label);
        app.get("/admin/classifiers", classifiers::page);
        app.post("/admin/classifiers", classifiers::change);
        app.post("/admin/classifiers/{id}/activate", classifiers::activate);
        app.post("/admin/classifiers/rescore", classifiers::rescore);
        app.get("/admin/classifiers/lexicon", lexicon::page);
        app.post("/admin/classifiers/lexicon", lexicon::change);
        app.post("/admin/classifiers/lexicon/built", lexicon::useBuilt);
        app.post("/admin/classifiers/lexicon/{id}/activate", lexicon::activate);
        app.get("/admin/classifiers/models", models::page);
        app.post("/admin/classifiers/models/retrain", models::retrain);
        app.post("/admin/classifiers/models/built", models::useBuilt);
        app.post("/admin/classifiers/models/{id}/activate", models::activate);
        app.get("/api/admin/feeds", admin::feedsApi);
        // re-exported feeds (docs/FEEDS.md)
        app.get("/feeds/searches/{name}", feeds::savedSearch);
        app.get("/feeds/{name}", feeds::feed);
        // feed readers and link checkers ask for heads: the same answer without its body
        app.head("/feeds/searches/{name}", feeds::savedSearch);
        app.head("/feeds/{name}", feeds::feed);
        // the JSON API (docs/API.md)
        app.get("/api/posts", reader::riverApi);
        app.get("/api/posts/{id}", reader::postApi);
        app.get("/api/posts/{id}/like", reader::likeApi);
        app.post("/api/posts/{id}/state", state::change);
        app.post("/api/read", state::changeMany);
        app.get("/api/search", search::api);
        app.get("/api/searches", search::savedApi);
        app.get("/api/podcasts", podcasts::showsApi);
        app.get("/api/podcasts/episodes", podcasts::episodesApi);
        app.get("/api/releases", releases::productsApi);
        app.get("/api/releases/timeline", releases::timelineApi);
        app.post("/api/releases/watch", releases::watch);
        // the sync APIs of reading apps (docs/API.md): they sign in with app passwords
        SyncApis.register(
                app,
                auth.appLogins(),
                deps.db().sync(),
                deps.db().feeds(),
                feedAdmin,
                deps.db().savedSearches(),
                deps.search(),
                digests,
                () -> deps.ingestion().analyzer().hypeThreshold(),
                readMarks::flush,
                deps.clock());
        // operations
        app.get("/health", ctx -> health.show(ctx, diagnostics.allowed(ctx)));
        app.get("/metrics", ctx -> {
            diagnostics.require(ctx);
            deps.metrics().show(ctx);
        });
        if (deps.demo() != null) {
            app.get(DemoFeeds.FEEDS_PATH + "{name}", deps.demo()::serve);
            app.get("/demo/media/{name}", deps.demo()::serveMedia);
        }

        app.exception(HttpResponseException.class, (e, ctx) -> error(pages, ctx, e.getStatus(), e.getMessage()));
        app.exception(BadInput.class, (e, ctx) -> error(pages, ctx, 400, e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> {
            if (tooLarge(e)) {
                ctx.header("Connection", "close");
                error(
                        pages,
                        ctx,
                        413,
                        "The request is larger than Sift accepts (" + BodyLimit.MAX_BYTES / 1024 / 1024 + " MB).");
                return;
            }
            if (Sql.diskFull(e)) {
                log.warn(
                        "{} {} failed: no room left on the disk of database {} ({})",
                        ctx.method(),
                        ctx.path(),
                        deps.db().describe(),
                        Database.rootMessage(e));
                ctx.header("Retry-After", "60");
                error(
                        pages,
                        ctx,
                        503,
                        "The disk of Sift's data folder is full. Nothing stored is lost: Sift answers again as soon"
                                + " as there is room.");
                return;
            }
            if (Sql.unreachable(e)) {
                // the database is down or restarting: say so, without a stack trace each request
                log.warn(
                        "{} {} failed: database {} does not answer ({})",
                        ctx.method(),
                        ctx.path(),
                        deps.db().describe(),
                        Database.rootMessage(e));
                ctx.header("Retry-After", "10");
                error(
                        pages,
                        ctx,
                        503,
                        "Sift's database does not answer at the moment. Sift keeps trying: try again in a minute.");
                return;
            }
            log.error("{} {} failed: {}", ctx.method(), ctx.path(), e.getMessage(), e);
            error(pages, ctx, 500, "Sift could not answer this request. The details are in the server log.");
        });
        return app;
    }

    /** Whether a request failed because its body went past {@link BodyLimit} (as read, or as Jetty parsed an upload). */
    private static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodyLimit.TooLarge
                    || t instanceof IllegalStateException
                            && String.valueOf(t.getMessage()).contains("exceeds max")) {
                return true;
            }
        }
        return false;
    }

    /** An error as a page, or as JSON ({@code {"error": "..."}}) for the API. */
    private static void error(Pages pages, Context ctx, int status, String message) {
        if (ctx.path().startsWith("/api/")) {
            ctx.status(status).json(Map.of("error", message));
        } else {
            pages.renderError(ctx, status, message);
        }
    }

    /**
     * On every response: a strict Content-Security-Policy (scripts, styles and fonts from Sift only, no inline
     * script; images and media from anywhere, since posts embed them), and the usual hardening headers.
     */
    static void securityHeaders(Context ctx) {
        ctx.header(
                "Content-Security-Policy",
                "default-src 'self'; script-src 'self'; style-src 'self'; "
                        + "img-src 'self' https: http: data:; media-src 'self' https: http:; font-src 'self'; "
                        + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; "
                        + "frame-src " + VIDEO_PLAYERS);
        if ("https".equals(ctx.scheme())) {
            ctx.header("Strict-Transport-Security", "max-age=31536000");
        }
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    }
}
