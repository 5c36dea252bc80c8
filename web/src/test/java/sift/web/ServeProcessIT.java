package sift.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sift.ingest.testing.FixtureServer;
import sift.store.Database;
import sift.store.DbSettings;
import sift.store.feed.NewFeed;

/** The runnable jar as a process: the demo starts healthy, and SIGTERM during a refresh loses nothing. */
class ServeProcessIT {
    private static final int FEEDS = 8;
    private static final int ITEMS = 100;

    @TempDir
    Path dir;

    @Test
    void theDemoIsHealthyWithin20SecondsAndListsItsPosts() throws Exception {
        try (SiftProcess sift =
                SiftProcess.serve(dir.resolve("demo.log"), Map.of(), "--demo", "--data", dir.toString())) {
            Duration healthy =
                    sift.awaitBody("/health", body -> body.contains("\"status\":\"ok\""), Duration.ofSeconds(20));
            assertThat(healthy)
                    .as("healthy within 20 s; log:%n%s", sift.logText())
                    .isNotNull();
            Duration listed = sift.awaitBody(
                    "/",
                    body -> Jsoup.parse(body).select("article").size() >= 10,
                    Duration.ofSeconds(20).minus(healthy));
            assertThat(listed)
                    .as("10+ posts within 20 s; log:%n%s", sift.logText())
                    .isNotNull();
            assertThat(sift.terminate(Duration.ofSeconds(30))).isEqualTo(143);
        }
    }

    @Test
    void backsUpWhileServingAndRestoresOnlyOnceStopped() throws Exception {
        Path data = dir.resolve("data");
        Path log = dir.resolve("backup.log");
        Path zip = dir.resolve("sift-backup.zip");
        try (SiftProcess sift = SiftProcess.serve(log, Map.of(), "--demo", "--data", data.toString())) {
            assertThat(sift.awaitBody("/health", body -> body.contains("\"posts\":65"), Duration.ofSeconds(30)))
                    .as("demo posts stored; log:%n%s", sift.logText())
                    .isNotNull();
            assertThat(SiftProcess.run(log, Map.of(), "backup", zip.toString(), "--data", data.toString()))
                    .as("backup while serving; log:%n%s", sift.logText())
                    .isZero();
            assertThat(sift.logText()).contains("Backed up", "(from the running Sift)");
            assertThat(SiftProcess.run(log, Map.of(), "backup", zip.toString(), "--data", data.toString()))
                    .as("an existing file is never overwritten")
                    .isEqualTo(2);
            assertThat(SiftProcess.run(log, Map.of(), "restore", zip.toString(), "--data", data.toString()))
                    .isEqualTo(1);
            assertThat(sift.logText()).contains("stop Sift before restoring");
            assertThat(sift.terminate(Duration.ofSeconds(30))).isEqualTo(143);
        }
        try (Database db = Database.open(DbSettings.embedded(data))) {
            db.feeds().subscribe(new NewFeed("https://after.example/feed", "After the backup", null), Instant.now());
        }

        assertThat(SiftProcess.run(log, Map.of(), "restore", zip.toString(), "--data", data.toString()))
                .isZero();
        assertThat(Files.readString(log)).contains("65 posts, 6 feeds", "is kept as");
        try (SiftProcess again = SiftProcess.serve(log, Map.of(), "--no-ingest", "--data", data.toString())) {
            assertThat(again.awaitBody(
                            "/health",
                            body -> body.contains("\"posts\":65") && body.contains("\"indexed\":65"),
                            Duration.ofSeconds(30)))
                    .as("restored and reindexed; log:%n%s", again.logText())
                    .isNotNull();
            assertThat(again.terminate(Duration.ofSeconds(30))).isEqualTo(143);
        }
    }

