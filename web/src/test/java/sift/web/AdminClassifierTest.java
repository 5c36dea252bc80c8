package sift.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sift.store.ClassifierSettingStore;

/**
 * The hype threshold from the admin page over the demo's posts: a preview changes nothing, a save applies at once
 * and survives a restart, a bad value is refused with the active one kept, and an older version comes back with a
 * roll-back; all in the audit log.
 */
class AdminClassifierTest {
    private static final String PASSWORD = "a long admin password";

    @TempDir
    Path dir;

    @Test
    void previewSaveRefuseAndRollBackTheHypeThreshold() throws Exception {
        try (TestApp app = TestApp.startDemo(dir, PASSWORD)) {
            app.awaitPosts(63);
            Visitor admin = new Visitor(app);
            admin.login("admin", PASSWORD, null);
            String csrf = admin.csrf();
            assertThat(threshold(app)).isEqualTo(45);
            assertThat(Jsoup.parse(admin.get("/admin/classifiers").body()).select(".active-threshold").text()).isEqualTo("45");

            Document preview = Jsoup.parse(admin.post("/admin/classifiers", Map.of("_csrf", csrf, "hypeThreshold", "90",
                    "action", "preview")).body());
            assertThat(preview.select("#preview").text()).matches("At 90: \\d+ of the 200 newest posts change");
            assertThat(preview.select("table.changes tbody tr")).as("posts whose verdict moves").isNotEmpty()
                    .allSatisfy(row -> assertThat(row.select("td").get(0).text()).isNotEqualTo(row.select("td").get(1).text()));
            assertThat(threshold(app)).as("a preview changes nothing").isEqualTo(45);

            assertThat(admin.post("/admin/classifiers", Map.of("_csrf", csrf, "hypeThreshold", "90", "action", "save"))
                    .statusCode()).isEqualTo(303);
            assertThat(threshold(app)).as("applied at once").isEqualTo(90);
            for (String bad : new String[] {"150", "0", "ninety", ""}) {
                var refused = admin.post("/admin/classifiers", Map.of("_csrf", csrf, "hypeThreshold", bad, "action", "save"));
                assertThat(refused.statusCode()).as(bad).isEqualTo(400);
                assertThat(refused.body()).contains("whole number from 1 to 99", "the active threshold, 90, stays");
            }
            assertThat(threshold(app)).isEqualTo(90);

            admin.post("/admin/classifiers", Map.of("_csrf", csrf, "hypeThreshold", "60", "action", "save"));
            assertThat(threshold(app)).isEqualTo(60);
            long ninety = app.server.db().classifierSettings().history(ClassifierSettingStore.HYPE_THRESHOLD).stream()
                    .filter(v -> v.value().equals("90")).findFirst().orElseThrow().id();
            assertThat(admin.post("/admin/classifiers/" + ninety + "/activate", Map.of("_csrf", csrf)).statusCode()).isEqualTo(303);
            assertThat(threshold(app)).as("rolled back").isEqualTo(90);
            assertThat(Jsoup.parse(admin.get("/admin/classifiers").body()).select("table.versions tr:contains(active) td")
                    .first().text()).isEqualTo("90");
            assertThat(admin.get("/admin/audit").body()).contains("classifier.hype-threshold", "45 -&gt; 90",
                    "classifier.rollback", "60 -&gt; 90");

            // the archive keeps its verdicts until it is re-scored
            long fabric = app.server.db().posts().river(100, null).stream()
                    .filter(p -> p.title().startsWith("Announcing the AI Fabric Assistant")).findFirst().orElseThrow().id();
            int before = app.server.db().posts().find(fabric).orElseThrow().facts().hypeScore();
            assertThat(admin.post("/admin/classifiers/rescore", Map.of("_csrf", csrf)).statusCode()).isEqualTo(303);
            awaitRescored(admin);
            assertThat(app.server.db().posts().find(fabric).orElseThrow().facts().hypeScore())
                    .as("re-scored with threshold 90").isLessThan(before);
            assertThat(Jsoup.parse(admin.get("/admin/classifiers").body()).select("p.rescore").text())
                    .isEqualTo("The last re-scoring looked at " + app.server.db().posts().count() + " posts and changed "
                            + app.server.db().settings().get("rescore.changed").orElseThrow() + ".")
                    .doesNotEndWith(" 0.");
        }
        // a re-scoring that a stop interrupted goes on at the next start
        try (var db = sift.store.Database.open(sift.store.DbSettings.embedded(dir))) {
            db.settings().put("rescore.after", "20");
            db.settings().put("rescore.done", "20");
            db.settings().put("rescore.changed", "0");
        }
        try (TestApp again = TestApp.startDemo(dir, PASSWORD)) {
            assertThat(threshold(again)).as("the active version survives a restart").isEqualTo(90);
            Visitor admin = new Visitor(again);
            admin.login("admin", PASSWORD, null);
            awaitRescored(admin);
            assertThat(again.server.db().settings().get("rescore.done")).contains(String.valueOf(
                    20 + again.server.db().posts().afterId(20, 1000).size()));
        }
    }

    private static void awaitRescored(Visitor admin) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (admin.get("/admin/classifiers").body().contains("Re-scoring:") && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(admin.get("/admin/classifiers").body()).contains("The last re-scoring looked at");
    }

    private static int threshold(TestApp app) {
        return app.server.ingestion().analyzer().hypeThreshold();
    }
}
