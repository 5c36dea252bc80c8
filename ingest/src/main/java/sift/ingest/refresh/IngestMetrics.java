package sift.ingest.refresh;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.time.Duration;
import java.util.Locale;

/** Counters and timings of ingest, registered in the registry the web node serves on {@code /metrics}. */
public final class IngestMetrics {
    private final Counter refreshes;
    private final Counter posts;
    private final Counter fullText;
    private final Histogram refreshSeconds;
    private final Counter cpu;
    private final Counter entries;

    public IngestMetrics(PrometheusRegistry registry) {
        refreshes = Counter.builder()
                .name("sift_ingest_refreshes_total")
                .help("Refreshes of a feed, by outcome: fetched, not_modified, failed, stopped")
                .labelNames("outcome")
                .register(registry);
        posts = Counter.builder()
                .name("sift_ingest_posts_total")
                .help("Posts written by ingest: new or updated")
                .labelNames("change")
                .register(registry);
        fullText = Counter.builder()
                .name("sift_ingest_full_text_pages_total")
                .help("Article pages fetched for teasers: used (full text stored) or kept (the teaser stayed)")
                .labelNames("result")
                .register(registry);
        refreshSeconds = Histogram.builder()
                .name("sift_ingest_refresh_duration_seconds")
                .help("Time of one refresh of one feed: fetch, parse, clean, full text, analysis and writes")
                .unit(Unit.SECONDS)
                .classicOnly()
                .classicUpperBounds(0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60)
                .register(registry);
        cpu = Counter.builder()
                .name("sift_ingest_cpu_seconds_total")
                .help("CPU time of refreshes on the threads doing them, by stage: fetch, parse, clean, full_text,"
                        + " analysis, store")
                .unit(Unit.SECONDS)
                .labelNames("stage")
                .register(registry);
        entries = Counter.builder()
                .name("sift_ingest_entries_total")
                .help("Entries read from fetched feeds, stored before or not")
                .register(registry);
        for (Stage stage : Stage.values()) {
            cpu.labelValues(stage.label());
        }
        for (RefreshReport.Outcome outcome : RefreshReport.Outcome.values()) {
            refreshes.labelValues(label(outcome)); // every series from the start, so that rates work from zero
        }
        posts.labelValues("new");
        posts.labelValues("updated");
        fullText.labelValues("used");
        fullText.labelValues("kept");
    }

    void refreshed(RefreshReport report, Duration took) {
        refreshes.labelValues(label(report.outcome())).inc();
        posts.labelValues("new").inc(report.created());
        posts.labelValues("updated").inc(report.updated());
        refreshSeconds.observe(took.toNanos() / 1e9);
    }

    void fullText(boolean used) {
        fullText.labelValues(used ? "used" : "kept").inc();
    }

    void cpu(Stage stage, long nanos) {
        cpu.labelValues(stage.label()).inc(nanos / 1e9);
    }

    void entries(int read) {
        entries.inc(read);
    }

    /** CPU seconds spent so far in a stage. */
    public double cpuSeconds(Stage stage) {
        return cpu.labelValues(stage.label()).get();
    }

    /** Entries read so far from fetched feeds. */
    public long entries() {
        return (long) entries.get();
    }

    private static String label(RefreshReport.Outcome outcome) {
        return outcome.name().toLowerCase(Locale.ROOT);
    }
}
