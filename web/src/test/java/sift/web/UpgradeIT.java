package sift.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database made by the previous release (Sift 0.1.0, schema version 021; how it was made is in
 * {@code src/test/resources/upgrade/README.md}) opens with today's code, migrates forward and serves its posts
 * and its readers' state: in place, as an upgrade over the same data folder does, and through {@code sift
 * restore}.
 */
class UpgradeIT {
    private static final String FIXTURE = "/upgrade/sift-0.1.0-demo.zip";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theDataFolderOfSift010OpensMigratesAndServesItsPosts() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        try (InputStream in = UpgradeIT.class.getResourceAsStream(FIXTURE);
                ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry entry = zip.getNextEntry();
            assertThat(entry.getName()).isEqualTo("sift.mv.db");
            Files.copy(zip, data.resolve(entry.getName()));
        }
        servesTheOldPosts(data, dir.resolve("in-place.log"));
    }

    @Test
    void aBackupOfSift010Restores() throws Exception {
        Path backup = dir.resolve("sift-0.1.0-demo.zip");
        try (InputStream in = UpgradeIT.class.getResourceAsStream(FIXTURE)) {
            Files.copy(in, backup);
        }
        Path data = dir.resolve("data");
        Path log = dir.resolve("restore.log");
        assertThat(SiftProcess.run(log, Map.of(), "restore", backup.toString(), "--data", data.toString()))
                .as("restore; log:%n%s", Files.readString(log))
                .isZero();
        assertThat(Files.readString(log)).contains("65 posts, 6 feeds");
        servesTheOldPosts(data, log);
    }

    private static void servesTheOldPosts(Path data, Path log) throws Exception {
        try (SiftProcess sift = SiftProcess.serve(log, Map.of(), "--no-ingest", "--data", data.toString())) {
            assertThat(sift.awaitBody(
                            "/health",
                            body -> body.contains("\"posts\":65") && body.contains("\"indexed\":65"),
                            Duration.ofSeconds(60)))
                    .as("the old posts, indexed again; log:%n%s", sift.logText())
                    .isNotNull();
            assertThat(sift.logText())
                    .as("migrated from 021, each feed's host noted")
                    .containsPattern("migrated from version 021 to schema version 0(2[2-9]|[3-9]\\d)")
                    .containsPattern("the host of \\d+ feeds noted");

            Visitor admin = new Visitor("http://127.0.0.1:" + sift.port);
            assertThat(admin.login("admin", "upgrade-admin-pass", "/").statusCode())
                    .as("the 0.1.0 admin's password still signs in")
                    .isEqualTo(303);
            JsonNode starred = JSON.readTree(admin.get("/api/posts/8").body()).path("state");
            assertThat(starred.path("starred").asBoolean()).isTrue();
            assertThat(starred.path("read").asBoolean()).isTrue();
            for (int read : new int[] {15, 1, 30, 43}) {
                assertThat(JSON.readTree(admin.get("/api/posts/" + read).body())
                                .at("/state/read")
                                .asBoolean())
                        .as("post %d read in 0.1.0", read)
                        .isTrue();
            }
            assertThat(admin.get("/api/searches").body()).contains("BGP");
            assertThat(Jsoup.parse(admin.get("/").body()).select("article")).hasSizeGreaterThanOrEqualTo(10);
            assertThat(admin.get("/search?q=bgp").body()).contains("result");
            assertThat(sift.terminate(Duration.ofSeconds(30))).isEqualTo(143);
        }
    }
}