    @Test
    void aWorkerRefreshesFeedsWithoutServingAndStopsCleanlyOnSigterm() throws Exception {
        try (FixtureServer origin = new FixtureServer()) {
            Path data = dir.resolve("worker-data");
            Path log = dir.resolve("worker.log");
            try (Database db = Database.open(DbSettings.embedded(data))) {
                for (int f = 0; f < 3; f++) {
                    origin.route(
                            "/w" + f + ".xml",
                            FixtureServer.Route.ok(
                                    "application/rss+xml", bigFeed(f).getBytes()));
                    db.feeds().subscribe(new NewFeed(origin.url("/w" + f + ".xml"), null, null), Instant.now());
                }
            }
            try (SiftProcess worker =
                    SiftProcess.start(log, Map.of("SIFT_ALLOW_PRIVATE", "true"), "worker", "--data", data.toString())) {
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (Pattern.compile("Feed http\\S+/w\\d\\.xml: \\d+ entries")
                                        .matcher(worker.logText())
                                        .results()
                                        .count()
                                < 3
                        && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertThat(worker.terminate(Duration.ofSeconds(30)))
                        .as("log:%n%s", worker.logText())
                        .isIn(0, 143);
                assertThat(worker.logText())
                        .contains("Ingest started")
                        .contains("Ingest stopped")
                        .doesNotContain("Javalin");
            }
            try (Database db = Database.open(DbSettings.embedded(data))) {
                assertThat(db.feeds().all())
                        .allSatisfy(f -> assertThat(f.lastFetchedAt()).isNotNull());
                assertThat(db.postChanges().count()).isPositive();
            }
        }
    }

    @Test
    void sigtermDuringARefreshLosesNoStoredPostAndDuplicatesNone() throws Exception {
        stopDuringARefreshThenRestart(false);
    }

    @Test
    void killDashNineDuringARefreshLosesNoStoredPostAndTheIndexCatchesUp() throws Exception {
        stopDuringARefreshThenRestart(true);
    }

    /**
     * Stops Sift while it refreshes big feeds (SIGTERM, or SIGKILL with {@code kill}), restarts it on the same
     * data, and checks that every post stored before the stop is there once, that the next refresh completes,
     * and that the search index matches the database.
     */
    private void stopDuringARefreshThenRestart(boolean kill) throws Exception {
        try (FixtureServer origin = new FixtureServer()) {
            StringBuilder opml = new StringBuilder("<opml version=\"2.0\"><body>");
            for (int f = 0; f < FEEDS; f++) {
                origin.route(
                        "/feed" + f + ".xml",
                        FixtureServer.Route.ok("application/rss+xml", bigFeed(f).getBytes())
                                .delayed(Duration.ofMillis(700L * f)));
                opml.append("<outline type=\"rss\" text=\"Feed ")
                        .append(f)
                        .append("\" xmlUrl=\"")
                        .append(origin.url("/feed" + f + ".xml"))
                        .append("\"/>");
            }
            Path opmlFile = dir.resolve("feeds.opml");
            Files.writeString(opmlFile, opml.append("</body></opml>").toString());
            Path data = dir.resolve("data");
            Path log = dir.resolve("sift.log");
            Map<String, String> env = Map.of(
                    "SIFT_INGEST_WORKERS",
                    "2",
                    "SIFT_ALLOW_PRIVATE",
                    "true",
                    "SIFT_PUBLIC_READER",
                    "true"); // the search API answers without a login
            assertThat(SiftProcess.run(log, env, "import-opml", opmlFile.toString(), "--data", data.toString()))
                    .isZero();

            try (SiftProcess sift = SiftProcess.serve(log, env, "--data", data.toString())) {
                // a feed's posts are one transaction: wait until one feed is recorded (its log line follows the commit)
                Duration midway = sift.awaitBody(
                        "/health", health -> refreshInProgress(health) && aFeedRecorded(sift), Duration.ofSeconds(30));
                assertThat(midway)
                        .as("a refresh in progress; log:%n%s", sift.logText())
                        .isNotNull();
                if (kill) {
                    assertThat(sift.kill(Duration.ofSeconds(10))).isEqualTo(137);
                } else {
                    assertThat(sift.terminate(Duration.ofSeconds(40))).isEqualTo(143);
                    assertThat(sift.logText()).contains("Sift is stopping", "Ingest stopped", "Sift stopped");
                }
            }
            Set<String> beforeRestart = storedPosts(data);
            assertThat(beforeRestart).as("stopped midway").isNotEmpty().hasSizeLessThan(FEEDS * ITEMS);

            try (SiftProcess again = SiftProcess.serve(log, env, "--data", data.toString())) {
                String all = String.valueOf(FEEDS * ITEMS);
                Duration complete = again.awaitBody(
                        "/health",
                        body -> body.matches(".*\"posts\":" + all + "\\b.*")
                                && body.contains("\"inFlight\":0")
                                && body.contains("\"indexed\":" + all),
                        Duration.ofSeconds(60));
                assertThat(complete)
                        .as("every post, stored and indexed, after the restart; log:%n%s", again.logText())
                        .isNotNull();
                assertThat(again.get("/api/search?q=" + "%22feed+3%22&limit=1")).contains("\"total\":" + ITEMS);
                assertThat(again.terminate(Duration.ofSeconds(40))).isEqualTo(143);
            }
            Set<String> after = storedPosts(data);
            assertThat(after).hasSize(FEEDS * ITEMS).containsAll(beforeRestart);
            try (Database db = Database.open(DbSettings.embedded(data))) {
                assertThat(db.postChanges().count()).as("no duplicate rows").isEqualTo(FEEDS * ITEMS);
            }
        }
    }

    /** Some posts stored, not all, and a refresh running. */
    private static boolean refreshInProgress(String health) {
        Matcher posts = Pattern.compile("\"posts\":(\\d+)").matcher(health);
        return posts.find()
                && Integer.parseInt(posts.group(1)) > 0
                && Integer.parseInt(posts.group(1)) < FEEDS * ITEMS / 2
                && !health.contains("\"inFlight\":0");
    }

    private static boolean aFeedRecorded(SiftProcess sift) {
        try {
            return Pattern.compile("Feed http\\S+: \\d+ entries, \\d+ new")
                    .matcher(sift.logText())
                    .find();
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** Every stored post as feed id and GUID, read straight from the database file. */
    private static Set<String> storedPosts(Path data) {
        Set<String> posts = new HashSet<>();
        try (Database db = Database.open(DbSettings.embedded(data))) {
            for (var feed : db.feeds().all()) {
                List<String> guids = db.posts().guids(feed.id());
                guids.forEach(g -> posts.add(feed.id() + " " + g));
            }
        }
        return posts;
    }

    private static String bigFeed(int f) {
        StringBuilder rss = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Feed ")
                .append(f)
                .append("</title><link>https://feed")
                .append(f)
                .append(".example/</link>");
        String paragraph = "<p>BGP sessions, EVPN routes and OSPF areas, described at some length. </p>".repeat(30);
        for (int i = 0; i < ITEMS; i++) {
            rss.append("<item><title>Post ")
                    .append(i)
                    .append(" of feed ")
                    .append(f)
                    .append("</title>")
                    .append("<guid isPermaLink=\"false\">feed")
                    .append(f)
                    .append("-post")
                    .append(i)
                    .append("</guid>")
                    .append("<pubDate>Mon, 03 Nov 2025 10:")
                    .append(String.format("%02d", i % 60))
                    .append(":00 GMT</pubDate>")
                    .append("<description><![CDATA[")
                    .append(paragraph)
                    .append("]]></description></item>");
        }
        return rss.append("</channel></rss>").toString();
    }
}
