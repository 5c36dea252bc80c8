package sift.web.cli.bench;

import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sift.ingest.clean.HtmlCleaner;
import sift.ingest.fetch.FeedFetcher;
import sift.ingest.fetch.FetchSettings;
import sift.ingest.parse.FeedParser;
import sift.ingest.parse.TranscriptParser;
import sift.ingest.refresh.IngestMetrics;
import sift.ingest.refresh.RefreshPolicy;
import sift.ingest.refresh.RefreshReport;
import sift.ingest.refresh.Refresher;
import sift.nlp.Analyzer;
import sift.nlp.corpus.StanceCorpus;
import sift.nlp.hype.Hype;
import sift.nlp.hype.StanceModel;
import sift.store.Database;
import sift.store.DbSettings;
import sift.store.feed.Feed;
import sift.store.feed.NewFeed;
import sift.store.search.SearchIndex;
import sift.store.search.SearchRequest;
import sift.store.search.SearchResult;

/**
 * {@code sift bench-transcript [--minutes 60] [--rounds 10]}: an episode whose feed links an hour's WebVTT
 * transcript (about 10,000 words, every sentence from the stance corpus, so that nearly all of them speak of AI
 * and are judged: the worst case for the scorer), served on 127.0.0.1, is read as ingest reads it: the feed and
 * the transcript fetched, parsed, the episode analysed with what was said, stored, indexed, and found by a word said
 * in its last minute. All of it runs on this thread; each round is a new episode. Prints the median and slowest
 * round, and the parse and the scoring alone.
 */
@Command(
        name = "bench-transcript",
        mixinStandardHelpOptions = true,
        description = "Time an episode with an hour's transcript fetched, parsed, scored, stored and indexed.")
public final class BenchTranscriptCommand implements Callable<Integer> {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** Said in the last minute of every transcript, and nowhere else. */
    private static final String LAST_WORDS = "The lab runs on a Raspberry Pi in the cupboard.";

    @Option(names = "--minutes", defaultValue = "60", description = "length of the talk (default: 60)")
    int minutes;

