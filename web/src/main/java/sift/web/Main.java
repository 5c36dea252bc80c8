package sift.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import sift.ingest.discover.FeedDiscovery;
import sift.ingest.fetch.FeedFetcher;
import sift.ingest.fulltext.FullText;
import sift.ingest.opml.Opml;
import sift.ingest.parse.FeedParser;
import sift.ingest.opml.OpmlException;
import sift.ingest.refresh.RefreshReport;
import sift.store.Database;
import sift.store.DbSettings;
import sift.store.H2Restore;
import sift.store.StoreException;
import sift.store.search.SearchIndex;
import sift.store.feed.Feed;
import sift.store.feed.NewFeed;
import sift.store.post.PostDraft;
import sift.ingest.bench.ParseBench;
import sift.web.bench.BenchFeeds;
import sift.nlp.embed.Encoder;
import sift.web.bench.SearchBench;
import sift.web.control.ControlChannel;
import sift.web.bench.SyntheticPosts;

/** The {@code sift} command line. Exit status: 0 success, 1 failure, 2 bad usage. */
@Command(
        name = "sift",
        mixinStandardHelpOptions = true,
        version = "Sift 0.1.0",
        description = "A self-hosted knowledge-feed aggregator for network engineers.",
        subcommands = {
            Main.Serve.class,
            Main.Ingest.class,
            Main.Worker.class,
            Main.Subscribe.class,
            Main.ImportOpml.class,
            Main.ExportOpml.class,
            Main.Reindex.class,
            Main.Backup.class,
            Main.Restore.class,
            Main.BenchData.class,
            Main.BenchSearch.class,
            Main.BenchParse.class,
            ParseCommand.class,
            ScoreCommand.class,
            EvalCommand.class,
            BenchNlpCommand.class,
            UserCommand.class,
            DigestCommand.class,
            BenchDigestCommand.class,
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

    static int run(String... args) {
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

    /** Options every command that touches stored data takes. */
    static final class DataOption {
        @Option(names = "--data", paramLabel = "DIR", description = "data folder (default: ./data, or SIFT_DATA)")
        Path data;

        /** The configuration of a command that is not {@code serve}: flags and {@code SIFT_*} variables. */
        SiftConfig config() {
            return SiftConfig.from(data, null, false, System.getenv());
        }
    }

    /** Blocks until the JVM is asked to stop (SIGTERM, Ctrl-C), then runs {@code stop} before it exits. */
    private static void runUntilStopped(Runnable stop) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.run();
            stopped.countDown();
        }, "sift-shutdown"));
        stopped.await();
    }

    /** {@code --allow-private} of the commands that fetch feeds. */
    static final class AllowPrivate {
        @Option(names = "--allow-private", description = "fetch feeds from loopback and private addresses too (or SIFT_ALLOW_PRIVATE=true)")
        boolean allowPrivate;

        SiftConfig apply(SiftConfig config) {
            return allowPrivate ? config.withIngest(config.ingest().withAllowPrivate(true)) : config;
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true, description = "Run Sift: the reader, the API and background ingest.")
    static final class Serve implements Callable<Integer> {
        @CommandLine.Mixin
        DataOption data = new DataOption();

        @Option(names = "--port", paramLabel = "PORT", description = "HTTP port (default: 7070, or SIFT_PORT)")
        Integer port;

        @Option(names = "--demo", description = "subscribe the bundled offline sample feeds (data in ./data/demo)")
        boolean demo;

        @Option(names = "--no-ingest", description = "serve only: this process refreshes no feeds")
        boolean noIngest;

        @CommandLine.Mixin
        AllowPrivate allowPrivate = new AllowPrivate();

        @Override
        public Integer call() throws InterruptedException {
            SiftConfig config = SiftConfig.from(data.data, port, demo, System.getenv());
            config = allowPrivate.apply(config);
            if (noIngest) {
                config = config.withIngest(config.ingest().disabled());
            }
            SiftServer server = SiftServer.start(config, Clock.systemUTC());
            runUntilStopped(server::close);
            return 0;
        }
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true, description = "Refresh every feed once, then print a summary.")
    static final class Ingest implements Callable<Integer> {
        @CommandLine.Mixin
        DataOption data = new DataOption();

        @Option(names = "--once", required = true, description = "one refresh pass over all feeds, then exit")
        boolean once;

        @Option(names = "--opml", paramLabel = "FILE", description = "first subscribe the feeds of this OPML file")
        Path opml;

        @CommandLine.Mixin
        AllowPrivate allowPrivate = new AllowPrivate();

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            List<NewFeed> feeds = opml == null ? List.of() : readOpml(opml);
            SiftConfig config = data.config();
            config = allowPrivate.apply(config);
            Files.createDirectories(config.dataDir());
            PrintWriter out = spec.commandLine().getOut();
            try (Database db = Database.open(config.db());
                    Ingestion ingestion = new Ingestion(db, config.ingest(), config.analyzer(), config.node(),
                            new PrometheusRegistry(), Clock.systemUTC())) {
                if (opml != null) {
                    out.println(subscribe(db, feeds, opml));
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
                long failed = reports.stream().filter(r -> r.outcome() == RefreshReport.Outcome.FAILED).count();
                out.printf("%d feeds: %d fetched, %d not modified, %d failed; %d new posts, %d updated; %.1f s%n",
                        reports.size(),
                        reports.stream().filter(r -> r.outcome() == RefreshReport.Outcome.FETCHED).count(),
                        reports.stream().filter(r -> r.outcome() == RefreshReport.Outcome.NOT_MODIFIED).count(),
                        failed,
                        reports.stream().mapToInt(RefreshReport::created).sum(),
                        reports.stream().mapToInt(RefreshReport::updated).sum(),
                        (System.nanoTime() - started) / 1e9);
                out.flush();
                return !reports.isEmpty() && failed == reports.size() ? 1 : 0;
            }
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

    @Command(name = "worker", mixinStandardHelpOptions = true,
            description = "Refresh feeds in the background and serve nothing: one of several ingest processes on one PostgreSQL.")
    static final class Worker implements Callable<Integer> {
        @CommandLine.Mixin
        DataOption data = new DataOption();

        @CommandLine.Mixin
        AllowPrivate allowPrivate = new AllowPrivate();

        @Override
        public Integer call() throws InterruptedException {
            SiftConfig config = data.config();
            config = allowPrivate.apply(config);
            Database db = Database.open(config.db());
            Ingestion ingestion = new Ingestion(db, config.ingest(), config.analyzer(), config.node(),
                    new PrometheusRegistry(), Clock.systemUTC());
            ingestion.scheduler().start();
            runUntilStopped(() -> {
                ingestion.close();
                db.close();
            });
            return 0;
        }
    }

    @Command(name = "subscribe", mixinStandardHelpOptions = true,
            description = "Subscribe a feed by its URL or by the URL of a web page that announces it.")
    static final class Subscribe implements Callable<Integer> {
        @CommandLine.Mixin
        DataOption data = new DataOption();

        @CommandLine.Mixin
        AllowPrivate allowPrivate = new AllowPrivate();

        @Parameters(paramLabel = "URL", description = "a feed, or a page of the site")
        URI url;

        @Option(names = "--category", paramLabel = "NAME", description = "the category to file it under")
        String category;

        @Option(names = "--full-text", negatable = true, description = "fetch the full text of teasers from their "
                + "pages (on for a new feed; --no-full-text keeps the feed's text as it is)")
        Boolean fullText;

        @Option(names = "--full-text-selector", paramLabel = "CSS",
                description = "the CSS selector of the article on the feed's pages, when Sift does not find it by itself")
        String selector;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            String badSelector = FullText.selectorProblem(selector);
            if (badSelector != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--full-text-selector: " + badSelector);
            }
            SiftConfig config = allowPrivate.apply(data.config());
            FeedDiscovery.Result result;
            try (FeedFetcher fetcher = new FeedFetcher(config.ingest().fetchSettings().withHostGap(Duration.ZERO))) {
                result = new FeedDiscovery(fetcher, new FeedParser()).discover(url);
            }
            if (result.feeds().isEmpty()) {
                throw new IllegalArgumentException(result.problem());
            }
            FeedDiscovery.Found feed = result.feeds().get(0);
            Files.createDirectories(config.dataDir());
            PrintWriter out = spec.commandLine().getOut();
            try (Database db = Database.open(config.db())) {
                boolean added = db.feeds().subscribe(new NewFeed(feed.url(), feed.title(), category), Instant.now());
                out.println((added ? "subscribed " : "already subscribed ") + feed.url()
                        + (feed.title() == null ? "" : " (" + feed.title() + ")"));
                if (fullText != null || selector != null) {
                    Feed stored = db.feeds().findByUrl(feed.url()).orElseThrow();
                    boolean on = fullText != null ? fullText : stored.fullText();
                    String css = selector != null ? selector : stored.fullTextSelector();
                    db.feeds().setFullText(stored.id(), on, css);
                    out.println("full text of teasers: " + (on ? "on" : "off")
                            + (css == null || css.isBlank() ? "" : ", article at '" + css.strip() + "'"));
                }
            }
            result.feeds().stream().skip(1).forEach(other -> out.println("also offered: " + other.url()
                    + (other.title() == null ? "" : " (" + other.title() + ")")));
            out.flush();
            return 0;
        }
    }

    @Command(name = "import-opml", mixinStandardHelpOptions = true, description = "Subscribe the feeds of an OPML file.")
    static final class ImportOpml implements Callable<Integer> {
        @CommandLine.Mixin
        DataOption data = new DataOption();

        @Parameters(paramLabel = "FILE", description = "the OPML file")
        Path file;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            List<NewFeed> feeds = readOpml(file);
            SiftConfig config = data.config();
            Files.createDirectories(config.dataDir());
            try (Database db = Database.open(config.db())) {
                spec.commandLine().getOut().println(subscribe(db, feeds, file));
            }
            return 0;
        }
    }

    @Command(name = "export-opml", mixinStandardHelpOptions = true, description = "Print the subscriptions as OPML.")
    static final class ExportOpml implements Callable<Integer> {
        @CommandLine.Mixin
        DataOption data = new DataOption();

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            SiftConfig config = data.config();
            try (Database db = Database.open(config.db())) {
                spec.commandLine().getOut().print(Opml.write(db.feeds().all(), "Sift subscriptions"));
                spec.commandLine().getOut().flush();
            }
            return 0;
        }
    }

    @Command(name = "reindex", mixinStandardHelpOptions = true, description = "Rebuild the search index from the database.")
    static final class Reindex implements Callable<Integer> {
        @CommandLine.Mixin
        DataOption data = new DataOption();

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            SiftConfig config = data.config();
            long started = System.nanoTime();
            try (Database db = Database.open(config.db());
                    SearchIndex index = SearchIndex.rebuild(config.indexDir(), db.posts(), Clock.systemUTC())) {
                spec.commandLine().getOut().printf("%s: %d posts indexed in %.1f s%n", config.indexDir(), index.size(),
                        (System.nanoTime() - started) / 1e9);
                spec.commandLine().getOut().flush();
            }
            return 0;
        }
    }

    @Command(name = "backup", mixinStandardHelpOptions = true,
            description = "Write a consistent copy of the embedded database to FILE (a zip), also while Sift runs.")
    static final class Backup implements Callable<Integer> {
        @CommandLine.Mixin
        DataOption data = new DataOption();

        @Parameters(paramLabel = "FILE", description = "the zip file to write; it must not exist yet")
        Path file;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            SiftConfig config = data.config();
            Path target = file.toAbsolutePath();
            if (Files.exists(target)) {
                throw new CommandLine.ParameterException(spec.commandLine(), target + " already exists; choose a new file name");
            }
            String from;
            try (Database db = Database.open(config.db())) {
                // a failed backup leaves no partial file under the name asked for
                Path part = target.resolveSibling(target.getFileName() + ".part");
                try {
                    db.backupTo(part);
                    Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(part);
                }
                from = db.describe();
            } catch (StoreException e) {
                if (!e.inUse()) {
                    throw e;
                }
                ControlChannel.requestBackup(config.dataDir(), target);
                from = config.db().describe() + " (from the running Sift)";
            }
            spec.commandLine().getOut().printf("Backed up %s to %s (%,d bytes)%n", from, target, Files.size(target));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = "Replace the embedded database with a backup, with Sift stopped; the replaced one is kept.")
    static final class Restore implements Callable<Integer> {
        @CommandLine.Mixin
        DataOption data = new DataOption();

        @Parameters(paramLabel = "FILE", description = "a zip written by sift backup")
        Path file;

        @Option(names = "--max-size", paramLabel = "MB", description = "refuse a database larger than this "
                + "(default: ${DEFAULT-VALUE} MB)", defaultValue = "" + (H2Restore.DEFAULT_MAX_BYTES >> 20))
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
                throw new StoreException("sift restore replaces the embedded H2 database; restore PostgreSQL "
                        + config.db().describe() + " with pg_restore or psql (see the README)", null);
            }
            if (!Files.isRegularFile(file)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "no backup file " + file.toAbsolutePath());
            }
            Files.createDirectories(config.dataDir());
            H2Restore.Report report = H2Restore.restore(file, config.dataDir(), maxMegabytes << 20, Instant.now());
            // the index described the replaced database
            SearchIndex.delete(config.indexDir());
            PrintWriter out = spec.commandLine().getOut();
            out.printf("Restored %s from %s: %d posts, %d feeds%n", config.db().describe(), file.toAbsolutePath(),
                    report.posts(), report.feeds());
            if (report.keptAs() != null) {
                out.printf("The database it replaced is kept as %s%n", report.keptAs());
            }
            out.println("The search index is rebuilt when Sift next starts.");
            out.flush();
            return 0;
        }
    }

    @Command(name = "bench-data", mixinStandardHelpOptions = true,
            description = "Load N realistic synthetic posts into the store and the search index, for benchmarks.")
    static final class BenchData implements Callable<Integer> {
        private static final int BATCH = 1000;

        @CommandLine.Mixin
        DataOption data = new DataOption();

        @Option(names = "--posts", required = true, paramLabel = "N", description = "how many posts to add")
        int posts;

        @Option(names = "--feeds", paramLabel = "N", defaultValue = "200", description = "spread over this many feeds (default: 200)")
        int feeds;

        @Option(names = "--seed", defaultValue = "1", description = "the same seed gives the same posts (default: 1)")
        long seed;

        @Option(names = "--vectors", description = "give each post the sentence encoder's vector, as ingest does "
                + "(about 5 ms a post)")
        boolean vectors;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException, InterruptedException {
            if (posts < 1 || feeds < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--posts and --feeds must be positive");
            }
            SiftConfig config = data.config();
            Files.createDirectories(config.dataDir());
            PrintWriter out = spec.commandLine().getOut();
            Instant now = Instant.now();
            int indexed;
            try (Database db = Database.open(config.db());
                    SearchIndex index = SearchIndex.open(config.indexDir(), db.posts(), Clock.systemUTC())) {
                for (int f = 0; f < feeds; f++) {
                    db.feeds().subscribe(new NewFeed("https://bench-" + seed + "-" + f + ".example/feed.xml",
                            "Bench blog " + f, "Bench"), now);
                }
                List<Long> feedIds = db.feeds().all().stream()
                        .filter(f -> f.url().startsWith("https://bench-" + seed + "-"))
                        .map(f -> f.id())
                        .toList();
                SyntheticPosts generator = new SyntheticPosts(seed, now, db.posts().count());
                if (vectors) {
                    generator.withVectors();
                }
                long started = System.nanoTime();
                // the index follows the database on a second thread while this one writes, as in sift serve
                // (which catches up every 2 s): each pass indexes what the last second brought
                AtomicBoolean writing = new AtomicBoolean(true);
                Thread follower = new Thread(() -> {
                    while (writing.get()) {
                        long pass = System.nanoTime();
                        index.catchUp();
                        LockSupport.parkNanos(Math.max(0, 1_000_000_000L - (System.nanoTime() - pass)));
                    }
                }, "sift-bench-index");
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
                out.printf("stored %d posts in %.1f s; indexed too after %.1f s: %.0f posts/s into the store and the index%n",
                        posts, stored, total, posts / total);
                indexed = index.size();
                out.printf("%d posts in the database, %d in the index%n", db.posts().count(), indexed);
            }
            // sizes after close, when H2 and Lucene have written everything
            long indexBytes = folderBytes(config.indexDir());
            out.printf("index %,d MB (%,.1f MB per 100,000 posts)", indexBytes >> 20,
                    indexBytes / 1048576.0 / Math.max(1, indexed) * 100_000);
            Path h2File = DbSettings.embeddedFile(config.dataDir());
            if (config.db().embedded() && Files.exists(h2File)) {
                out.printf(", database %s %,d MB", h2File.getFileName(), Files.size(h2File) >> 20);
            }
            out.println();
            out.flush();
            return 0;
        }
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

    @Command(name = "bench-search", mixinStandardHelpOptions = true,
            description = "Run a fixed mix of queries against the index and print latency percentiles.")
    static final class BenchSearch implements Callable<Integer> {
        @CommandLine.Mixin
        DataOption data = new DataOption();

        @Option(names = "--rounds", defaultValue = "200", description = "times each query runs (default: 200)")
        int rounds;

        @Option(names = "--warmup", defaultValue = "50", description = "untimed rounds first (default: 50)")
        int warmup;

        @Option(names = "--meaning", description = "search by relevance with each query's meaning too, as the "
                + "search page does, the query's encoding timed with the search")
        boolean meaning;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            SiftConfig config = data.config();
            try (Database db = Database.open(config.db());
                    SearchIndex index = SearchIndex.open(config.indexDir(), db.posts(), Clock.systemUTC())) {
                spec.commandLine().getOut().printf("%d posts indexed; %d queries x %d rounds after %d warm-up rounds%s%n",
                        index.size(), SearchBench.QUERIES.size(), rounds, warmup, meaning ? ", with meaning" : "");
                SearchBench.run(index, warmup, rounds, meaning ? q -> Encoder.shared().encode(q, "") : null,
                        spec.commandLine().getOut());
            }
            return 0;
        }
    }

    @Command(name = "bench-parse", mixinStandardHelpOptions = true,
            description = "Parse and clean a realistic corpus, next to plain Rome on the same bytes; print MB/s and items/s.")
    static final class BenchParse implements Callable<Integer> {
        @Option(names = "--feeds", defaultValue = "200", description = "synthetic blog feeds (default: 200)")
        int feeds;

        @Option(names = "--items", defaultValue = "25", description = "items a feed (default: 25)")
        int items;

        @Option(names = "--real", paramLabel = "DIR", defaultValue = "../shared/corpora/podcast",
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

    private static List<NewFeed> readOpml(Path file) throws IOException, OpmlException {
        try (InputStream in = Files.newInputStream(file)) {
            return Opml.read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new OpmlException("no such file: " + file, e);
        }
    }

    private static String subscribe(Database db, List<NewFeed> feeds, Path file) {
        Instant now = Instant.now();
        long added = feeds.stream().filter(f -> db.feeds().subscribe(f, now)).count();
        return String.format("%s: %d feeds, %d newly subscribed, %d already subscribed", file, feeds.size(), added,
                feeds.size() - added);
    }
}
