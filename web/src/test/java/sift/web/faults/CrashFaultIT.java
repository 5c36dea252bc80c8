package sift.web.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sift.ingest.testing.FixtureServer;
import sift.store.Database;
import sift.web.SiftProcess;

/**
 * {@code kill -9} at random moments while Sift ingests, retrains, re-scores, backs up and imports OPML, all at once,
 * until each of them has been cut short {@value #KILLS} times; each restart checks what the kill left: every post an
 * app had synced before the kill is still there, the search index matches the database, re-scoring resumes, and no
 * half-written backup lies about. A last run without a kill completes every job, and its results are checked in
 * the database.
 */
class CrashFaultIT {
    static final int KILLS = Integer.getInteger("sift.faults.kills", 20);
    static final int MAX_CYCLES = KILLS * 2;
    static final int FEEDS = 8;
    static final int WINDOW = 40;
    static final int CHURN = 5;
    static final int OPML_FEEDS = 3_000;
    static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    enum Job {
        INGEST,
        RESCORE,
        RETRAIN,
        OPML_IMPORT,
        BACKUP
    }

    @TempDir
    Path dir;

    @Test
    void killedAtRandomOnH2ItLosesNothingAndEveryJobResumesOrIsAbandoned() throws Exception {
        cycles(FaultRig.h2(dir));
    }

    @Test
    void killedAtRandomOnPostgresqlItLosesNothingAndEveryJobResumesOrIsAbandoned() throws Exception {
        cycles(FaultRig.postgresql(dir));
    }

