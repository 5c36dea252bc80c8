package sift.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import sift.ingest.opml.Opml;
import sift.ingest.testing.FixtureServer;
import sift.nlp.corpus.StanceCorpus;
import sift.nlp.hype.StanceModel;
import sift.store.classifier.LabelStore;
import sift.store.feed.NewFeed;
import sift.web.TestApp;
import sift.web.Visitor;
import sift.web.auth.LoginBrowserIT;

/**
 * An admin in real headless Chromium tunes the feeds: adds one by its site's address, finds a broken feed at the top
 * of the health page, imports an OPML file of 300 feeds and reads the report, exports them again (round trip); labels
 * posts and claims; edits the lexicon after a preview, retrains the stance model (promoted), retrains it on corrupted
 * labels (refused, the old model serving on) and rolls both back; and finds it all in the audit log. Screenshots go
 * to target/screenshots/.
 */
class AdminBrowserIT {
    private static final String PASSWORD = "a long admin password";
    private static final String RSS = """
            <rss version="2.0"><channel><title>%s</title><link>https://blog.example/</link><description>d</description>
            <item><title>A post of %s</title><link>https://blog.example/%s/1</link><guid>%s-1</guid>
            <pubDate>Wed, 19 Nov 2025 10:00:00 GMT</pubDate><description>Text.</description></item></channel></rss>""";

    /** A product launch whose hype only an admin's new AI term reveals. */
    private static final String VENDOR = """
            <rss version="2.0"><channel><title>Vendor</title><link>https://vendor.example/</link><description>d</description>
            <item><title>NetOracle 2.0</title><link>https://vendor.example/netoracle</link><guid>netoracle-2</guid>
            <pubDate>Wed, 19 Nov 2025 11:00:00 GMT</pubDate><description>NetOracle is the revolutionary engine your
            network has waited for, better than anything else. NetOracle predicts every outage before it happens and
            fixes it instantly, forever. Pricing starts at 10 dollars per device.</description></item></channel></rss>""";

    @TempDir
    Path dir;

    FixtureServer origin;
    TestApp app;
    WebDriver browser;
    WebDriverWait wait;

    @BeforeAll
    static void needsChromiumAndItsDriver() {
        LoginBrowserIT.needsChromiumAndItsDriver();
    }

    @BeforeEach
    void start() {
        origin = new FixtureServer()
                .feed("/good.xml", "application/rss+xml", RSS.formatted("Good Feed", "good", "good", "good"))
                .feed("/vendor.xml", "application/rss+xml", VENDOR)
                .feed("/site/feed.xml", "application/rss+xml", RSS.formatted("Packet Site", "site", "site", "site"))
                .feed("/site/", "text/html", """
                        <!DOCTYPE html><html><head><title>Packet Site</title>
                        <link rel="alternate" type="application/rss+xml" title="Packet Site" href="/site/feed.xml">
                        </head><body><p>A blog.</p></body></html>""");
        app = TestApp.startPrivate(
                dir.resolve("data"), List.of(origin.url("/good.xml"), origin.url("/broken.xml")), PASSWORD);
        browser = LoginBrowserIT.chromium(dir.resolve("profile"));
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        LoginBrowserIT.signInAsAdmin(browser, app, PASSWORD, "/admin/feeds", "Feeds · Admin · Sift");
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        app.close();
        origin.close();
    }

