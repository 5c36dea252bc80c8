package sift.web.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import sift.store.H2Restore;
import sift.store.StoreException;
import sift.store.search.SearchIndex;
import sift.web.CommandOptions.DataOption;
import sift.web.SiftConfig;

@Command(
        name = "restore",
        mixinStandardHelpOptions = true,
        description = "Replace the embedded database with a backup, with Sift stopped; the replaced one is kept.")
public final class RestoreCommand implements Callable<Integer> {
    @CommandLine.Mixin
    DataOption data = new DataOption();

    @Parameters(paramLabel = "FILE", description = "a zip written by sift backup")
    Path file;

    @Option(
            names = "--max-size",
            paramLabel = "MB",
            description = "refuse a database larger than this " + "(default: ${DEFAULT-VALUE} MB)",
            defaultValue = "" + (H2Restore.DEFAULT_MAX_BYTES >> 20))
    long maxMegabytes;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        SiftConfig config = data.config();
        if (maxMegabytes < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-size must be at least 1 (MB)");
        }
        if (!config.db().embedded()) {
            throw new StoreException(
                    "sift restore replaces the embedded H2 database; restore PostgreSQL "
                            + config.db().describe() + " with pg_restore or psql (see the README)",
                    null);
        }
        if (!Files.isRegularFile(file)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no backup file " + file.toAbsolutePath());
        }
        Files.createDirectories(config.dataDir());
        H2Restore.Report report = H2Restore.restore(file, config.dataDir(), maxMegabytes << 20, Instant.now());
        // the index described the replaced database
        SearchIndex.delete(config.indexDir());
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
                "Restored %s from %s: %d posts, %d feeds%n",
                config.db().describe(), file.toAbsolutePath(), report.posts(), report.feeds());
        if (report.keptAs() != null) {
            out.printf("The database it replaced is kept as %s%n", report.keptAs());
        }
        out.println("The search index is rebuilt when Sift next starts.");
        out.flush();
        return 0;
    }
}