    private void cycles(FaultRig rig) throws Exception {
        long seed = Long.getLong("sift.faults.seed", System.nanoTime());
        Random random = new Random(seed);
        System.out.printf(
                "CrashFaultIT on %s: seed %d (-Dsift.faults.seed=%d repeats it)%n", rig.db.describe(), seed, seed);
        boolean backups = rig.db.embedded(); // PostgreSQL is backed up with pg_dump
        try (FixtureServer origin = new FixtureServer()) {
            Map<Integer, Long> feedIds = prepare(rig, origin);
            String opml =
                    opml(IntStream.range(0, OPML_FEEDS).mapToObj(i -> "http://127.0.0.1:9/imported-" + i + ".xml"));
            Map<Job, Integer> cut = new EnumMap<>(Job.class);
            FaultRig.Reader reader = null;
            FaultRig.Admin admin = null;
            String lastLog = "";
            Set<Long> syncedBeforeKill = Set.of();
            boolean rescoreCut = false;
            int cycle = 0;
            for (; cycle < MAX_CYCLES && !allCut(cut, backups); cycle++) {
                serveCycle(origin, cycle);
                String log = String.format("cycle-%02d.log", cycle);
                long started = System.nanoTime();
                try (SiftProcess sift = rig.serve(log)) {
                    JsonNode health = awaitHealthy(sift);
                    long healthy = System.nanoTime();
                    if (reader != null) {
                        reader = reader.at(sift);
                        assertThat(reader.postIds())
                                .as(
                                        "cycle %d: every post synced before the kill is there after it (seed %d)",
                                        cycle, seed)
                                .containsAll(syncedBeforeKill);
                        FaultRig.awaitIndexCaughtUp(sift, Duration.ofSeconds(60));
                        if (rescoreCut) {
                            assertThat(sift.logText())
                                    .as("cycle %d: the cut re-scoring resumes; the cycle before:%n%s", cycle, lastLog)
                                    .contains("Re-scoring the archive resumes after post");
                        }
                    }
                    admin = admin == null ? FaultRig.admin(sift) : admin.at(sift);
                    assertThat(leftoverBackupFiles(rig))
                            .as("cycle %d: no half-written backup", cycle)
                            .isEmpty();
                    if (reader == null) {
                        reader = admin.reader(sift);
                    }
                    for (long id : feedIds.values()) {
                        assertThat(admin.post("/admin/feeds/" + id + "/refresh"))
                                .isEqualTo(303);
                    }
                    assertThat(admin.post("/admin/classifiers/rescore")).isEqualTo(303);
                    assertThat(admin.importOpml("imported.opml", opml)).isEqualTo(303);
                    Path backup = rig.dir.resolve("backup-" + cycle + ".zip");
                    SiftProcess backingUp = backups
                            ? SiftProcess.start(
                                    rig.dir.resolve(log),
                                    rig.env,
                                    "backup",
                                    backup.toString(),
                                    "--data",
                                    rig.data.toString())
                            : null;

                    // retraining takes the shortest: asked last, it is still going at the kill
                    assertThat(admin.post("/admin/classifiers/models/retrain")).isEqualTo(303);
                    long triggered = System.nanoTime();
                    Thread.sleep(200 + random.nextInt(1_300));
                    // what was under way at the kill, as the admin pages and a reading app see it
                    syncedBeforeKill = reader.postIds();
                    health = FaultRig.health(sift);
                    boolean ingesting =
                            health != null && health.at("/ingest/inFlight").asInt() > 0;
                    String classifiers =
                            admin.visitor().get("/admin/classifiers").body();
                    boolean rescoring = classifiers.contains("Re-scoring: ");
                    java.util.regex.Matcher progress =
                            Pattern.compile("Re-scoring: [^<]*").matcher(classifiers);
                    String rescoreSeen = progress.find() ? progress.group() : "none";
                    boolean retraining = admin.visitor()
                            .get("/admin/classifiers/models")
                            .body()
                            .contains("Retraining (");
                    assertThat(sift.kill(Duration.ofSeconds(10))).isEqualTo(137);
                    boolean backupCut = false;
                    if (backingUp != null) {
                        backupCut = backingUp.process.isAlive();
                        backingUp.kill(Duration.ofSeconds(10)); // the power cut takes the backup command too
                        assertThat(backupCut ? !Files.exists(backup) : Files.isRegularFile(backup))
                                .as("cycle %d: a backup file exists only once it is whole", cycle)
                                .isTrue();
                    }

                    String text = sift.logText();
                    lastLog = text + "\n(the page said " + rescoreSeen + "; the database after the kill: "
                            + settingsAfterKill(rig) + ")";
                    rescoreCut = rescoring && !text.contains("Re-scored the archive");
                    count(cut, Job.INGEST, ingesting);
                    count(cut, Job.RESCORE, rescoreCut);
                    count(
                            cut,
                            Job.RETRAIN,
                            retraining
                                    && !text.contains("Retrained the stance model")
                                    && !text.contains("Retraining the stance model failed"));
                    count(cut, Job.OPML_IMPORT, !text.contains("OPML import of imported.opml"));
                    count(cut, Job.BACKUP, backupCut);
                    System.out.printf(
                            "CrashFaultIT cycle %d: healthy after %d ms, jobs started after %d ms more, killed %d ms later; cut so far %s%n",
                            cycle,
                            (healthy - started) / 1_000_000,
                            (triggered - healthy) / 1_000_000,
                            (System.nanoTime() - triggered) / 1_000_000,
                            cut);
                }
            }
            assertThat(allCut(cut, backups))
                    .as("each job cut short %d times in %d cycles: %s (seed %d)", KILLS, cycle, cut, seed)
                    .isTrue();
            finalRun(rig, origin, feedIds, opml, reader, syncedBeforeKill, cycle, backups);
        }
    }

    /** The feeds Sift follows (subscribed before the first start) and an archive of posts to re-score and back up. */
    private Map<Integer, Long> prepare(FaultRig rig, FixtureServer origin) throws Exception {
        List<Long> subscribed = rig.subscribe(serveCycle(origin, 0));
        assertThat(rig.run("prepare.log", "bench-data", "--posts", "4000", "--feeds", "20"))
                .isZero();
        Map<Integer, Long> ids = new HashMap<>();
        for (int f = 0; f < FEEDS; f++) {
            ids.put(f, subscribed.get(f));
        }
        return ids;
    }

