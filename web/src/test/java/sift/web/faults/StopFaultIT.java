package sift.web.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sift.web.SiftProcess;

/**
 * {@code serve} stops within 10 s of SIGTERM with a large backlog of background work (stories to link for a bulk
 * load of {@value #POSTS} posts, the archive being re-scored, a model retrained, the search index rebuilt at
 * start), and the next start takes the work up where it stopped.
 */
class StopFaultIT {
    static final int POSTS = 20_000;

    @TempDir
    Path dir;

    @Test
    void stopsWithinTenSecondsWhateverRunsAndTheNextStartGoesOn() throws Exception {
        FaultRig rig = FaultRig.h2(dir);
        rig.env.put("SIFT_MIN_FREE_MB", "0");
        assertThat(rig.run("bench-data.log", "bench-data", "--posts", String.valueOf(POSTS), "--feeds", "50"))
                .isZero();

        try (SiftProcess sift = rig.serve("busy.log")) {
            FaultRig.awaitIndexCaughtUp(sift, Duration.ofSeconds(60));
            FaultRig.Admin admin = FaultRig.admin(sift);
            assertThat(admin.post("/admin/classifiers/rescore")).isEqualTo(303);
            assertThat(admin.post("/admin/classifiers/models/retrain")).isEqualTo(303);
            Thread.sleep(2_000);
            assertThat(sift.logText())
                    .as("stories still being linked, the archive still being re-scored")
                    .doesNotContain("linked " + POSTS + " posts", "Re-scored the archive");
            stopsWithinTenSeconds(sift);
            assertThat(sift.logText()).contains("stopped linking stories after", "Sift stopped");
        }

        try (SiftProcess again = rig.serve("again.log")) {
            FaultRig.awaitIndexCaughtUp(again, Duration.ofSeconds(60));
            assertThat(again.awaitBody("/health", b -> true, Duration.ofSeconds(5)))
                    .isNotNull();
            Thread.sleep(2_000);
            assertThat(again.logText())
                    .as("the re-scoring goes on where it stopped")
                    .containsPattern("Re-scoring the archive resumes after post [1-9]");
            stopsWithinTenSeconds(again);
        }

        // the index is lost: the next start rebuilds it before it serves, and stops within 10 s even so
        try (Stream<Path> files = Files.walk(rig.data.resolve("index"))) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        try (SiftProcess rebuilding = rig.serve("rebuild.log")) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!rebuilding.logText().contains("Search index") && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            stopsWithinTenSeconds(rebuilding);
        }
        try (SiftProcess last = rig.serve("last.log")) {
            FaultRig.awaitIndexCaughtUp(last, Duration.ofSeconds(120));
            assertThat(FaultRig.posts(FaultRig.health(last))).isEqualTo(POSTS);
            stopsWithinTenSeconds(last);
        }
    }

    private static void stopsWithinTenSeconds(SiftProcess sift) throws Exception {
        long start = System.nanoTime();
        int status = sift.terminate(Duration.ofSeconds(10));
        System.out.printf(
                "StopFaultIT: stopped in %d ms (status %d)%n", (System.nanoTime() - start) / 1_000_000, status);
        assertThat(status).as("log:%n%s", sift.logText()).isIn(0, 143);
    }
}
