package sift.ingest.testing;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.Executor;
import sift.ingest.clean.HtmlCleaner;
import sift.ingest.fetch.FeedFetcher;
import sift.ingest.parse.FeedParser;
import sift.ingest.refresh.IngestMetrics;
import sift.ingest.refresh.RefreshPolicy;
import sift.ingest.refresh.Refresher;
import sift.nlp.Analyzer;
import sift.store.Database;

/** The refresher as Sift wires it, over a test database: 30-minute interval, seeded jitter. */
public final class TestRefresher {
    private TestRefresher() {}

    public static Refresher over(Database db, FeedFetcher fetcher, Clock clock) {
        return over(db, fetcher, clock, new IngestMetrics(new PrometheusRegistry()), Runnable::run);
    }

    /** The same, counting into {@code metrics}, analyzing posts on {@code analysisPool}. */
    public static Refresher over(
            Database db, FeedFetcher fetcher, Clock clock, IngestMetrics metrics, Executor analysisPool) {
        Analyzer analyzer = new Analyzer();
        return new Refresher(
                db.feeds(),
                db.posts(),
                fetcher,
                new FeedParser(),
                new HtmlCleaner(),
                () -> analyzer,
                new RefreshPolicy(Duration.ofMinutes(30), Duration.ofHours(24), new Random(1)),
                clock,
                metrics,
                analysisPool);
    }
}
