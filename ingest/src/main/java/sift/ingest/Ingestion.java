package sift.ingest;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sift.ingest.classifier.ActiveClassifiers;
import sift.ingest.clean.HtmlCleaner;
import sift.ingest.fetch.FeedFetcher;
import sift.ingest.fetch.FetchSettings;
import sift.ingest.parse.FeedParser;
import sift.ingest.refresh.FreeSpace;
import sift.ingest.refresh.IngestMetrics;
import sift.ingest.refresh.RefreshPolicy;
import sift.ingest.refresh.RefreshScheduler;
import sift.ingest.refresh.Refresher;
import sift.nlp.Analyzer;
import sift.store.Database;
import sift.store.LowPriority;

/**
 * The ingest pipeline wired over a database: one fetcher, one refresher, one scheduler of workers; and the analyzer
 * posts are read with, following what admins make active on any node sharing the database.
 */
public final class Ingestion implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Ingestion.class);
    private static final Duration MAX_BACKOFF = Duration.ofHours(24);
    /** How often the database is asked whether admins made another lexicon, model or threshold active. */
    public static final Duration FOLLOW = Duration.ofSeconds(30);

    private final FeedFetcher fetcher;
    private final RefreshScheduler scheduler;
    private final Refresher refresher;
    private final IngestMetrics metrics;
    private final ExecutorService analysisPool;
    private final Database db;
    private final Analyzer built;
    private final AtomicReference<Analyzer> analyzer;
    /** The versions admins made active, as the database last said ({@link ActiveClassifiers#versions}). */
    private volatile String active;

    private final ScheduledExecutorService follower = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sift-classifiers");
        t.setDaemon(true);
        return t;
    });

    /**
     * How a process ingests.
     *
     * @param fetch how feeds are fetched (private addresses, the gap between requests to one host)
     * @param interval how often a feed is refreshed when it does not say
     * @param workers how many feeds are refreshed at once
     * @param tick how often the scheduler looks for feeds that are due
     * @param room the room ingest leaves on the data folder's disk
     * @param analysisThreads how many posts are analyzed at once, whatever the number of workers fetching
     */
    public record Settings(
            FetchSettings fetch, Duration interval, int workers, Duration tick, FreeSpace room, int analysisThreads) {}

    /**
     * @param analyzer the analyzer Sift was built and configured with
     * @param node this process's name in feed leases, one a process sharing the database
     * @param metrics where the ingest counters and timings go
     */
    public Ingestion(
            Database db, Settings config, Analyzer analyzer, String node, PrometheusRegistry metrics, Clock clock) {
        this.fetcher = new FeedFetcher(config.fetch());
        // what admins chose (lexicon, model, threshold) wins over what Sift was built and configured with
        this.db = db;
        this.built = analyzer;
        this.active = ActiveClassifiers.versions(db);
        this.analyzer = new AtomicReference<>(ActiveClassifiers.compose(db, analyzer));
        follower.scheduleWithFixedDelay(this::follow, FOLLOW.toSeconds(), FOLLOW.toSeconds(), TimeUnit.SECONDS);
        this.metrics = new IngestMetrics(metrics);
        // below the readers' requests in the CPU's queue: analysis yields to them
        this.analysisPool =
                Executors.newFixedThreadPool(config.analysisThreads(), LowPriority.threads("sift-analysis"));
        this.refresher = new Refresher(
                db.feeds(),
                db.posts(),
                fetcher,
                new FeedParser(),
                new HtmlCleaner(),
                this.analyzer::get,
                new RefreshPolicy(config.interval(), MAX_BACKOFF, new Random()),
                clock,
                this.metrics,
                analysisPool);
        this.scheduler = new RefreshScheduler(
                db.feeds(), refresher, node, config.workers(), config.tick(), clock, config.room());
    }

    /** The analyzer new and changed posts are read with. */
    public Analyzer analyzer() {
        return analyzer.get();
    }

    /** The analyzer Sift was built and configured with, before any admin's choice. */
    public Analyzer built() {
        return built;
    }

    /** From now on, posts are read with this analyzer (an admin chose another lexicon, model or threshold). */
    public void useAnalyzer(Analyzer next) {
        analyzer.set(next);
    }

    /**
     * Takes up what admins made active since the last look, on this node or another one sharing the database (a
     * {@code worker} reads new posts with the lexicon an admin saved on a {@code serve} node within {@link #FOLLOW}).
     */
    public void follow() {
        try {
            String now = ActiveClassifiers.versions(db);
            if (!now.equals(active)) {
                Analyzer next = ActiveClassifiers.compose(db, built);
                analyzer.set(next);
                active = now;
                log.info(
                        "The active classifiers in {} are now {}: posts are read with models {}, hype threshold {}",
                        db.describe(),
                        now,
                        next.version(),
                        next.hypeThreshold());
            }
        } catch (RuntimeException e) {
            log.warn(
                    "Cannot read the active classifiers from {} (tried again in {} s): {}",
                    db.describe(),
                    FOLLOW.toSeconds(),
                    e.getMessage());
        }
    }

    /** For benchmarks of the rest of the path: new posts are stored without analysis from now on. */
    public void skipAnalysis() {
        refresher.skipAnalysis();
    }

    /** The counters of this process's ingest, its cost sheet among them. */
    public IngestMetrics metrics() {
        return metrics;
    }

    public RefreshScheduler scheduler() {
        return scheduler;
    }

    /**
     * Lets refreshes in flight finish their current post, then closes the fetcher. The follower is let finish its
     * look, not interrupted: a thread interrupted while H2 reads its file closes that file for every thread.
     */
    @Override
    public void close() {
        follower.shutdown();
        scheduler.close();
        analysisPool.shutdown();
        fetcher.close();
        try {
            follower.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
