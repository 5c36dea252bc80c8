package sift.web.cli.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sift.store.Database;
import sift.store.DbSettings;
import sift.store.feed.NewFeed;
import sift.store.post.PostDraft;
import sift.store.search.SearchIndex;
import sift.store.user.DigestSettings;
import sift.web.digest.Digest;
import sift.web.digest.DigestService;

/**
 * {@code sift bench-digest [--posts 2000]}: fills a fresh data folder with a day of synthetic posts (the 24 hours
 * the newest digest covers), links their stories, then builds that day's digest again and again and prints the
 * median and slowest build times.
 */
@Command(
        name = "bench-digest",
        mixinStandardHelpOptions = true,
        description = "Time building the daily digest of a day of N synthetic posts.")
public final class BenchDigestCommand implements Callable<Integer> {
    @Option(names = "--posts", defaultValue = "2000", description = "posts in the day (default: 2000)")
    int posts;

    @Option(names = "--rounds", defaultValue = "30", description = "timed builds (default: 30, after 10 untimed)")
    int rounds;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("sift-bench-digest");
        Clock clock = Clock.systemUTC();
        try (Database db = Database.open(DbSettings.embedded(dir));
                SearchIndex index = SearchIndex.open(dir.resolve("index"), db.postChanges(), clock)) {
            DigestService digests = new DigestService(db.digests(), db.users(), db.savedSearches(), index, clock);
            LocalDate day = digests.latestDay(DigestSettings.DEFAULT);
            Instant end = day.atTime(DigestSettings.DEFAULT.hour(), 0).toInstant(ZoneOffset.UTC);
            for (int f = 0; f < 50; f++) {
                db.feeds()
                        .subscribe(
                                new NewFeed(
                                        "https://digest-bench-" + f + ".example/feed.xml", "Bench blog " + f, "Bench"),
                                end);
            }
            List<Long> feeds = db.feeds().all().stream().map(f -> f.id()).toList();
            SyntheticPosts generator = new SyntheticPosts(1, end, 0, Duration.ofDays(1));
            List<PostDraft> batch = new ArrayList<>();
            for (int i = 0; i < posts; i++) {
                batch.add(generator.next(feeds));
            }
            db.posts().insertBatch(batch, end);
            index.catchUp();
            long linking = System.nanoTime();
            int linked = index.linkStories();
            out.printf(
                    "%d posts of %s stored; %d linked to their stories in %.1f s%n",
                    db.postChanges().count(), day, linked, (System.nanoTime() - linking) / 1e9);
            Digest digest = null;
            for (int i = 0; i < 10; i++) {
                digest = digests.build(null, DigestSettings.DEFAULT, day);
            }
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                long started = System.nanoTime();
                digest = digests.build(null, DigestSettings.DEFAULT, day);
                millis.add((System.nanoTime() - started) / 1e6);
            }
            millis.sort(Double::compare);
            out.printf(
                    "digest of %d posts (%d top stories, %d topic sections, %d episodes, %d releases, %d hype claims, "
                            + "%d skeptical reads): median %.1f ms, slowest %.1f ms over %d builds%n",
                    digest.considered(),
                    digest.top().size(),
                    digest.topics().size(),
                    digest.episodes().size(),
                    digest.releases().size(),
                    digest.hypeWatch().size(),
                    digest.skeptical().size(),
                    millis.get(millis.size() / 2),
                    millis.get(millis.size() - 1),
                    rounds);
            out.printf("machine: %d cores, %s%n", Runtime.getRuntime().availableProcessors(), LocalDate.now(clock));
            out.flush();
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }
}
