package sift.web.cli;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import sift.ingest.Ingestion;
import sift.store.Database;
import sift.web.CommandOptions;
import sift.web.CommandOptions.AllowPrivate;
import sift.web.CommandOptions.DataOption;
import sift.web.SiftConfig;

@Command(
        name = "worker",
        mixinStandardHelpOptions = true,
        description =
                "Refresh feeds in the background and serve nothing: one of several ingest processes on one PostgreSQL.")
public final class WorkerCommand implements Callable<Integer> {
    @CommandLine.Mixin
    DataOption data = new DataOption();

    @CommandLine.Mixin
    AllowPrivate allowPrivate = new AllowPrivate();

    @Override
    public Integer call() throws IOException, InterruptedException {
        SiftConfig config = data.config();
        config = allowPrivate.apply(config);
        Database db = CommandOptions.open(config);
        Ingestion ingestion = config.ingestion(db, new PrometheusRegistry(), Clock.systemUTC());
        ingestion.scheduler().start();
        ServeCommand.runUntilStopped(() -> {
            ingestion.close();
            db.close();
        });
        return 0;
    }
}