    @Test
    void labelsAPostsStanceKindAndTopicsFromThePostPage() throws Exception {
        app.server.ingestion().scheduler().refreshAll();
        long post = app.server.db().postQueries().river(10, null).stream()
                .filter(p -> p.title().equals("A post of good"))
                .findFirst()
                .orElseThrow()
                .id();
        browser.get(app.url("/posts/" + post));
        browser.findElement(By.cssSelector("details.labels summary")).click();
        browser.findElement(By.cssSelector("form.label-stance button[value=hype]"))
                .click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("ul.labels-given")));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("label-kind"))).selectByValue("incident");
        browser.findElement(By.cssSelector("form.label-kind button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("ul.labels-given"), "incident"));
        for (WebElement box : browser.findElements(By.cssSelector("form.label-topics input[type=checkbox]:checked"))) {
            box.click();
        }
        browser.findElement(By.cssSelector("form.label-topics input[value=routing]"))
                .click();
        browser.findElement(By.cssSelector("form.label-topics input[value=operations]"))
                .click();
        browser.findElement(By.cssSelector("form.label-topics button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("ul.labels-given"), "routing"));
        LoginBrowserIT.screenshot(browser, "admin-labels.png");
        var labels = app.server.db().labels().forPost(post);
        assertThat(labels)
                .extracting(l -> l.target() + "=" + l.label())
                .containsExactlyInAnyOrder("stance=hype", "kind=incident", "topic=routing", "topic=operations");
        assertThat(labels).allSatisfy(l -> {
            assertThat(l.userName()).isEqualTo("admin");
            assertThat(l.text()).startsWith("A post of good");
        });
        browser.get(app.url("/admin/audit"));
        assertThat(browser.findElement(By.cssSelector("table.audit")).getText())
                .contains("label.add", "post " + post, "topics: routing, operations", "post stance: hype");
    }

    @Test
    void editsTheLexiconWithAPreviewRetrainsTheStanceModelRefusesABadRetrainAndRollsBack() throws Exception {
        app.server
                .db()
                .feeds()
                .subscribe(new NewFeed(origin.url("/vendor.xml"), "Vendor", null), java.time.Instant.now());
        app.server.ingestion().scheduler().refreshAll();
        long post = app.server.db().postQueries().river(10, null).stream()
                .filter(p -> p.title().equals("NetOracle 2.0"))
                .findFirst()
                .orElseThrow()
                .id();
        assertThat(app.server
                        .db()
                        .postQueries()
                        .find(post)
                        .orElseThrow()
                        .facts()
                        .claims())
                .as("not about AI yet")
                .isEmpty();

        // a new AI term, previewed on the newest posts, then saved
        browser.get(app.url("/admin/classifiers/lexicon"));
        browser.findElement(By.id("ai-terms")).sendKeys(Keys.chord(Keys.CONTROL, Keys.END), "\nnetoracle");
        browser.findElement(By.cssSelector("form.lexicon button[value=preview]"))
                .click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("preview")));
        assertThat(browser.findElement(By.id("preview")).getText())
                .matches("With this lexicon: [1-9]\\d* of the 200 newest posts change");
        assertThat(browser.findElement(By.cssSelector("ul.differences")).getText())
                .matches("'ai' \\d+ -> \\d+ phrases");
        WebElement change = browser.findElement(By.cssSelector("table.changes tbody tr"));
        assertThat(change.getText())
                .startsWith("NetOracle 2.0")
                .contains("neutral, hype 0")
                .containsPattern("hype, hype \\d+$");
        scrollTo(By.id("preview"));
        LoginBrowserIT.screenshot(browser, "admin-lexicon-preview.png");
        assertThat(app.server.ingestion().analyzer().stanceModel().lexicon().aboutAi("NetOracle"))
                .isFalse();
        browser.findElement(By.cssSelector("form.lexicon button[value=save]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("table.versions"), "active"));
        assertThat(app.server.ingestion().analyzer().stanceModel().lexicon().aboutAi("NetOracle"))
                .isTrue();

        // the archive re-scored with it, then a claim labelled from the post page
        browser.get(app.url("/admin/classifiers"));
        browser.findElement(By.cssSelector("form[action='/admin/classifiers/rescore'] button"))
                .click();
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("p.rescore"), "The last re-scoring"));
        browser.get(app.url("/posts/" + post));
        browser.findElement(By.cssSelector("details.labels summary")).click();
        browser.findElement(By.cssSelector("form.label-claim button[value=hype]"))
                .click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("ul.labels-given")));
        assertThat(app.server.db().labels().sentences())
                .extracting(LabelStore.Sentence::stance)
                .containsExactly("hype");

        // a retrain with that label: evaluated against the built model and promoted
        String built = app.server.ingestion().analyzer().version();
        browser.get(app.url("/admin/classifiers/models"));
        assertThat(browser.findElement(By.cssSelector("strong.labelled")).getText())
                .isEqualTo("1");
        browser.findElement(By.cssSelector("form[action='/admin/classifiers/models/retrain'] button"))
                .click();
        WebDriverWait training = new WebDriverWait(browser, Duration.ofSeconds(60));
        training.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("p.retrain"), "Version 1 was promoted"));
        assertThat(browser.findElement(By.cssSelector("code.active-models")).getText())
                .isEqualTo(built + "+hype-v1");
        assertThat(browser.findElement(By.cssSelector("#evaluation-1 table.scores"))
                        .getText())
                .contains("Precision", "Recall", "F1", "hype", "neutral", "skeptical", "macro-F1");
        LoginBrowserIT.screenshot(browser, "admin-retrain-promoted.png");

        // labels gone wrong: the corpus's hype sentences labelled neutral; refused, and the model serving stays
        long admin = app.server.db().users().find("admin").orElseThrow().id();
        for (StanceModel.Labelled s : StanceCorpus.bundled(StanceCorpus.TRAIN)) {
            if (s.stance().equals("hype")) {
                app.server
                        .db()
                        .labels()
                        .add(post, "stance", List.of("neutral"), s.text(), true, admin, java.time.Instant.now());
            }
        }
        browser.navigate().refresh();
        browser.findElement(By.cssSelector("form[action='/admin/classifiers/models/retrain'] button"))
                .click();
        training.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("p.retrain"), "Version 2 was refused"));
        assertThat(browser.findElement(By.cssSelector("#evaluation-2 ul.regressions"))
                        .getText())
                .containsPattern("the F1 of 'hype' on the \\d+ held-out sentences fell from 0\\.\\d+ to 0\\.\\d+");
        assertThat(browser.findElement(By.cssSelector("code.active-models")).getText())
                .isEqualTo(built + "+hype-v1");
        assertThat(browser.findElement(By.id("version-2")).getText())
                .contains("refused")
                .doesNotContain("Roll back");
        var stored = app.server.db().postChanges().byIds(List.of(post)).get(0);
        assertThat(app.server
                        .ingestion()
                        .analyzer()
                        .hype(stored.title(), stored.text())
                        .stance())
                .as("the promoted model still reads posts")
                .isEqualTo("hype");
        scrollTo(By.id("evaluation-2"));
        LoginBrowserIT.screenshot(browser, "admin-retrain-refused.png");

        // one click back to the model Sift was built with, and to the lexicon it was built with
        browser.findElement(By.cssSelector("form[action='/admin/classifiers/models/built'] button"))
                .click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("code.active-models"), built));
        assertThat(browser.findElement(By.id("version-1")).getText()).contains("Roll back to this");
        browser.get(app.url("/admin/classifiers/lexicon"));
        browser.findElement(By.cssSelector("form[action='/admin/classifiers/lexicon/built'] button"))
                .click();
        wait.until(ExpectedConditions.not(
                ExpectedConditions.textToBePresentInElementValue(By.id("ai-terms"), "netoracle")));
        assertThat(app.server.ingestion().analyzer().stanceModel().lexicon().aboutAi("NetOracle"))
                .isFalse();
        browser.get(app.url("/admin/audit"));
        assertThat(browser.findElement(By.cssSelector("table.audit")).getText())
                .contains(
                        "classifier.lexicon",
                        "classifier.retrain",
                        "promoted: hype F1",
                        "refused: the F1 of 'hype'",
                        "classifier.rollback",
                        "the built stance model",
                        "the built lexicon");
    }

    private void scrollTo(By what) {
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("arguments[0].scrollIntoView()", browser.findElement(what));
    }

    @Test
    void addsBySiteFindsTheBrokenFeedFirstImportsThreeHundredFeedsAndExportsThem() throws Exception {
        browser.findElement(By.id("feed-url")).sendKeys(origin.url("/site/"));
        browser.findElement(By.cssSelector("form.add-feed button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.created"), "Subscribed"));
        assertThat(browser.findElement(By.cssSelector("p.created")).getText())
                .contains("Subscribed " + origin.url("/site/feed.xml"), "(Packet Site)");

        app.server.ingestion().scheduler().refreshAll();
        browser.get(app.url("/admin/feeds"));
        List<WebElement> rows = browser.findElements(By.cssSelector("table.feed-health tbody tr"));
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).getAttribute("class")).isEqualTo("broken");
        assertThat(rows.get(0).getText()).contains(origin.url("/broken.xml"), "HTTP 404", "failed");
        assertThat(rows.get(1).getText()).contains("ok");
        LoginBrowserIT.screenshot(browser, "admin-feed-health.png");

        Path bad = dir.resolve("bad.opml");
        Files.writeString(bad, "<rss version=\"2.0\"><channel/></rss>");
        browser.findElement(By.id("opml-file")).sendKeys(bad.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("form.import-opml button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.problem")));
        assertThat(browser.findElement(By.cssSelector("p.problem")).getText())
                .isEqualTo("Nothing was imported: bad.opml: not OPML (no <opml> element)");

        Path opml = dir.resolve("team.opml");
        StringBuilder outlines = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            outlines.append("<outline type=\"rss\" text=\"Team blog ")
                    .append(i)
                    .append("\" xmlUrl=\"https://blog-")
                    .append(i)
                    .append(".example/feed.xml\" category=\"")
                    .append(i % 3 == 0 ? "Routing" : i % 3 == 1 ? "Security" : "Automation")
                    .append("\"/>\n");
        }
        Files.writeString(
                opml,
                "<?xml version=\"1.0\"?>\n<opml version=\"2.0\"><head><title>Team</title></head><body>\n"
                        + outlines + "<outline type=\"rss\" text=\"Good again\" xmlUrl=\"" + origin.url("/good.xml")
                        + "\"/>\n"
                        + "<outline type=\"rss\" text=\"Not a web feed\" xmlUrl=\"ftp://files.example/feed.xml\"/>\n</body></opml>");
        browser.findElement(By.id("opml-file")).sendKeys(opml.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("form.import-opml button")).click();
        // the import's page shows its progress, reloading itself, until the report
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.created")));
        assertThat(browser.getTitle()).isEqualTo("OPML import · Admin · Sift");
        assertThat(browser.findElement(By.cssSelector("p.created")).getText())
                .isEqualTo("302 feeds in the file: 300 added, 2 skipped.");
        assertThat(browser.findElements(By.cssSelector("table.import-report tr.skipped")).stream()
                        .map(WebElement::getText)
                        .collect(Collectors.joining("\n")))
                .contains("skipped: already subscribed", "skipped: not an http(s) address");
        LoginBrowserIT.screenshot(browser, "admin-opml-import.png");
        assertThat(app.server.db().feeds().count()).isEqualTo(303);

        // the export, read back: every feed, with its category
        Visitor admin = new Visitor(app);
        admin.login("admin", PASSWORD, null);
        var export = admin.get("/admin/feeds.opml");
        assertThat(export.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("sift-feeds.opml");
        List<NewFeed> exported =
                Opml.read(new ByteArrayInputStream(export.body().getBytes(StandardCharsets.UTF_8)), "export");
        assertThat(exported).hasSize(303);
        Map<String, String> categories = exported.stream()
                .filter(f -> f.url().startsWith("https://blog-"))
                .collect(Collectors.toMap(NewFeed::url, NewFeed::category));
        assertThat(categories)
                .hasSize(300)
                .containsEntry("https://blog-0.example/feed.xml", "Routing")
                .containsEntry("https://blog-1.example/feed.xml", "Security")
                .containsEntry("https://blog-299.example/feed.xml", "Automation");

        browser.get(app.url("/admin/audit"));
        String audit = browser.findElement(By.cssSelector("table.audit")).getText();
        assertThat(audit)
                .contains("feed.add", origin.url("/site/feed.xml"), "opml.import", "team.opml", "300 added, 2 skipped");
    }
}
