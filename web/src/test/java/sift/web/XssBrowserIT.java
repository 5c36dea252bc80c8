package sift.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import sift.ingest.testing.FixtureServer;
import sift.ingest.testing.Fixtures;
import sift.web.auth.LoginBrowserIT;

/**
 * Hostile feeds in a real browser: every payload of {@code ../shared/corpora/xss/} goes into the titles,
 * authors, categories and content of a feed that Sift ingests over loopback; then headless Chromium opens
 * every river page, post page and a search for each payload, and no script may run (no alert, prompt or
 * confirm; the page's own marker untouched).
 */
public class XssBrowserIT {
    private static final int PER_ITEM = 10;

    @TempDir
    Path dir;

    @Test
    void noPayloadRunsAScriptOnAnyPage() throws Exception {
        LoginBrowserIT.needsChromiumAndItsDriver();
        List<String> payloads = Files.readAllLines(Fixtures.shared("corpora/xss/payloads.txt")).stream()
                .filter(p -> !p.isBlank())
                .toList();
        assertThat(payloads).hasSizeGreaterThan(500);
        int items = (payloads.size() + PER_ITEM - 1) / PER_ITEM;
        try (FixtureServer origin = new FixtureServer()) {
            origin.route(
                    "/hostile.xml",
                    FixtureServer.Route.ok("application/rss+xml", feed(payloads).getBytes(StandardCharsets.UTF_8)));
            try (TestApp app = TestApp.start(dir.resolve("data"), List.of(origin.url("/hostile.xml")), true)) {
                app.awaitPosts(items);
                assertThat(app.server.db().postChanges().count())
                        .as("every hostile item stored")
                        .isEqualTo(items);
                WebDriver browser = LoginBrowserIT.chromium(dir.resolve("profile"));
                try {
                    // the control: a page whose script does run is caught
                    browser.get("data:text/html,<script>alert('control')</script>");
                    assertThatThrownBy(() -> assertNothingRan(browser, "the control page"))
                            .hasMessageContaining("dialog saying 'control'");
                    List<String> pages = new ArrayList<>();
                    String next = app.url("/");
                    while (next != null) {
                        browser.get(next);
                        assertNothingRan(browser, next);
                        for (WebElement a : browser.findElements(By.cssSelector(".entry h2 a"))) {
                            pages.add(a.getAttribute("href"));
                        }
                        List<WebElement> older = browser.findElements(By.cssSelector("a[rel=next]"));
                        next = older.isEmpty() ? null : older.get(0).getAttribute("href");
                    }
                    assertThat(pages).hasSize(items);
                    for (String page : pages) {
                        browser.get(page);
                        assertNothingRan(browser, page);
                    }
                    for (int i = 0; i < payloads.size(); i += 25) {
                        String url = app.url("/search?q=" + URLEncoder.encode(payloads.get(i), StandardCharsets.UTF_8));
                        browser.get(url);
                        assertNothingRan(browser, url);
                    }
                } finally {
                    browser.quit();
                }
            }
        }
    }

    /** No dialog opened, no error the page's own code did not expect: a payload that ran leaves one or the other. */
    public static void assertNothingRan(WebDriver browser, String url) {
        try {
            Alert alert = browser.switchTo().alert();
            String text = alert.getText();
            alert.accept();
            fail("a script ran on " + url + ": it opened a dialog saying '" + text + "'");
        } catch (NoAlertPresentException expected) {
            // nothing ran
        }
        for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()
                    && e.getMessage().contains("Uncaught")) {
                fail("a script ran on " + url + " and failed: " + e.getMessage());
            }
        }
    }

    /** An RSS feed whose items carry the payloads in their title, author, category and HTML content. */
    private static String feed(List<String> payloads) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" "
                + "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "
                + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>Hostile</title>"
                + "<link>https://hostile.example/</link><description>XSS payloads</description>");
        for (int i = 0; i * PER_ITEM < payloads.size(); i++) {
            List<String> mine = payloads.subList(i * PER_ITEM, Math.min(payloads.size(), (i + 1) * PER_ITEM));
            xml.append("<item><guid isPermaLink=\"false\">hostile-")
                    .append(i)
                    .append("</guid>")
                    .append("<title>")
                    .append(escape(i + " " + mine.get(0)))
                    .append("</title>")
                    .append("<link>https://hostile.example/")
                    .append(i)
                    .append("</link>")
                    .append("<dc:creator>")
                    .append(escape(mine.get(mine.size() - 1)))
                    .append("</dc:creator>")
                    .append("<category>")
                    .append(escape(mine.get(mine.size() / 2)))
                    .append("</category>")
                    .append("<pubDate>Thu, 26 Nov 2026 12:00:00 GMT</pubDate>")
                    .append("<content:encoded>")
                    .append(escape(String.join("<br>", mine)))
                    .append("</content:encoded>")
                    .append("</item>");
        }
        return xml.append("</channel></rss>").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
