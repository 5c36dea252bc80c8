package sift.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import sift.ingest.testing.FixtureServer;
import sift.web.auth.LoginBrowserIT;

/**
 * A transcript is feed content too: its words and speakers, entity-escaped markup and tags of every kind included,
 * reach the search page (and the JSON API) as text. Headless Chromium opens the results for a word said in it and
 * finds nothing planted: no element, no script run, no dialog.
 */
class HostileTranscriptBrowserIT {
    private static final String PLANTED =
            "script, img, iframe, object, embed, svg, math, form, input, base, meta, link,"
                    + " style, video, audio:not(.player), a[href^='javascript'], [onerror], [onload], [onclick]";

    @TempDir
    Path dir;

    private static String transcript() {
        return """
                WEBVTT

                00:00:01.000 --> 00:00:04.000
                <v <img src=x onerror="document.title='owned'">>Zebrafish &lt;img src=x onerror=alert(1)&gt; one.

                00:00:05.000 --> 00:00:08.000
                <v Mallory &lt;script&gt;alert(2)&lt;/script&gt;>Zebrafish <script>alert(3)</script> two &amp;lt;b&amp;gt;.

                00:00:09.000 --> 00:00:12.000
                <v Eve>Zebrafish &lt;/mark&gt;&lt;iframe src=javascript:alert(4)&gt; three &lt;svg onload=alert(5)&gt;.
                """;
    }

    private static String feed(String transcriptUrl) {
        return """
                <rss version="2.0" xmlns:podcast="https://podcastindex.org/namespace/1.0"><channel>
                <title>Hostile Hour</title><link>https://hostile.example/</link>
                <item><title>HH1: Said, not written</title><guid>hh1</guid>
                <pubDate>Thu, 03 Dec 2026 12:00:00 GMT</pubDate>
                <enclosure url="https://hostile.example/1.mp3" length="1000" type="audio/mpeg"/>
                <podcast:transcript url="%s" type="text/vtt"/>
                <description>An episode about nothing in particular.</description></item>
                </channel></rss>""".formatted(transcriptUrl);
    }

    @Test
    void wordsAndSpeakersOfAHostileTranscriptReachTheSearchPageAsText() throws Exception {
        LoginBrowserIT.needsChromiumAndItsDriver();
        try (FixtureServer origin = new FixtureServer()) {
            origin.route(
                    "/hh1.vtt", FixtureServer.Route.ok("text/vtt", transcript().getBytes(StandardCharsets.UTF_8)));
            origin.route(
                    "/hostile-show.xml",
                    FixtureServer.Route.ok(
                            "application/rss+xml", feed(origin.url("/hh1.vtt")).getBytes(StandardCharsets.UTF_8)));
            try (TestApp app = TestApp.start(dir.resolve("data"), List.of(origin.url("/hostile-show.xml")), true)) {
                app.awaitPosts(1);
                app.server.search().catchUp();
                WebDriver browser = LoginBrowserIT.chromium(dir.resolve("profile"));
                try {
                    String url = app.url("/search?q=zebrafish");
                    browser.get(url);
                    Thread.sleep(500);
                    assertThat(browser.getCurrentUrl()).isEqualTo(url);
                    assertThat(browser.getTitle()).doesNotContain("owned");
                    assertThat(browser.findElements(By.cssSelector(".results article")))
                            .hasSize(1);
                    Object planted = ((JavascriptExecutor) browser)
                            .executeScript(
                                    "return Array.from(document.querySelectorAll('.results ' + arguments[0].split(',')"
                                            + ".join(', .results '))).map(e => e.outerHTML.slice(0, 120));",
                                    PLANTED);
                    assertThat((List<?>) planted)
                            .as("elements planted by the transcript")
                            .isEmpty();
                    String summary = browser.findElement(By.cssSelector(".results .summary"))
                            .getText();
                    assertThat(summary)
                            .as("the cue as text, its speaker's markup as text")
                            .startsWith("said at 0:01 by")
                            .contains("Zebrafish <img src=x onerror=alert(1)> one.");
                    assertThat(browser.findElements(By.cssSelector(".results .summary mark")))
                            .extracting(e -> e.getText())
                            .containsExactly("Zebrafish");
                    LoginBrowserIT.screenshot(browser, "hostile-transcript-search.png");
                } finally {
                    browser.quit();
                }
            }
        }
    }
}
