package sift.web.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sift.ingest.Ingestion;
import sift.nlp.corpus.StanceCorpus;
import sift.nlp.hype.HypeLexicon;
import sift.nlp.hype.StanceModel;
import sift.store.classifier.ClassifierSettingStore;
import sift.store.classifier.LabelStore;
import sift.store.classifier.ModelStore;
import sift.web.TestApp;
import sift.web.Visitor;

/**
 * The classifiers from the admin pages over the demo's posts: the hype threshold, the lexicon and the stance model.
 * A preview changes nothing, a save (or a promoted retrain) applies at once and survives a restart, a bad value,
 * lexicon or model is refused with the active one kept, and an older version comes back with a roll-back; all in
 * the audit log.
 */
class AdminClassifierTest {
    private static final String PASSWORD = "a long admin password";
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void previewSaveRefuseAndRollBackTheHypeThreshold() throws Exception {
        try (TestApp app = TestApp.startDemo(dir, PASSWORD)) {
            Visitor admin = signedInAdmin(app);
            String csrf = admin.csrf();
            assertThat(threshold(app)).isEqualTo(45);
            assertThat(Jsoup.parse(admin.get("/admin/classifiers").body())
                            .select(".active-threshold")
                            .text())
                    .isEqualTo("45");

            Document preview = Jsoup.parse(
                    admin.post("/admin/classifiers", Map.of("_csrf", csrf, "hypeThreshold", "90", "action", "preview"))
                            .body());
            assertThat(preview.select("#preview").text()).matches("At 90: \\d+ of the 200 newest posts change");
            assertThat(preview.select("table.changes tbody tr"))
                    .as("posts whose verdict moves")
                    .isNotEmpty()
                    .allSatisfy(row -> assertThat(row.select("td").get(0).text())
                            .isNotEqualTo(row.select("td").get(1).text()));
            assertThat(threshold(app)).as("a preview changes nothing").isEqualTo(45);

            assertThat(admin.post("/admin/classifiers", Map.of("_csrf", csrf, "hypeThreshold", "90", "action", "save"))
                            .statusCode())
                    .isEqualTo(303);
            assertThat(threshold(app)).as("applied at once").isEqualTo(90);
            for (String bad : new String[] {"150", "0", "ninety", ""}) {
                var refused =
                        admin.post("/admin/classifiers", Map.of("_csrf", csrf, "hypeThreshold", bad, "action", "save"));
                assertThat(refused.statusCode()).as(bad).isEqualTo(400);
                assertThat(refused.body()).contains("whole number from 1 to 99", "the active threshold, 90, stays");
            }
            assertThat(threshold(app)).isEqualTo(90);

            admin.post("/admin/classifiers", Map.of("_csrf", csrf, "hypeThreshold", "60", "action", "save"));
            assertThat(threshold(app)).isEqualTo(60);
            long ninety = app.server.db().classifierSettings().history(ClassifierSettingStore.HYPE_THRESHOLD).stream()
                    .filter(v -> v.value().equals("90"))
                    .findFirst()
                    .orElseThrow()
                    .id();
            assertThat(admin.post("/admin/classifiers/" + ninety + "/activate", Map.of("_csrf", csrf))
                            .statusCode())
                    .isEqualTo(303);
            assertThat(threshold(app)).as("rolled back").isEqualTo(90);
            assertThat(Jsoup.parse(admin.get("/admin/classifiers").body())
                            .select("table.versions tr:contains(active) td")
                            .first()
                            .text())
                    .isEqualTo("90");
            assertThat(admin.get("/admin/audit").body())
                    .contains("classifier.hype-threshold", "45 -&gt; 90", "classifier.rollback", "60 -&gt; 90");

            // the archive keeps its verdicts until it is re-scored
            long fabric = app.server.db().postQueries().river(100, null).stream()
                    .filter(p -> p.title().startsWith("Announcing the AI Fabric Assistant"))
                    .findFirst()
                    .orElseThrow()
                    .id();
            int before = app.server
                    .db()
                    .postQueries()
                    .find(fabric)
                    .orElseThrow()
                    .facts()
                    .hypeScore();
            assertThat(admin.post("/admin/classifiers/rescore", Map.of("_csrf", csrf))
                            .statusCode())
                    .isEqualTo(303);
            awaitRescored(admin);
            assertThat(app.server
                            .db()
                            .postQueries()
                            .find(fabric)
                            .orElseThrow()
                            .facts()
                            .hypeScore())
                    .as("re-scored with threshold 90")
                    .isLessThan(before);
            assertThat(Jsoup.parse(admin.get("/admin/classifiers").body())
                            .select("p.rescore")
                            .text())
                    .isEqualTo("The last re-scoring looked at "
                            + app.server.db().postChanges().count() + " posts and changed "
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
            assertThat(threshold(again))
                    .as("the active version survives a restart")
                    .isEqualTo(90);
            Visitor admin = new Visitor(again);
            admin.login("admin", PASSWORD, null);
            awaitRescored(admin);
            assertThat(again.server.db().settings().get("rescore.done"))
                    .contains(String.valueOf(20
                            + again.server.db().postChanges().afterId(20, 1000).size()));
        }
    }

    @Test
    void editTheLexiconWithAPreviewRefuseABadOneAndRollBack() throws Exception {
        try (TestApp app = TestApp.startDemo(dir, PASSWORD)) {
            Visitor admin = signedInAdmin(app);
            String csrf = admin.csrf();
            Document page = Jsoup.parse(admin.get("/admin/classifiers/lexicon").body());
            String terms = page.select("#ai-terms").text();
            String lists = page.select("#lexicon-lists").text();
            assertThat(terms.split("\n")).contains("machine learning", "llm");
            assertThat(lists).contains("promo: revolution*").doesNotContain("\nai:");
            String edited = lists.replace("promo: ", "promo weight=3: ");

            Document preview = Jsoup.parse(admin.post(
                            "/admin/classifiers/lexicon",
                            Map.of(
                                    "_csrf",
                                    csrf,
                                    "aiTerms",
                                    terms + "\nnetoracle",
                                    "lists",
                                    edited,
                                    "action",
                                    "preview"))
                    .body());
            assertThat(preview.select("#preview").text())
                    .matches("With this lexicon: \\d+ of the 200 newest posts change");
            assertThat(preview.select("#evaluation").text()).contains("no figure falls beyond the tolerance");
            assertThat(preview.select("table.changes tbody tr")).isNotEmpty();
            assertThat(preview.select("ul.differences li").eachText())
                    .anyMatch(d -> d.matches("'ai' \\d+ -> \\d+ phrases"))
                    .contains("'promo' weight 1 -> 3");
            assertThat(weight(app, "promo")).as("a preview changes nothing").isEqualTo(1.0);

            assertThat(admin.post(
                                    "/admin/classifiers/lexicon",
                                    Map.of(
                                            "_csrf",
                                            csrf,
                                            "aiTerms",
                                            terms + "\nnetoracle",
                                            "lists",
                                            edited,
                                            "action",
                                            "save"))
                            .statusCode())
                    .isEqualTo(303);
            assertThat(weight(app, "promo")).as("applied at once").isEqualTo(3.0);
            assertThat(app.server.ingestion().analyzer().stanceModel().lexicon().aboutAi("NetOracle heals itself."))
                    .isTrue();

            Map<String, String> refusals = Map.of(
                    lists.replaceFirst("(?m)^promo: .*$", ""),
                    "no list 'promo', which the stance model was trained on",
                    "absolute: always\nthis is not a list",
                    "the lexicon:2: expected 'name: phrase | phrase'",
                    lists + "\nbig: " + "w | ".repeat(4_000) + "w",
                    "more than 4,000 phrases",
                    lists + "\n" + "#".repeat(70_000),
                    "a lexicon is at most 65,536",
                    lists.replace("promo: ", "promo weight=12: "),
                    "a weight is from 0 to 5");
            for (var bad : refusals.entrySet()) {
                var refused = admin.post(
                        "/admin/classifiers/lexicon",
                        Map.of("_csrf", csrf, "aiTerms", terms, "lists", bad.getKey(), "action", "save"));
                assertThat(refused.statusCode()).as(bad.getValue()).isEqualTo(400);
                assertThat(Jsoup.parse(refused.body()).select(".problem").text())
                        .startsWith("Refused: ")
                        .contains(bad.getValue())
                        .endsWith("The active lexicon stays.");
            }
            String silenced = lists;
            for (String marker : List.of("promo", "absolute", "scope", "future", "prediction", "vague", "anthro")) {
                silenced = silenced.replaceFirst("(?m)^" + marker + ": ", marker + " weight=0: ");
            }
            var worse = Jsoup.parse(admin.post(
                            "/admin/classifiers/lexicon",
                            Map.of("_csrf", csrf, "aiTerms", terms, "lists", silenced, "action", "save"))
                    .body());
            assertThat(worse.select(".problem").text())
                    .startsWith("Refused: with it the scorer does worse on the held-out"
                            + " data: the F1 of 'hype' on the 225 held-out sentences fell from")
                    .endsWith("The active lexicon stays.");
            assertThat(worse.select("#evaluation").text()).contains("it does worse, and saving is refused");
            assertThat(worse.select("section.evaluation table.scores")).isNotEmpty();
            assertThat(worse.select("#lexicon-lists").text())
                    .as("the admin's edit is kept on the page")
                    .contains("promo weight=0: ");
            var noTerms = admin.post(
                    "/admin/classifiers/lexicon",
                    Map.of("_csrf", csrf, "aiTerms", " \n ", "lists", lists, "action", "save"));
            assertThat(noTerms.body()).contains("The AI-term list is empty");
            assertThat(weight(app, "promo")).as("the active lexicon stays").isEqualTo(3.0);

            assertThat(admin.post("/admin/classifiers/lexicon/built", Map.of("_csrf", csrf))
                            .statusCode())
                    .isEqualTo(303);
            assertThat(weight(app, "promo")).as("back to the built lexicon").isEqualTo(1.0);
            long saved = app.server
                    .db()
                    .classifierSettings()
                    .history(ClassifierSettingStore.HYPE_LEXICON)
                    .get(0)
                    .id();
            admin.post("/admin/classifiers/lexicon/" + saved + "/activate", Map.of("_csrf", csrf));
            assertThat(weight(app, "promo")).as("rolled back to the saved one").isEqualTo(3.0);
            assertThat(admin.get("/admin/audit").body())
                    .contains("classifier.lexicon", "'promo' weight 1 -&gt; 3", "the built lexicon");
        }
        try (TestApp again = TestApp.startDemo(dir, PASSWORD)) {
            assertThat(weight(again, "promo"))
                    .as("the active lexicon survives a restart")
                    .isEqualTo(3.0);
            // a lexicon the database holds that no longer passes is not used: the built one is
            again.server
                    .db()
                    .classifierSettings()
                    .save(ClassifierSettingStore.HYPE_LEXICON, "ai: ai\n", "admin", Instant.now());
        }
        try (TestApp again = TestApp.startDemo(dir, PASSWORD)) {
            assertThat(weight(again, "promo")).isEqualTo(1.0);
            assertThat(again.server
                            .ingestion()
                            .analyzer()
                            .stanceModel()
                            .lexicon()
                            .text())
                    .isEqualTo(HypeLexicon.bundled().text());
        }
    }

    @Test
    void retrainPromoteRefuseAndRollBackTheStanceModel() throws Exception {
        try (TestApp app = TestApp.startDemo(dir, PASSWORD)) {
            Visitor admin = signedInAdmin(app);
            String csrf = admin.csrf();
            String built = app.server.ingestion().analyzer().version();
            long post = app.server.db().postQueries().river(1, null).get(0).id();
            long adminId = app.server.db().users().find("admin").orElseThrow().id();
            LabelStore labels = app.server.db().labels();
            Map.of(
                            "Our AI copilot will make every firewall change safe forever.",
                            "hype",
                            "The anomaly detector flagged 14 of the 20 injected faults in our lab.",
                            "neutral",
                            "Show me the false-positive rate before you call the agent autonomous.",
                            "skeptical")
                    .forEach((text, stance) -> labels.add(post, "stance", List.of(stance), text, true, adminId, NOW));

            assertThat(admin.post("/admin/classifiers/models/retrain", Map.of("_csrf", csrf))
                            .statusCode())
                    .isEqualTo(303);
            Document promoted = awaitRetrained(admin);
            assertThat(promoted.select("p.retrain").text()).startsWith("Version 1 was promoted");
            assertThat(app.server.ingestion().analyzer().version()).isEqualTo(built + "+hype-v1");
            assertThat(promoted.select("#evaluation-1 table.scores")
                            .first()
                            .select("tbody tr")
                            .eachText())
                    .hasSize(4)
                    .first()
                    .asString()
                    .matches("hype \\d\\.\\d{3} → \\d\\.\\d{3} .*");
            assertThat(promoted.select("#evaluation-1 table.confusion"))
                    .hasSize(2)
                    .first()
                    .satisfies(table -> assertThat(table.select("tbody tr")).hasSize(3));

            // labels gone wrong: every hype sentence of the corpus labelled neutral
            for (StanceModel.Labelled s : StanceCorpus.bundled(StanceCorpus.TRAIN)) {
                if (s.stance().equals("hype")) {
                    labels.add(post, "stance", List.of("neutral"), s.text(), true, adminId, NOW);
                }
            }
            admin.post("/admin/classifiers/models/retrain", Map.of("_csrf", csrf));
            Document refused = awaitRetrained(admin);
            assertThat(refused.select("p.retrain").text())
                    .startsWith("Version 2 was refused and the active model stays");
            assertThat(refused.select("#evaluation-2 ul.regressions li").eachText())
                    .anyMatch(r -> r.matches("the F1 of 'hype' on the \\d+ held-out sentences fell from .*"));
            assertThat(app.server.ingestion().analyzer().version())
                    .as("the old model keeps serving")
                    .isEqualTo(built + "+hype-v1");
            long second =
                    app.server.db().models().history(ModelStore.HYPE).get(0).id();
            var notThat = admin.post("/admin/classifiers/models/" + second + "/activate", Map.of("_csrf", csrf));
            assertThat(notThat.statusCode()).isEqualTo(400);
            assertThat(notThat.body())
                    .contains("Refused: version 2 was refused at its evaluation. The active model stays.");

            assertThat(admin.post("/admin/classifiers/models/built", Map.of("_csrf", csrf))
                            .statusCode())
                    .isEqualTo(303);
            assertThat(app.server.ingestion().analyzer().version()).isEqualTo(built);
            long first =
                    app.server.db().models().history(ModelStore.HYPE).get(1).id();
            admin.post("/admin/classifiers/models/" + first + "/activate", Map.of("_csrf", csrf));
            assertThat(app.server.ingestion().analyzer().version()).isEqualTo(built + "+hype-v1");
            assertThat(admin.get("/admin/audit").body())
                    .contains(
                            "classifier.retrain",
                            "promoted: hype F1",
                            "refused: the F1 of 'hype'",
                            "the built stance model");
        }
        try (TestApp again = TestApp.startDemo(dir, PASSWORD)) {
            assertThat(again.server.ingestion().analyzer().version())
                    .as("survives a restart")
                    .endsWith("+hype-v1");
            // a model the database holds whose bytes are not a model is not used: the built one is
            again.server.db().models().add(ModelStore.HYPE, "not a model".getBytes(), 1, 0, "{}", "admin", true, NOW);
        }
        try (TestApp again = TestApp.startDemo(dir, PASSWORD)) {
            assertThat(again.server.ingestion().analyzer().version()).doesNotContain("+");
        }
    }

    private static Document awaitRetrained(Visitor admin) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (admin.get("/admin/classifiers/models").body().contains("Retraining (asked by")
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        return Jsoup.parse(admin.get("/admin/classifiers/models").body());
    }

    private static double weight(TestApp app, String list) {
        return app.server.ingestion().analyzer().stanceModel().lexicon().weight(list);
    }

    @Test
    void whatAnotherNodeMadeActiveIsTakenUp() throws Exception {
        try (TestApp app = TestApp.startDemo(dir, PASSWORD)) {
            Ingestion ingestion = app.server.ingestion();
            var before = ingestion.analyzer();
            ingestion.follow();
            assertThat(ingestion.analyzer())
                    .as("nothing changed, nothing rebuilt")
                    .isSameAs(before);

            // what an admin on another serve node saves lands in the shared database only
            var db = app.server.db();
            db.classifierSettings().save(ClassifierSettingStore.HYPE_THRESHOLD, "80", "admin", NOW);
            db.classifierSettings()
                    .save(
                            ClassifierSettingStore.HYPE_LEXICON,
                            HypeLexicon.bundled().text().replaceFirst("(?m)^promo: ", "promo weight=2: "),
                            "admin",
                            NOW);
            db.models()
                    .add(
                            ModelStore.HYPE,
                            StanceModel.read(sift.nlp.Analyzer.MODELS).bytes(),
                            1285,
                            0,
                            "{}",
                            "admin",
                            true,
                            NOW);
            assertThat(threshold(app)).isEqualTo(45);
            ingestion.follow();
            assertThat(threshold(app)).isEqualTo(80);
            assertThat(weight(app, "promo")).isEqualTo(2.0);
            assertThat(ingestion.analyzer().version()).isEqualTo(before.version() + "+hype-v1");
        }
    }

    /** The demo's admin, signed in once the demo's posts are stored. */
    private static Visitor signedInAdmin(TestApp app) throws Exception {
        app.awaitPosts(63);
        Visitor admin = new Visitor(app);
        admin.login("admin", PASSWORD, null);
        return admin;
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
