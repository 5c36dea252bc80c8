package sift.web.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import sift.ingest.opml.OpmlException;
import sift.store.StoreException;
import sift.web.SiftConfig;
import sift.web.cli.bench.BenchDataCommand;
import sift.web.cli.bench.BenchDigestCommand;
import sift.web.cli.bench.BenchNlpCommand;
import sift.web.cli.bench.BenchParseCommand;
import sift.web.cli.bench.BenchSearchCommand;
import sift.web.cli.bench.BenchTranscriptCommand;
import sift.web.http.BadInput;

/** The {@code sift} command line: one class a command. Exit status: 0 success, 1 failure, 2 bad usage. */
@Command(
        name = "sift",
        mixinStandardHelpOptions = true,
        version = "Sift 0.1.0",
        description = "A self-hosted knowledge-feed aggregator for network engineers.",
        subcommands = {
            ServeCommand.class,
            IngestCommand.class,
            WorkerCommand.class,
            SubscribeCommand.class,
            ImportOpmlCommand.class,
            ExportOpmlCommand.class,
            ReindexCommand.class,
            BackupCommand.class,
            RestoreCommand.class,
            BenchDataCommand.class,
            BenchSearchCommand.class,
            BenchParseCommand.class,
            ParseCommand.class,
            ScoreCommand.class,
            EvalCommand.class,
            BenchNlpCommand.class,
            UserCommand.class,
            DigestCommand.class,
            BenchDigestCommand.class,
            BenchTranscriptCommand.class,
            CommandLine.HelpCommand.class
        },
        footer = {
            "",
            "Data lives in ./data (--data DIR) in an embedded H2 database, or in PostgreSQL",
            "given SIFT_DB_URL, SIFT_DB_USER and SIFT_DB_PASSWORD. The README lists every setting."
        })
public final class Main implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command line and gives its exit status. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setParameterExceptionHandler((e, ignored) -> {
            CommandLine cmd = e.getCommandLine();
            cmd.getErr().println(label(cmd) + ": " + e.getMessage());
            cmd.getErr().println("Run ./" + label(cmd) + " --help for usage.");
            return 2;
        });
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (expected(e)) {
                cmd.getErr().println(label(cmd) + ": " + e.getMessage());
            } else {
                cmd.getErr().println(label(cmd) + ": internal error, please report it: " + e);
                e.printStackTrace(cmd.getErr());
            }
            return 1;
        });
        return cli.execute(args);
    }

    /** Failures of input or environment whose message says it all; anything else is a bug. */
    private static boolean expected(Exception e) {
        return e.getMessage() != null
                && (e instanceof IOException
                        || e instanceof UncheckedIOException
                        || e instanceof OpmlException
                        || e instanceof StoreException
                        || e instanceof SiftConfig.ConfigException
                        || e instanceof BadInput
                        // how the modules below refuse input they cannot read (a lexicon, a model, a URL)
                        || e instanceof IllegalArgumentException);
    }

    private static String label(CommandLine cmd) {
        return cmd.getCommandSpec().qualifiedName();
    }

    /** {@code sift} alone: the usage, as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }
}