    /**
     * Every feed as it reads in a cycle: a window of {@value #WINDOW} items that moves on by {@value #CHURN} each
     * cycle, served slowly enough that a refresh is under way when the kill comes.
     */
    private static List<String> serveCycle(FixtureServer origin, int cycle) {
        return FaultRig.serveFeeds(origin, "/f", FEEDS, cycle, f -> Duration.ofMillis(2_000 + 250L * f));
    }

    static String feed(int f, int cycle) {
        StringBuilder rss = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Fault feed ")
                .append(f)
                .append("</title><link>https://faults.example/")
                .append(f)
                .append("/</link>");
        Instant epoch = Instant.parse("2026-11-01T00:00:00Z");
        for (int k : items(cycle)) {
            rss.append("<item><guid isPermaLink=\"false\">fault-")
                    .append(f)
                    .append('-')
                    .append(k)
                    .append("</guid><title>Fault feed ")
                    .append(f)
                    .append(" item ")
                    .append(k)
                    .append(" faultword")
                    .append(f)
                    .append('x')
                    .append(k)
                    .append("</title><link>https://faults.example/")
                    .append(f)
                    .append('/')
                    .append(k)
                    .append("</link><pubDate>")
                    .append(RFC_1123.format(epoch.plus(Duration.ofMinutes(10L * k + f))))
                    .append("</pubDate><description>Item ")
                    .append(k)
                    .append(" of feed ")
                    .append(f)
                    .append(": BGP route reflectors, EVPN and the cost of a flap.</description></item>");
        }
        return rss.append("</channel></rss>").toString();
    }

    static List<Integer> items(int cycle) {
        return IntStream.range(cycle * CHURN, cycle * CHURN + WINDOW).boxed().toList();
    }

    static String opml(Stream<String> urls) {
        return "<?xml version=\"1.0\"?><opml version=\"2.0\"><head><title>faults</title></head><body>"
                + urls.map(u -> "<outline type=\"rss\" text=\"" + u + "\" xmlUrl=\"" + u + "\"/>")
                        .collect(Collectors.joining())
                + "</body></opml>";
    }

