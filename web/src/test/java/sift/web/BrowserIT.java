package sift.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo reader as headless Chromium renders it. */
class BrowserIT {
    @TempDir
    Path dir;

    @BeforeAll
    static void needsChromium() {
        Chromium.assumeInstalled();
    }

    @Test
    void theRiverAndAnEpisodeRenderInARealBrowser() throws Exception {
        try (TestApp app = TestApp.startDemo(dir.resolve("data"))) {
            app.awaitPosts(65);
            Chromium chromium = new Chromium(dir.resolve("profile"));

            Document river = Jsoup.parse(chromium.dumpDom(app.url("/")), app.url("/"));
            assertThat(river.title()).isEqualTo("River · Sift");
            assertThat(river.select("article")).hasSize(50);
            assertThat(river.select("article .kind"))
                    .extracting(e -> e.text())
                    .contains("podcast", "release", "incident");

            String episodeUrl = river.select("article:has(.kind:contains(podcast)) h2 a")
                    .first()
                    .absUrl("href");
            Document episode = Jsoup.parse(chromium.dumpDom(episodeUrl), episodeUrl);
            assertThat(episode.select("audio[controls]").attr("src"))
                    .matches("http://127\\.0\\.0\\.1:\\d+/demo/media/cph\\d+\\.mp3");
            assertThat(episode.select(".content li")).isNotEmpty();

            Path png = dir.resolve("river.png");
            chromium.screenshot(app.url("/"), png);
            assertThat(Files.size(png)).isGreaterThan(20_000);

            String hypeUrl = river.select("article:has(.stance-hype) h2 a:contains(NetPilot)")
                    .first()
                    .absUrl("href");
            Document hype = Jsoup.parse(chromium.dumpDom(hypeUrl), hypeUrl);
            assertThat(hype.select("p.stance").text()).startsWith("Hype-laden AI claims");
            assertThat(hype.select(".content mark.claim[tabindex=0][data-why]")).hasSizeGreaterThanOrEqualTo(2);
            Path claims = Path.of("target", "screenshots", "post-with-flagged-claims.png");
            Files.createDirectories(claims.getParent());
            chromium.screenshot(hypeUrl, claims);
            assertThat(Files.size(claims)).isGreaterThan(20_000);
        }
    }
}
