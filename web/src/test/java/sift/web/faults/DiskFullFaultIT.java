package sift.web.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sift.ingest.testing.FixtureServer;
import sift.store.Database;
import sift.web.SiftProcess;

/**
 * The disk of the data folder fills up under a running Sift (a 64 MB tmpfs the test mounts, then fills with a file
 * of its own): ingest stops with a log line that names the folder, readers go on reading and starring, nothing
 * stored is damaged, and ingest resumes by itself once the file is gone. Where the machine refuses the mount
 * (not root, or a container without the right), the test says so and is skipped.
 */
class DiskFullFaultIT {
    static final int FEEDS = 4;
    static final long MIN_FREE_MB = 16;

    @TempDir
    Path dir;

    @Test
    void aFullDiskPausesIngestReadersReadOnAndIngestResumesWhenThereIsRoom() throws Exception {
        Path disk = Files.createDirectories(dir.resolve("disk"));
        mount(disk);
        try (FixtureServer origin = new FixtureServer()) {
            FaultRig rig = FaultRig.on(disk, sift.store.DbSettings.embedded(disk.resolve("data")));
            rig.env.put("SIFT_MIN_FREE_MB", String.valueOf(MIN_FREE_MB));
            rig.env.put("SIFT_PUBLIC_READER", "true");
            List<Long> feedIds = rig.subscribe(serve(origin, 0));

            long first = FEEDS * CrashFaultIT.WINDOW;
            long all = FEEDS * (CrashFaultIT.WINDOW + CrashFaultIT.CHURN);
            Path filler = disk.resolve("filler");
            try (SiftProcess sift = rig.serve("disk.log")) {
                assertThat(sift.awaitBody("/health", b -> b.contains("\"posts\":" + first), Duration.ofSeconds(60)))
                        .as("the first refresh; log:%n%s", sift.logText())
                        .isNotNull();
                FaultRig.Admin admin = FaultRig.admin(sift);

                fill(disk, filler, (MIN_FREE_MB / 2) << 20);
                serve(origin, 1);
                for (long id : feedIds) {
                    assertThat(admin.post("/admin/feeds/" + id + "/refresh")).isEqualTo(303);
                }
                assertThat(sift.awaitBody("/health", b -> b.contains("\"state\":\"paused\""), Duration.ofSeconds(20)))
                        .as("ingest pauses; log:%n%s", sift.logText())
                        .isNotNull();
                assertThat(sift.logText())
                        .containsPattern("Ingest paused: \\d+ MB free in " + rig.data.toAbsolutePath());
                Thread.sleep(6_000); // a tick or more: nothing is fetched
                assertThat(FaultRig.posts(FaultRig.health(sift))).isEqualTo(first);

                var river = admin.visitor().get("/");
                assertThat(river.statusCode())
                        .as("the river while the disk is full")
                        .isEqualTo(200);
                assertThat(Jsoup.parse(river.body()).select("article")).isNotEmpty();
                assertThat(admin.visitor().get("/search?q=route").statusCode()).isEqualTo(200);
                String firstPost = Jsoup.parse(river.body())
                        .select("article a[href^='/posts/']")
                        .attr("href");
                assertThat(admin.visitor()
                                .post(firstPost + "/state", java.util.Map.of("_csrf", admin.csrf(), "starred", "true"))
                                .statusCode())
                        .as("a reader stars a post")
                        .isEqualTo(303);

                Files.delete(filler);
                assertThat(sift.awaitBody("/health", b -> b.contains("\"posts\":" + all), Duration.ofSeconds(60)))
                        .as("ingest resumes by itself; log:%n%s", sift.logText())
                        .isNotNull();
                assertThat(sift.logText()).contains("Ingest resumed: room again in " + rig.data.toAbsolutePath());
                FaultRig.awaitIndexCaughtUp(sift, Duration.ofSeconds(30));
                assertThat(sift.terminate(Duration.ofSeconds(10))).isEqualTo(143);
            }
            try (Database db = Database.open(rig.db)) {
                assertThat(db.postChanges().count()).isEqualTo(all);
                for (long id : feedIds) {
                    List<String> guids = db.posts().guids(id);
                    assertThat(Set.copyOf(guids)).hasSameSizeAs(guids);
                }
            }
        } finally {
            run("umount", "-l", disk.toString());
        }
    }

