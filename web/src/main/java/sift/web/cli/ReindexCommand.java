package sift.web.cli;

import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import sift.store.Database;
import sift.store.search.SearchIndex;
import sift.web.CommandOptions;
import sift.web.CommandOptions.DataOption;
import sift.web.SiftConfig;

@Command(name = "reindex", mixinStandardHelpOptions = true, description = "Rebuild the search index from the database.")
public final class ReindexCommand implements Callable<Integer> {
    @CommandLine.Mixin
    DataOption data = new DataOption();

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        SiftConfig config = data.config();
        try (Database db = CommandOptions.open(config)) {
            long started = System.nanoTime();
            long cpu = CommandOptions.processCpuNanos();
            try (SearchIndex index = SearchIndex.rebuild(config.indexDir(), db.postChanges(), Clock.systemUTC())) {
                double cpuMs = (CommandOptions.processCpuNanos() - cpu) / 1e6;
                spec.commandLine()
                        .getOut()
                        .printf(
                                "%s: %d posts indexed in %.1f s, %.0f ms of CPU (%.0f us a post)%n",
                                config.indexDir(),
                                index.size(),
                                (System.nanoTime() - started) / 1e9,
                                cpuMs,
                                cpuMs * 1e3 / Math.max(1, index.size()));
            }
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