    @Option(names = "--rounds", defaultValue = "10", description = "timed rounds (default: 10, after 3 untimed)")
    int rounds;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        String vtt = transcript(minutes);
        Path dir = Files.createTempDirectory("sift-bench-transcript");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] transcript = vtt.getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body = path.endsWith(".vtt")
                    ? transcript
                    : feed(path, base(server)).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders()
                    .set("Content-Type", path.endsWith(".vtt") ? "text/vtt" : "application/rss+xml");
            exchange.sendResponseHeaders(200, body.length);
            try (var response = exchange.getResponseBody()) {
                response.write(body);
            }
        });
        server.start();
        Clock clock = Clock.systemUTC();
        Analyzer analyzer = new Analyzer();
        try (Database db = Database.open(DbSettings.embedded(dir));
                SearchIndex index = SearchIndex.open(dir.resolve("index"), db.postChanges(), clock)) {
            Refresher refresher = new Refresher(
                    db.feeds(),
                    db.posts(),
                    new FeedFetcher(
                            FetchSettings.defaults().withAllowPrivate(true).withHostGap(Duration.ZERO)),
                    new FeedParser(),
                    new HtmlCleaner(),
                    () -> analyzer,
                    new RefreshPolicy(Duration.ofMinutes(30), Duration.ofHours(24), new Random(1)),
                    clock,
                    new IngestMetrics(new PrometheusRegistry()),
                    Runnable::run);
            int[] episode = {0};
            Supplier<Round> round = () -> {
                int n = episode[0]++;
                String url = base(server) + "/show-" + n + ".xml";
                db.feeds().subscribe(new NewFeed(url, null, null), clock.instant());
                Feed feed = db.feeds().findByUrl(url).orElseThrow();
                long wall = System.nanoTime();
                long cpu = THREADS.getCurrentThreadCpuTime();
                RefreshReport report = refresher.refresh(feed);
                index.catchUp();
                SearchResult found =
                        index.search(new SearchRequest("raspberry cupboard", 100, 0, SearchRequest.Order.DATE));
                if (report.created() != 1
                        || found.hits().stream()
                                .noneMatch(h -> h.said() != null && h.title().endsWith(" " + n))) {
                    throw new IllegalStateException("round " + n + ": the episode was not stored and found: " + report);
                }
                return new Round((System.nanoTime() - wall) / 1e6, (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6);
            };
            for (int i = 0; i < 3; i++) {
                round.get();
            }
            List<Round> timed = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                timed.add(round.get());
            }
            // the last episode's cues as stored, as re-scoring reads them
            List<Hype.Cue> cues = Refresher.said(db.postQueries()
                    .find(db.postQueries().river(1, null).get(0).id())
                    .orElseThrow()
                    .facts()
                    .episode()
                    .transcript()
                    .cues());
            double[] parse = timed(rounds, () -> TranscriptParser.parse(transcript, "text/vtt"));
            Hype[] last = new Hype[1];
            double[] score = timed(rounds, () -> last[0] = analyzer.hype("Episode", "Show notes.", cues));
            SearchRequest lastEpisode = new SearchRequest("raspberry cupboard", 1, 0, SearchRequest.Order.DATE);
            double[] search = timed(rounds, () -> index.search(lastEpisode));
            long words =
                    cues.stream().mapToLong(c -> c.text().split("\\s+").length).sum();
            out.printf(
                    "a %d-minute transcript: %d cues, %d words, %d KB of WebVTT; %d claims found%n",
                    minutes,
                    cues.size(),
                    words,
                    transcript.length / 1024,
                    last[0].claims().size());
            out.printf(
                    "fetched, parsed, scored, stored, indexed and found: median %.0f ms (%.0f ms CPU of this thread), "
                            + "slowest %.0f ms, over %d rounds%n",
                    median(timed.stream().mapToDouble(Round::wallMillis).toArray()),
                    median(timed.stream().mapToDouble(Round::cpuMillis).toArray()),
                    timed.stream().mapToDouble(Round::wallMillis).max().orElse(0),
                    rounds);
            out.printf(
                    "of which: parse %.0f ms, scoring %.0f ms; a search whose hit is said in the last cue %.1f ms "
                            + "(medians)%n",
                    median(parse), median(score), median(search));
            out.printf(
                    "machine: %d cores available to the JVM, %s%n",
                    Runtime.getRuntime().availableProcessors(), LocalDate.now(clock));
            out.flush();
        } finally {
            server.stop(0);
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }

    private record Round(double wallMillis, double cpuMillis) {}

    private interface Work {
        void run() throws IOException;
    }

    private static double[] timed(int rounds, Work work) throws IOException {
        double[] millis = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long started = System.nanoTime();
            work.run();
            millis[i] = (System.nanoTime() - started) / 1e6;
        }
        return millis;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String base(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A show of one episode, numbered by the feed's path, whose transcript is the hour. */
    private static String feed(String path, String base) {
        String n = path.replaceAll("\\D", "");
        return """
                <rss version="2.0" xmlns:podcast="https://podcastindex.org/namespace/1.0"><channel>
                <title>Bench Hour</title><link>https://bench.example/</link>
                <item><title>Bench Hour episode %s</title><guid>bench-%s</guid>
                <pubDate>Fri, 04 Dec 2026 10:00:00 GMT</pubDate>
                <enclosure url="https://bench.example/%s.mp3" length="50000000" type="audio/mpeg"/>
                <podcast:transcript url="%s/t%s.vtt" type="text/vtt"/>
                <description>Two engineers talk about AI in network operations.</description></item>
                </channel></rss>""".formatted(n, n, n, base, n);
    }

    /**
     * A talk of {@code minutes}: the stance corpus's sentences, two a cue, speakers taking turns, at about 165 words
     * a minute (an hour is about 10,000 words), and {@link #LAST_WORDS} in the last minute.
     */
    static String transcript(int minutes) {
        List<StanceModel.Labelled> sentences = StanceCorpus.bundled(StanceCorpus.TRAIN);
        int words = minutes * 165;
        StringBuilder vtt = new StringBuilder("WEBVTT\n\n");
        List<String> cues = new ArrayList<>();
        int said = 0;
        for (int i = 0; said < words; i += 2) {
            String cue = sentences.get(i % sentences.size()).text() + " "
                    + sentences.get((i + 1) % sentences.size()).text();
            cues.add(cue);
            said += cue.split("\\s+").length;
        }
        cues.add(LAST_WORDS);
        long step = minutes * 60_000L / cues.size();
        for (int i = 0; i < cues.size(); i++) {
            vtt.append(clock(i * step))
                    .append(" --> ")
                    .append(clock((i + 1) * step))
                    .append("\n<v ")
                    .append(i % 2 == 0 ? "Ana" : "Raj")
                    .append('>')
                    .append(cues.get(i))
                    .append("\n\n");
        }
        return vtt.toString();
    }

    private static String clock(long millis) {
        return String.format(
                "%02d:%02d:%02d.%03d", millis / 3_600_000, millis / 60_000 % 60, millis / 1000 % 60, millis % 1000);
    }
}
