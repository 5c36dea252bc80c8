package sift.web.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sift.ingest.testing.FixtureServer;
import sift.store.Database;
import sift.store.classifier.ClassifierSettingStore;
import sift.store.classifier.ModelStore;
import sift.web.SiftProcess;

/**
 * What Sift keeps beside its posts is damaged while it is stopped: every file of the search index overwritten, and
 * the active stance model, hype lexicon and hype threshold in the database replaced by garbage. Sift starts, says
 * what it found in the log, rebuilds the index and falls back to what it was built with, and serves its posts.
 */
class CorruptionFaultIT {
    static final int FEEDS = 2;

    @TempDir
    Path dir;

    @Test
    void aCorruptIndexModelLexiconAndThresholdAreSaidRebuiltOrSetAside() throws Exception {
        FaultRig rig = FaultRig.h2(dir);
        try (FixtureServer origin = new FixtureServer()) {
            rig.subscribe(FaultRig.serveFeeds(origin, "/c", FEEDS, 0, f -> Duration.ZERO));
            long posts = FEEDS * CrashFaultIT.WINDOW;
            try (SiftProcess sift = rig.serve("first.log")) {
                assertThat(sift.awaitBody("/health", b -> b.contains("\"indexed\":" + posts), Duration.ofSeconds(60)))
                        .as("ingested and indexed; log:%n%s", sift.logText())
                        .isNotNull();
                assertThat(sift.terminate(Duration.ofSeconds(10))).isEqualTo(143);
            }

            try (Stream<Path> files = Files.walk(rig.data.resolve("index"))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.write(file, "not a Lucene file".getBytes(StandardCharsets.UTF_8));
                }
            }
            try (Database db = Database.open(rig.db)) {
                Instant now = Instant.now();
                db.models()
                        .add(
                                ModelStore.HYPE,
                                "not a model".getBytes(StandardCharsets.UTF_8),
                                1,
                                0,
                                "{}",
                                "admin",
                                true,
                                now);
                ClassifierSettingStore settings = db.classifierSettings();
                settings.activate(settings.save(ClassifierSettingStore.HYPE_LEXICON, "\u0000 garbage [", "admin", now)
                        .id());
                settings.activate(settings.save(ClassifierSettingStore.HYPE_THRESHOLD, "hot", "admin", now)
                        .id());
            }

            try (SiftProcess sift = rig.serve("damaged.log")) {
                assertThat(sift.awaitBody("/health", b -> b.contains("\"indexed\":" + posts), Duration.ofSeconds(60)))
                        .as("serves, with the index rebuilt; log:%n%s", sift.logText())
                        .isNotNull();
                String log = sift.logText();
                assertThat(log)
                        .contains("is unreadable", "rebuilding it from the database")
                        .contains("The active stance model (version 1) is refused")
                        .contains("The active hype lexicon (")
                        .contains("The active hype threshold 'hot' is refused");
                FaultRig.Admin admin = FaultRig.admin(sift);
                var river = admin.visitor().get("/api/posts");
                assertThat(river.statusCode()).isEqualTo(200);
                assertThat(FaultRig.JSON.readTree(river.body()).path("posts")).hasSize(50);
                assertThat(admin.visitor().get("/search?q=faultword0x3").body()).contains("Fault feed 0 item 3");
                List.of("/", "/admin/classifiers", "/admin/classifiers/models", "/admin/classifiers/lexicon")
                        .forEach(page -> {
                            try {
                                assertThat(admin.visitor().get(page).statusCode())
                                        .as("%s; log:%n%s", page, FaultRig.logOf(sift))
                                        .isEqualTo(200);
                            } catch (Exception e) {
                                throw new AssertionError(page, e);
                            }
                        });
                assertThat(sift.terminate(Duration.ofSeconds(10))).isEqualTo(143);
            }
        }
    }
}