    private static JsonNode awaitHealthy(SiftProcess sift) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode health = FaultRig.health(sift);
            if (health != null && FaultRig.posts(health) >= 0) { // 200: "ok", or "degraded" while most feeds fail
                return health;
            }
            if (!sift.process.isAlive()) {
                break;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Sift did not come up healthy after the kill; its threads:\n" + FaultRig.threads(sift)
                + "\nlog:\n" + sift.logText());
    }

    private static void count(Map<Job, Integer> cut, Job job, boolean wasCut) {
        if (wasCut) {
            cut.merge(job, 1, Integer::sum);
        }
    }

    private static boolean allCut(Map<Job, Integer> cut, boolean backups) {
        return Stream.of(Job.values())
                .filter(j -> backups || j != Job.BACKUP)
                .allMatch(j -> cut.getOrDefault(j, 0) >= KILLS);
    }

    private static String settingsAfterKill(FaultRig rig) {
        if (!rig.db.embedded()) {
            return "(PostgreSQL)";
        }
        try (var c = java.sql.DriverManager.getConnection(rig.db.url() + ";ACCESS_MODE_DATA=r", "sa", "");
                var rs = c.createStatement()
                        .executeQuery(
                                "SELECT setting_name, setting_value FROM settings WHERE setting_name LIKE 'rescore.%'")) {
            StringBuilder out = new StringBuilder();
            while (rs.next()) {
                out.append(rs.getString(1)).append('=').append(rs.getString(2)).append(' ');
            }
            return out.toString();
        } catch (java.sql.SQLException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    private static List<Path> leftoverBackupFiles(FaultRig rig) throws Exception {
        try (Stream<Path> files = Files.list(rig.data)) {
            return files.filter(p -> p.getFileName().toString().matches("backup-.*\\.tmp"))
                    .toList();
        }
    }

    /** A run without a kill: every job completes, and what it left is checked in the database. */
    private void finalRun(
            FaultRig rig,
            FixtureServer origin,
            Map<Integer, Long> feedIds,
            String opml,
            FaultRig.Reader reader,
            Set<Long> syncedBeforeKill,
            int cycle,
            boolean backups)
            throws Exception {
        serveCycle(origin, cycle);
        Path backup = rig.dir.resolve("backup-final.zip");
        try (SiftProcess sift = rig.serve("final.log")) {
            awaitHealthy(sift);
            assertThat(reader.at(sift).postIds()).containsAll(syncedBeforeKill);
            FaultRig.Admin admin = FaultRig.admin(sift);
            for (long id : feedIds.values()) {
                admin.post("/admin/feeds/" + id + "/refresh");
            }
            admin.post("/admin/classifiers/rescore");
            admin.post("/admin/classifiers/models/retrain");
            admin.importOpml("imported.opml", opml);
            Pattern fetched = Pattern.compile("Feed " + Pattern.quote(origin.url("/f")) + "\\d+\\.xml: \\d+ entries");
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            String text;
            do {
                Thread.sleep(250);
                text = sift.logText();
            } while (System.nanoTime() < deadline
                    && !(text.contains("Re-scored the archive")
                            && text.contains("Retrained the stance model")
                            && text.contains("OPML import of imported.opml")
                            && fetched.matcher(text).results().count() >= FEEDS));
            assertThat(text)
                    .as("the last run completes every job")
                    .contains("Re-scored the archive", "Retrained the stance model", "OPML import of imported.opml");
            assertThat(fetched.matcher(text).results().count())
                    .as("every fixture feed refreshed")
                    .isGreaterThanOrEqualTo(FEEDS);
            long posts = FaultRig.posts(FaultRig.awaitIndexCaughtUp(sift, Duration.ofSeconds(60)));
            if (backups) {
                assertThat(SiftProcess.run(
                                rig.dir.resolve("final.log"),
                                rig.env,
                                "backup",
                                backup.toString(),
                                "--data",
                                rig.data.toString()))
                        .isZero();
                Path restored = rig.dir.resolve("restored");
                assertThat(SiftProcess.run(
                                rig.dir.resolve("restore.log"),
                                Map.of(),
                                "restore",
                                backup.toString(),
                                "--data",
                                restored.toString()))
                        .isZero();
                assertThat(Files.readString(rig.dir.resolve("restore.log")))
                        .as("the last backup restores whole")
                        .contains(posts + " posts, " + (FEEDS + 20 + OPML_FEEDS) + " feeds");
            }
            assertThat(sift.terminate(Duration.ofSeconds(10)))
                    .as("stops within 10 s of SIGTERM")
                    .isEqualTo(143);
        }
        try (Database db = Database.open(rig.db)) {
            for (var e : feedIds.entrySet()) {
                List<String> stored = db.posts().guids(e.getValue());
                Set<String> guids = Set.copyOf(stored);
                assertThat(stored).as("feed %d: no post twice", e.getKey()).hasSameSizeAs(guids);
                Set<String> window = items(cycle).stream()
                        .map(k -> "fault-" + e.getKey() + "-" + k)
                        .collect(Collectors.toSet());
                assertThat(guids)
                        .as("feed %d: its last window, each once", e.getKey())
                        .containsAll(window);
            }
            long imported = db.feeds().all().stream()
                    .filter(f -> f.url().startsWith("http://127.0.0.1:9/imported-"))
                    .count();
            assertThat(imported).as("the OPML's feeds, each once").isEqualTo(OPML_FEEDS);
        }
    }
}