    /**
     * Something else fills the disk to the last byte, under Sift's own threshold: a reader's writes (a star) fail
     * with a clear answer, reading goes on, and once there is room again everything works without a restart, with
     * every stored post there once.
     */
    @Test
    void aDiskFullToTheLastByteLosesNothingAndRecoversWithoutARestart() throws Exception {
        Path disk = Files.createDirectories(dir.resolve("disk"));
        mount(disk);
        try (FixtureServer origin = new FixtureServer()) {
            FaultRig rig = FaultRig.on(disk, sift.store.DbSettings.embedded(disk.resolve("data")));
            rig.env.put("SIFT_MIN_FREE_MB", "0");
            rig.subscribe(serve(origin, 0));
            long stored = FEEDS * CrashFaultIT.WINDOW;
            Path filler = disk.resolve("filler");
            try (SiftProcess sift = rig.serve("last-byte.log")) {
                assertThat(sift.awaitBody("/health", b -> b.contains("\"posts\":" + stored), Duration.ofSeconds(60)))
                        .as("the first refresh; log:%n%s", sift.logText())
                        .isNotNull();
                FaultRig.awaitIndexCaughtUp(sift, Duration.ofSeconds(30));
                FaultRig.Admin admin = FaultRig.admin(sift);
                String firstPost = Jsoup.parse(admin.visitor().get("/").body())
                        .select("article a[href^='/posts/']")
                        .attr("href");

                fill(disk, filler, 0);
                var star = admin.visitor()
                        .post(firstPost + "/state", java.util.Map.of("_csrf", admin.csrf(), "starred", "true"));
                var post = admin.visitor().get(firstPost);
                System.out.printf(
                        "DiskFullFaultIT: on a disk full to the last byte, a star: %d, a post page: %d%n",
                        star.statusCode(), post.statusCode());
                for (var answer : List.of(star, post)) {
                    assertThat(answer.statusCode())
                            .as("%s on a full disk; log:%n%s", answer.uri(), sift.logText())
                            .isIn(200, 303, 503);
                    if (answer.statusCode() == 503) {
                        assertThat(answer.body()).contains("data folder is full. Nothing stored is lost");
                    }
                }
                // (the log, on the same full disk here, loses its lines meanwhile)

                Files.delete(filler);
                Duration back = sift.awaitBody("/health", b -> b.contains("\"status\":\"ok\""), Duration.ofSeconds(30));
                assertThat(back)
                        .as("healthy again without a restart; log:%n%s", sift.logText())
                        .isNotNull();
                assertThat(admin.visitor()
                                .post(firstPost + "/state", java.util.Map.of("_csrf", admin.csrf(), "starred", "true"))
                                .statusCode())
                        .as("a star once there is room; log:%n%s", sift.logText())
                        .isEqualTo(303);
                assertThat(admin.visitor().get("/").statusCode()).isEqualTo(200);
                assertThat(sift.terminate(Duration.ofSeconds(10))).isEqualTo(143);
            }
            try (Database db = Database.open(rig.db)) {
                assertThat(db.postChanges().count()).isEqualTo(stored);
            }
        } finally {
            run("umount", "-l", disk.toString());
        }
    }

    /** Mounts a 64 MB tmpfs on {@code disk}, or skips the test, saying why. */
    private static void mount(Path disk) throws Exception {
        int status = run("mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", disk.toString());
        Assumptions.assumeTrue(
                status == 0,
                "this machine refuses to mount a tmpfs (not root, or no CAP_SYS_ADMIN): the full-disk case is not run");
    }

    /** Writes a file until {@code leave} bytes are left free on the disk. */
    private static void fill(Path disk, Path filler, long leave) throws Exception {
        long usable = Files.getFileStore(disk).getUsableSpace();
        byte[] mb = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(filler)) {
            for (long left = usable - leave; left > 0; left -= mb.length) {
                out.write(mb, 0, (int) Math.min(mb.length, left));
            }
            if (leave == 0) {
                for (int i = 0; i < 1 << 16; i++) {
                    out.write(mb, 0, 4096); // to the last byte: until the disk refuses
                    out.flush();
                }
            }
        } catch (java.io.IOException full) {
            assertThat(leave).as("the disk refused %s", full.getMessage()).isZero();
        }
        assertThat(Files.getFileStore(disk).getUsableSpace()).isLessThan(leave == 0 ? 4096 : MIN_FREE_MB << 20);
    }

    private static List<String> serve(FixtureServer origin, int cycle) {
        return FaultRig.serveFeeds(origin, "/d", FEEDS, cycle, f -> Duration.ZERO);
    }

    private static int run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().transferTo(OutputStream.nullOutputStream());
        return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }
}
