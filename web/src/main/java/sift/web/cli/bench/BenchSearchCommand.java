package sift.web.cli.bench;

import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sift.nlp.embed.Encoder;
import sift.store.Database;
import sift.store.search.SearchIndex;
import sift.web.CommandOptions;
import sift.web.CommandOptions.DataOption;
import sift.web.SiftConfig;

@Command(
        name = "bench-search",
        mixinStandardHelpOptions = true,
        description = "Run a fixed mix of queries against the index and print latency percentiles.")
public final class BenchSearchCommand implements Callable<Integer> {
    @CommandLine.Mixin
    DataOption data = new DataOption();

    @Option(names = "--rounds", defaultValue = "200", description = "times each query runs (default: 200)")
    int rounds;

    @Option(names = "--warmup", defaultValue = "50", description = "untimed rounds first (default: 50)")
    int warmup;

    @Option(
            names = "--meaning",
            description = "search by relevance with each query's meaning too, as the "
                    + "search page does, the query's encoding timed with the search")
    boolean meaning;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        SiftConfig config = data.config();
        try (Database db = CommandOptions.open(config);
                SearchIndex index = SearchIndex.open(config.indexDir(), db.postChanges(), Clock.systemUTC())) {
            spec.commandLine()
                    .getOut()
                    .printf(
                            "%d posts indexed; %d queries x %d rounds after %d warm-up rounds%s%n",
                            index.size(), SearchBench.QUERIES.size(), rounds, warmup, meaning ? ", with meaning" : "");
            SearchBench.run(
                    index,
                    warmup,
                    rounds,
                    meaning ? q -> Encoder.shared().encode(q, "") : null,
                    spec.commandLine().getOut());
        }
        return 0;
    }
}
