package sift.web.cli.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sift.store.Database;
import sift.store.DbSettings;
import sift.store.feed.NewFeed;
import sift.store.post.PostDraft;
import sift.store.search.SearchIndex;
import sift.web.CommandOptions;
import sift.web.CommandOptions.DataOption;
import sift.web.SiftConfig;

@Command(
        name = "bench-data",
        mixinStandardHelpOptions = true,
        description = "Load N realistic synthetic posts into the store and the search index, for benchmarks.")
public final class BenchDataCommand implements Callable<Integer> {
    private static final int BATCH = 1000;

    @CommandLine.Mixin
    DataOption data = new DataOption();

    @Option(names = "--posts", required = true, paramLabel = "N", description = "how many posts to add")
    int posts;

    @Option(
            names = "--feeds",
            paramLabel = "N",
            defaultValue = "200",
            description = "spread over this many feeds (default: 200)")
    int feeds;

    @Option(names = "--seed", defaultValue = "1", description = "the same seed gives the same posts (default: 1)")
    long seed;

    @Option(
            names = "--vectors",
            description = "give each post the sentence encoder's vector, as ingest does " + "(about 5 ms a post)")
    boolean vectors;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (posts < 1 || feeds < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--posts and --feeds must be positive");
        }
        SiftConfig config = data.config();
        PrintWriter out = spec.commandLine().getOut();
        Instant now = Instant.now();
        int indexed;
        try (Database db = CommandOptions.open(config);
                SearchIndex index = SearchIndex.open(config.indexDir(), db.postChanges(), Clock.systemUTC())) {
            for (int f = 0; f < feeds; f++) {
                db.feeds()
                        .subscribe(
                                new NewFeed(
                                        "https://bench-" + seed + "-" + f + ".example/feed.xml",
                                        "Bench blog " + f,
                                        "Bench"),
                                now);
            }
            List<Long> feedIds = db.feeds().all().stream()
                    .filter(f -> f.url().startsWith("https://bench-" + seed + "-"))
                    .map(f -> f.id())
                    .toList();
            SyntheticPosts generator =
                    new SyntheticPosts(seed, now, db.postChanges().count());
            if (vectors) {
                generator.withVectors();
            }
            long started = System.nanoTime();
            // the index follows the database on a second thread while this one writes, as in sift serve
            // (which catches up every 2 s): each pass indexes what the last second brought
            AtomicBoolean writing = new AtomicBoolean(true);
            Thread follower = new Thread(
                    () -> {
                        while (writing.get()) {
                            long pass = System.nanoTime();
                            index.catchUp();
                            LockSupport.parkNanos(Math.max(0, 1_000_000_000L - (System.nanoTime() - pass)));
                        }
                    },
                    "sift-bench-index");
            follower.start();
            List<PostDraft> batch = new ArrayList<>(BATCH);
            try {
                for (int i = 0; i < posts; i++) {
                    batch.add(generator.next(feedIds));
                    if (batch.size() == BATCH || i == posts - 1) {
                        db.posts().insertBatch(batch, now);
                        batch.clear();
                    }
                }
            } finally {
                writing.set(false);
                follower.join();
            }
            double stored = (System.nanoTime() - started) / 1e9;
            index.catchUp();
            double total = (System.nanoTime() - started) / 1e9;
            out.printf(
                    "stored %d posts in %.1f s; indexed too after %.1f s: %.0f posts/s into the store and the index%n",
                    posts, stored, total, posts / total);
            indexed = index.size();
            out.printf(
                    "%d posts in the database, %d in the index%n",
                    db.postChanges().count(), indexed);
        }
        // sizes after close, when H2 and Lucene have written everything
        long indexBytes = folderBytes(config.indexDir());
        out.printf(
                "index %,d MB (%,.1f MB per 100,000 posts)",
                indexBytes >> 20, indexBytes / 1048576.0 / Math.max(1, indexed) * 100_000);
        Path h2File = DbSettings.embeddedFile(config.dataDir());
        if (config.db().embedded() && Files.exists(h2File)) {
            out.printf(", database %s %,d MB", h2File.getFileName(), Files.size(h2File) >> 20);
        }
        out.println();
        out.flush();
        return 0;
    }

    private static long folderBytes(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            long total = 0;
            for (Path f : files.toList()) {
                total += Files.size(f);
            }
            return total;
        }
    }
}
