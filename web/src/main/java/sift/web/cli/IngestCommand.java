package sift.web.cli;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sift.ingest.Ingestion;
import sift.ingest.refresh.IngestMetrics;
import sift.ingest.refresh.RefreshReport;
import sift.ingest.refresh.Stage;
import sift.store.Database;
import sift.store.feed.NewFeed;
import sift.web.CommandOptions;
import sift.web.CommandOptions.AllowPrivate;
import sift.web.CommandOptions.DataOption;
import sift.web.SiftConfig;

@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        description = "Refresh every feed once, then print a summary.")
public final class IngestCommand implements Callable<Integer> {
    @CommandLine.Mixin
    DataOption data = new DataOption();

    @Option(names = "--once", required = true, description = "one refresh pass over all feeds, then exit")
    boolean once;

    @Option(names = "--opml", paramLabel = "FILE", description = "first subscribe the feeds of this OPML file")
    Path opml;

    @Option(
            names = "--cost-sheet",
            description = "after the summary, print the CPU time of each stage of the pass, and a post's share of it")
    boolean costSheet;

    @Option(
            names = "--skip-analysis",
            description = "for benchmarks: store new posts without analysis (kind article, no topics or claims)")
    boolean skipAnalysis;

    @CommandLine.Mixin
    AllowPrivate allowPrivate = new AllowPrivate();

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<NewFeed> feeds = opml == null ? List.of() : ImportOpmlCommand.readOpml(opml);
        SiftConfig config = data.config();
        config = allowPrivate.apply(config);
        PrintWriter out = spec.commandLine().getOut();
        try (Database db = CommandOptions.open(config);
                Ingestion ingestion = config.ingestion(db, new PrometheusRegistry(), Clock.systemUTC())) {
            if (opml != null) {
                out.println(ImportOpmlCommand.subscribe(db, feeds, opml));
            }
            if (skipAnalysis) {
                ingestion.skipAnalysis();
            }
            long started = System.nanoTime();
            boolean terminal = System.console() != null;
            PrintWriter err = spec.commandLine().getErr();
            List<RefreshReport> reports = ingestion.scheduler().refreshAll((done, of) -> {
                if (terminal) {
                    synchronized (err) {
                        err.printf("\rsift ingest: %d of %d feeds", done, of);
                        err.flush();
                    }
                }
            });
            if (terminal) {
                err.println();
            }
            reports.forEach(r -> out.println(line(r)));
            long failed = reports.stream()
                    .filter(r -> r.outcome() == RefreshReport.Outcome.FAILED)
                    .count();
            out.printf(
                    "%d feeds: %d fetched, %d not modified, %d failed; %d new posts, %d updated; %.1f s%n",
                    reports.size(),
                    reports.stream()
                            .filter(r -> r.outcome() == RefreshReport.Outcome.FETCHED)
                            .count(),
                    reports.stream()
                            .filter(r -> r.outcome() == RefreshReport.Outcome.NOT_MODIFIED)
                            .count(),
                    failed,
                    reports.stream().mapToInt(RefreshReport::created).sum(),
                    reports.stream().mapToInt(RefreshReport::updated).sum(),
                    (System.nanoTime() - started) / 1e9);
            if (costSheet) {
                printCostSheet(out, ingestion.metrics());
            }
            out.flush();
            return !reports.isEmpty() && failed == reports.size() ? 1 : 0;
        }
    }

    /**
     * The pass's CPU, stage by stage as measured on the threads doing the work, then the rest of the process (JVM
     * start, opening the database, JIT compiler and garbage collector threads), each in milliseconds and in
     * microseconds an entry read.
     */
    static void printCostSheet(PrintWriter out, IngestMetrics metrics) {
        long entries = metrics.entries();
        out.printf("cost sheet: CPU of %d entries read%n", entries);
        out.printf("  %-10s %10s %14s%n", "stage", "CPU ms", "us an entry");
        double stages = 0;
        for (Stage stage : Stage.values()) {
            double seconds = metrics.cpuSeconds(stage);
            stages += seconds;
            costLine(out, stage.label(), seconds, entries);
        }
        double process = CommandOptions.processCpuNanos() / 1e9;
        costLine(out, "stages", stages, entries);
        costLine(out, "other", process - stages, entries);
        costLine(out, "process", process, entries);
    }

    private static void costLine(PrintWriter out, String what, double seconds, long entries) {
        String share = entries == 0 ? "-" : String.format("%.1f", seconds * 1e6 / entries);
        out.printf("  %-10s %10.0f %14s%n", what, seconds * 1e3, share);
    }

    private static String line(RefreshReport r) {
        return switch (r.outcome()) {
            case FETCHED -> String.format("ok       %4d new %4d updated  %s", r.created(), r.updated(), r.url());
            case NOT_MODIFIED -> String.format("304                        %s", r.url());
            case FAILED -> String.format("FAILED                     %s: %s", r.url(), r.error());
            case STOPPED -> String.format("stopped                    %s", r.url());
        };
    }
}
