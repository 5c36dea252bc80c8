package sift.web;

import io.javalin.http.Context;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import sift.store.search.SearchIndex;

/** This process's metrics (ingest counters and timings, the JVM's own) and the {@code /metrics} page in Prometheus's text format. */
public final class Metrics {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    public Metrics() {
        JvmMetrics.builder().register(registry);
    }

    /** The CPU time the search index spends following the database: indexing posts, and linking stories. */
    public void follow(SearchIndex index) {
        CounterWithCallback.builder()
                .name("sift_index_cpu_seconds_total")
                .help("CPU time of the search index on the threads doing it, by work: index (posts), stories")
                .unit(Unit.SECONDS)
                .labelNames("work")
                .callback(callback -> {
                    SearchIndex.Work work = index.work();
                    callback.call(work.indexNanos() / 1e9, "index");
                    callback.call(work.storiesNanos() / 1e9, "stories");
                })
                .register(registry);
    }

    public PrometheusRegistry registry() {
        return registry;
    }

    public void show(Context ctx) throws IOException {
        var out = new ByteArrayOutputStream(16 * 1024);
        writer.write(out, registry.scrape());
        ctx.contentType(writer.getContentType()).result(out.toByteArray());
    }
}
