package sift.web;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sift.ingest.Ingestion;
import sift.ingest.opml.Opml;
import sift.ingest.opml.OpmlException;
import sift.nlp.embed.Encoder;
import sift.store.Database;
import sift.store.feed.Feed;
import sift.store.feed.NewFeed;
import sift.store.search.SearchIndex;
import sift.web.auth.Accounts;
import sift.web.control.ControlChannel;
import sift.web.demo.DemoFeeds;
import sift.web.digest.DigestMailer;
import sift.web.digest.DigestService;
import sift.web.digest.Smtp;
import sift.web.http.Pages;

/**
 * The whole system in one process, as {@code sift serve} runs it: database, search index, web app and
 * background ingest. {@link #close()} stops it in order: ingest first (refreshes in flight finish their post),
 * then the web server, then the index, then the database.
 */
public final class SiftServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SiftServer.class);
    private static final String DEFAULTS_APPLIED = "default-subscriptions-applied";
    private static final Pattern DEMO_URL =
            Pattern.compile("^http://127\\.0\\.0\\.1:\\d+" + Pattern.quote(DemoFeeds.FEEDS_PATH) + ".+");

    private static final Duration INDEX_FOLLOW_INTERVAL = Duration.ofSeconds(2);
    /** How often due digests are looked for and sent by e-mail. */
    private static final Duration MAIL_ROUND = Duration.ofMinutes(1);

    private final Database db;
    private final SearchIndex search;
    private final Ingestion ingestion;
    private final Javalin app;
    private final Housekeeping housekeeping;
    private final ControlChannel control;
    private final DigestMailer mailer;

    private SiftServer(
            Database db,
            SearchIndex search,
            Ingestion ingestion,
            Javalin app,
            Housekeeping housekeeping,
            ControlChannel control,
            DigestMailer mailer) {
        this.db = db;
        this.search = search;
        this.ingestion = ingestion;
        this.app = app;
        this.housekeeping = housekeeping;
        this.control = control;
        this.mailer = mailer;
    }

    public static SiftServer start(SiftConfig config, Clock clock) {
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot create the data folder " + config.dataDir().toAbsolutePath(), e);
        }
        requireFreePort(config.http());
        Database db = Database.open(config.db());
        SearchIndex search = null;
        Ingestion ingestion = null;
        try {
            search = SearchIndex.open(config.indexDir(), db.postChanges(), clock);
            search.startFollowing(INDEX_FOLLOW_INTERVAL);
            Metrics metrics = new Metrics();
            metrics.follow(search);
            // the sentence encoder takes a second to load: now, not in the first search or analysis
            Thread encoder = new Thread(() -> Encoder.shared().encode("", "load"), "sift-encoder-load");
            encoder.setDaemon(true);
            encoder.start();
            ingestion = config.ingestion(db, metrics.registry(), clock);
            DemoFeeds demo = config.demo() ? DemoFeeds.load(clock.instant()) : null;
            Accounts.ensureAdmin(db.users(), config.accounts().adminPassword(), clock.instant());
            Javalin app = App.create(new App.Deps(
                            db,
                            search,
                            ingestion,
                            demo,
                            metrics,
                            config.accounts(),
                            config.http().trustedProxies(),
                            config.outbound().baseUrl(),
                            config.outbound().smtp() != null,
                            config.ingest().fetchSettings(),
                            clock))
                    .start(config.http().host(), config.http().port());
            // the command line reaches this process through the control channel while it holds H2 open
            ControlChannel control = config.db().embedded() ? ControlChannel.open(config.dataDir(), db) : null;
            // digests by e-mail, when the admin configured an SMTP server
            Smtp smtp = config.outbound().smtp();
            DigestMailer mailer = smtp == null
                    ? null
                    : new DigestMailer(
                            smtp,
                            config.baseUrl(app.port()),
                            new DigestService(db.digests(), db.users(), db.savedSearches(), search, clock),
                            db.digests(),
                            db.users(),
                            new Pages(),
                            clock);
            SiftServer server = new SiftServer(
                    db, search, ingestion, app, new Housekeeping(db, config.retention(), clock), control, mailer);
            if (mailer != null) {
                mailer.start(MAIL_ROUND.toSeconds());
            }
            if (demo != null) {
                subscribeDemo(db, demo, "http://127.0.0.1:" + app.port(), clock.instant());
            } else {
                subscribeDefaults(db, clock.instant());
            }
            if (config.ingest().enabled()) {
                ingestion.scheduler().start();
            }
            log.info(
                    "Sift is serving http://localhost:{}/ (data in {}, database {})",
                    app.port(),
                    config.dataDir().toAbsolutePath(),
                    db.describe());
            return server;
        } catch (RuntimeException e) {
            if (ingestion != null) {
                ingestion.close();
            }
            if (search != null) {
                search.close();
            }
            db.close();
            throw e;
        }
    }

    /** Fails early, and in plain words, when another process listens on the port already. */
    private static void requireFreePort(SiftConfig.Http http) {
        if (http.port() == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(http.host(), http.port()));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "port " + http.port() + " on " + http.host()
                            + " is already in use (another Sift?); choose another with --port or SIFT_PORT",
                    e);
        }
    }

    public int port() {
        return app.port();
    }

    /** Every route Sift serves, as {@code METHOD /path} with its path parameters named: for the access tests. */
    public java.util.List<String> routes() {
        return app.unsafeConfig().pvt.internalRouter.allHttpHandlers().stream()
                .map(h -> h.getEndpoint().getMethod() + " " + h.getEndpoint().getPath())
                .toList();
    }

    public Database db() {
        return db;
    }

    public Ingestion ingestion() {
        return ingestion;
    }

    /** What sends digests by e-mail, or null when no SMTP server is configured. */
    public DigestMailer mailer() {
        return mailer;
    }

    public SearchIndex search() {
        return search;
    }

    /** On first start, and only if nobody chose feeds yet, subscribes the curated {@code feeds.opml}. */
    static void subscribeDefaults(Database db, Instant now) {
        if (!db.settings().putIfAbsent(DEFAULTS_APPLIED, now.toString())
                || db.feeds().count() > 0) {
            return;
        }
        List<NewFeed> defaults;
        try (InputStream in = SiftServer.class.getClassLoader().getResourceAsStream("sift/feeds.opml")) {
            if (in == null) {
                throw new IllegalStateException("the jar has no sift/feeds.opml: rebuild it with ./mvnw package");
            }
            defaults = Opml.read(in, "feeds.opml");
        } catch (IOException | OpmlException e) {
            throw new IllegalStateException("cannot read the bundled feeds.opml: " + e.getMessage(), e);
        }
        defaults.forEach(feed -> db.feeds().subscribe(feed, now));
        log.info("First start: subscribed the {} feeds of feeds.opml", defaults.size());
    }

    /** Subscribes the demo feeds on this server, moving those of an earlier demo run on another port. */
    static void subscribeDemo(Database db, DemoFeeds demo, String base, Instant now) {
        for (Feed feed : db.feeds().all()) {
            if (DEMO_URL.matcher(feed.url()).matches() && !feed.url().startsWith(base + "/")) {
                String moved = base + feed.url().substring(feed.url().indexOf(DemoFeeds.FEEDS_PATH));
                db.feeds().changeUrl(feed.id(), moved);
            }
        }
        int added = 0;
        for (NewFeed feed : demo.subscriptions(base)) {
            if (db.feeds().subscribe(feed, now)) {
                added++;
            }
        }
        log.info(
                "Demo: {} sample feeds served at {}{} ({} newly subscribed)",
                demo.size(),
                base,
                DemoFeeds.FEEDS_PATH,
                added);
    }

    @Override
    public void close() {
        log.info("Sift is stopping");
        ingestion.close();
        housekeeping.close();
        if (mailer != null) {
            mailer.close();
        }
        if (control != null) {
            control.close();
        }
        app.stop();
        search.close();
        db.close();
        log.info("Sift stopped");
    }
}
