package sift.web.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static sift.web.sync.SyncClient.p;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import sift.ingest.testing.Fixtures;
import sift.store.DbSettings;
import sift.store.sync.Selection;
import sift.store.sync.SyncStore;
import sift.web.TestApp;
import sift.web.XssBrowserIT;
import sift.web.auth.LoginBrowserIT;

/**
 * Labels are text an app sends, and the post page shows them to their reader: every payload of the public XSS
 * corpus that fits a label (200 characters) is set as a label through the Google Reader API, and the post page
 * runs none of them in Chromium and shows each as text.
 */
class SyncLabelsBrowserIT {
    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path dir;

    @Test
    void labelsSetByAnAppAreShownAsTextAndRunNothing() throws Exception {
        LoginBrowserIT.needsChromiumAndItsDriver();
        List<String> payloads = Files.readAllLines(Fixtures.shared("corpora/xss/payloads.txt")).stream()
                .map(String::strip)
                .filter(p -> !p.isEmpty() && p.length() <= 200 && p.chars().noneMatch(Character::isISOControl))
                .filter(p -> !p.toLowerCase(java.util.Locale.ROOT).startsWith("sift/"))
                .distinct()
                .toList();
        assertThat(payloads).hasSizeGreaterThan(300);
        try (TestApp app = TestApp.startDemo(dir.resolve("data"), PASSWORD, DbSettings.embedded(dir.resolve("data")))) {
            app.awaitQuiet();
            long admin = app.server.db().users().find("admin").orElseThrow().id();
            String password =
                    app.server.db().apiTokens().createAppPassword(admin, "admin", "hostile app", Instant.now());
            SyncClient client = new SyncClient(app.url(""));
            assertThat(client.clientLogin("admin", password).statusCode()).isEqualTo(200);
            long post = app.server
                    .db()
                    .sync()
                    .page(admin, Selection.ALL, SyncStore.Order.NEWEST, null, 1)
                    .get(0)
                    .id();
            List<SyncClient.Param> form = new ArrayList<>();
            form.add(p("i", post));
            payloads.forEach(payload -> form.add(p("a", "user/-/label/" + payload)));
            assertThat(client.write("edit-tag", form.toArray(SyncClient.Param[]::new))
                            .body())
                    .isEqualTo("OK");
            assertThat(app.server.db().sync().labels(admin, post)).hasSameSizeAs(payloads);

            WebDriver browser = LoginBrowserIT.chromium(dir.resolve("profile"));
            try {
                String page = "/posts/" + post;
                String title =
                        app.server.db().postQueries().find(post).orElseThrow().title() + " · Sift";
                LoginBrowserIT.signInAsAdmin(browser, app, PASSWORD, page, title);
                XssBrowserIT.assertNothingRan(browser, page);
                LoginBrowserIT.screenshot(browser, "post-labels.png");
                browser.manage().window().setSize(new Dimension(390, 844));
                LoginBrowserIT.screenshot(browser, "post-labels-phone.png");
                assertThat(((Number) ((JavascriptExecutor) browser)
                                        .executeScript("return document.documentElement.scrollWidth"))
                                .intValue())
                        .as("long labels wrap within the phone's width")
                        .isLessThanOrEqualTo(390);
                List<String> shown = browser.findElements(By.cssSelector(".your-labels .your-label")).stream()
                        .map(WebElement::getText)
                        .toList();
                assertThat(shown).hasSameSizeAs(payloads);
                assertThat(shown).contains(payloads.get(0), payloads.get(payloads.size() - 1));
            } finally {
                browser.quit();
            }
        }
    }
}
