package sift.web;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import sift.ingest.clean.HtmlCleaner;
import sift.ingest.fetch.FeedFetcher;
import sift.ingest.parse.FeedParser;
import sift.ingest.refresh.IngestMetrics;
import sift.ingest.refresh.RefreshPolicy;
import sift.ingest.refresh.RefreshScheduler;
import sift.ingest.refresh.Refresher;
import sift.nlp.Analyzer;
import sift.store.Database;
import sift.web.admin.ActiveClassifiers;

/** The ingest pipeline wired over a database: one fetcher, one refresher, one scheduler of workers. */
public final class Ingestion implements AutoCloseable {
    private static final Duration MAX_BACKOFF = Duration.ofHours(24);

    private final FeedFetcher fetcher;
    private final RefreshScheduler scheduler;
    private final Analyzer built;
    private final AtomicReference<Analyzer> analyzer;

    /**
     * @param node this process's name in feed leases ({@link SiftConfig#node()})
     * @param metrics where the ingest counters and timings go
     */
    Ingestion(Database db, SiftConfig.Ingest config, Analyzer analyzer, String node, PrometheusRegistry metrics,
            Clock clock) {
        this.fetcher = new FeedFetcher(config.fetchSettings());
        // what admins chose (lexicon, model, threshold) wins over what Sift was built and configured with
        this.built = analyzer;
        this.analyzer = new AtomicReference<>(ActiveClassifiers.compose(db, analyzer));
        Refresher refresher = new Refresher(
                db.feeds(),
                db.posts(),
                fetcher,
                new FeedParser(),
                new HtmlCleaner(),
                this.analyzer::get,
                new RefreshPolicy(config.interval(), MAX_BACKOFF, new Random()),
                clock,
                new IngestMetrics(metrics));
        this.scheduler = new RefreshScheduler(db.feeds(), refresher, node, config.workers(), config.tick(), clock);
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

    public RefreshScheduler scheduler() {
        return scheduler;
    }

    /** Lets refreshes in flight finish their current post, then closes the fetcher. */
    @Override
    public void close() {
        scheduler.close();
        fetcher.close();
    }
}
