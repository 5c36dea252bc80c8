package sift.web.cli.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sift.ingest.bench.ParseBench;

@Command(
        name = "bench-parse",
        mixinStandardHelpOptions = true,
        description =
                "Parse and clean a realistic corpus, next to plain Rome on the same bytes; print MB/s and items/s.")
public final class BenchParseCommand implements Callable<Integer> {
    @Option(names = "--feeds", defaultValue = "200", description = "synthetic blog feeds (default: 200)")
    int feeds;

    @Option(names = "--items", defaultValue = "25", description = "items a feed (default: 25)")
    int items;

    @Option(
            names = "--real",
            paramLabel = "DIR",
            defaultValue = "../shared/corpora/podcast",
            description = "real feeds to add, if the folder exists (default: ../shared/corpora/podcast)")
    Path real;

    @Option(names = "--rounds", defaultValue = "15", description = "timed rounds (default: 15)")
    int rounds;

    @Option(names = "--warmup", defaultValue = "5", description = "untimed rounds first (default: 5)")
    int warmup;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<byte[]> corpus = new ArrayList<>(BenchFeeds.synthetic(feeds, items, 1));
        corpus.addAll(BenchFeeds.filesIn(real));
        ParseBench.run(corpus, warmup, rounds, spec.commandLine().getOut());
        return 0;
    }
}
