package sift.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import sift.ingest.testing.FixtureServer;
import sift.web.auth.LoginBrowserIT;

/**
 * A transcript is feed content too: its words and speakers, entity-escaped markup, tags of every kind and characters
 * XML cannot hold included,
 * reach the search page, the episode's list of spoken claims, the digest's hype watch, the re-exported feeds (and
 * the JSON API) as text.
 * Headless Chromium opens each and finds nothing planted: no element, no script run, no dialog.
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

                00:00:13.000 --> 00:00:18.000
                <v Mallory &lt;/q&gt;&lt;img src=x onerror=alert(6)&gt;>Honestly, our revolutionary AI &lt;/q&gt;&lt;img src=x onerror=alert(7)&gt; will replace the entire NOC and never makes a mistake.\u0007\u0000\uFFFF
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

    /** The elements in {@code scope} that only markup of the transcript could have made. */
    private static List<?> planted(WebDriver browser, String scope) {
        return (List<?>) ((JavascriptExecutor) browser)
                .executeScript(
                        "return Array.from(document.querySelectorAll(arguments[0].split(',').map(s => arguments[1]"
                                + " + ' ' + s).join(', '))).map(e => e.outerHTML.slice(0, 120));",
                        PLANTED,
                        scope);
    }

    @Test
    void wordsAndSpeakersOfAHostileTranscriptReachThePagesAsText() throws Exception {
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
                    assertThat(planted(browser, ".results"))
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

                    long id =
                            app.server.db().postQueries().river(1, null).get(0).id();
                    browser.get(app.url("/posts/" + id));
                    assertThat(planted(browser, "section.spoken"))
                            .as("planted in the spoken claims")
                            .isEmpty();
                    assertThat(browser.findElement(By.cssSelector("section.spoken .said-hype"))
                                    .getText())
                            .contains("Mallory </q><img src=x onerror=alert(6)>")
                            .contains("our revolutionary AI </q><img src=x onerror=alert(7)> will replace");
                    assertThat(browser.getTitle()).doesNotContain("owned");
                    LoginBrowserIT.screenshot(browser, "hostile-transcript-episode.png");

                    browser.get(app.url("/digest/2026-12-04"));
                    assertThat(planted(browser, ".hype-watch"))
                            .as("planted in the hype watch")
                            .isEmpty();
                    assertThat(browser.findElement(By.cssSelector(".hype-watch .claim"))
                                    .getText())
                            .contains("our revolutionary AI </q><img src=x onerror=alert(7)> will replace")
                            .contains("said at 0:13 by Mallory </q><img src=x onerror=alert(6)>");

                    // feed readers show the re-exported content: the spoken claims in it are text as well
                    Document rss = Jsoup.parse(app.get("/feeds/posts.rss").body(), "", Parser.xmlParser());
                    Document content = Jsoup.parseBodyFragment(
                            rss.select("item > content|encoded").first().text());
                    assertThat(content.select("section.sift-spoken li").text())
                            .contains("our revolutionary AI </q><img src=x onerror=alert(7)> will replace");
                    assertThat(content.select("section.sift-spoken img, section.sift-spoken script"))
                            .isEmpty();
                } finally {
                    browser.quit();
                }
            }
        }
    }
}
