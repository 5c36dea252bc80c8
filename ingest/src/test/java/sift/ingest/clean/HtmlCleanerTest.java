package sift.ingest.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import sift.ingest.testing.Fixtures;

class HtmlCleanerTest {
    private final HtmlCleaner cleaner = new HtmlCleaner();

    @Test
    void removesScriptsAndEventHandlersButKeepsTheText() {
        CleanHtml clean = cleaner.clean(
                "<p onclick=\"steal()\">Hello <b>BGP</b></p><script>alert(1)</script><img src=x onerror=alert(1)>",
                "https://blog.example/post/");
        assertThat(clean.html()).doesNotContain("script", "onclick", "onerror", "alert");
        assertThat(clean.html()).contains("<b>BGP</b>");
        assertThat(clean.text()).isEqualTo("Hello BGP");
    }

    @Test
    void resolvesRelativeUrlsAndSendsNoReferrer() {
        CleanHtml clean = cleaner.clean(
                "<a href=\"/bgp/\">BGP</a> <img src=\"img/fabric.png\" alt=\"fabric\">", "https://blog.example/post/");
        assertThat(clean.html())
                .contains("href=\"https://blog.example/bgp/\"")
                .contains("rel=\"nofollow noopener noreferrer\"")
                .contains("src=\"https://blog.example/post/img/fabric.png\"");
    }

    @Test
    void dropsJavascriptAndDataUrls() {
        CleanHtml clean = cleaner.clean(
                "<a href=\"javascript:alert(1)\">x</a><img src=\"data:image/svg+xml,<svg onload=alert(1)>\">", null);
        assertThat(clean.html()).doesNotContain("javascript", "data:", "onload");
    }

    @Test
    void keepsCodeBlocksAndFigures() {
        String html = "<figure><pre><code class=\"language-text\">router bgp 65000</code></pre>"
                + "<figcaption>BGP config</figcaption></figure>";
        assertThat(cleaner.clean(html, null).html()).isEqualTo(html);
    }

    @Test
    void leavesNothingExecutableFromAnyPayloadOfTheXssCorpus() throws Exception {
        List<String> payloads = Files.readAllLines(Fixtures.shared("corpora/xss/payloads.txt"));
        assertThat(payloads).hasSizeGreaterThan(500);
        for (String payload : payloads) {
            String html = cleaner.clean("<p>" + payload + "</p>", "https://blog.example/").html();
            for (Element e : Jsoup.parseBodyFragment(html).body().getAllElements()) {
                assertThat(e.tagName())
                        .as("payload %s", payload)
                        .isNotIn("script", "iframe", "object", "embed", "svg", "style", "form", "input", "base", "meta");
                for (Attribute a : e.attributes()) {
                    assertThat(a.getKey()).as("payload %s", payload).doesNotStartWith("on").isNotEqualTo("style");
                    if (a.getKey().equals("href") || a.getKey().equals("src")) {
                        assertThat(a.getValue()).as("payload %s", payload).matches("(?i)(https?://|mailto:|ftp://).*");
                    }
                }
            }
        }
    }

    @Test
    void summarisesAtAWordBoundary() {
        CleanHtml content = new CleanHtml("", "word ".repeat(100).strip());
        String summary = cleaner.summary(CleanHtml.EMPTY, content);
        assertThat(summary).hasSizeLessThanOrEqualTo(281).endsWith("word…");
        assertThat(cleaner.summary(new CleanHtml("<p>Short.</p>", "Short."), content)).isEqualTo("Short.");
        String cutAfterAStop = "word ".repeat(55) + "end. tailtailtail more";
        assertThat(cleaner.summary(CleanHtml.EMPTY, new CleanHtml("", cutAfterAStop))).endsWith(" end…");
    }

    @Test
    void keepsHeadingsAndListItemsAsLinesOfTheText() {
        CleanHtml release = cleaner.clean("<h2>Breaking changes</h2><ul><li>Renamed <code>routing.policy</code></li>"
                + "<li>Dropped Python 3.9</li></ul><p>Upgrade   with\n pip.</p>", null);
        assertThat(release.text()).isEqualTo("Breaking changes\nRenamed routing.policy\nDropped Python 3.9\nUpgrade with pip.");
        assertThat(cleaner.summary(CleanHtml.EMPTY, release))
                .isEqualTo("Breaking changes. Renamed routing.policy. Dropped Python 3.9. Upgrade with pip.");
    }

    @Test
    void decodesEntitiesInPlainText() {
        assertThat(cleaner.plainText("Stretched VLANs &amp; <em>AI</em>")).isEqualTo("Stretched VLANs & AI");
        assertThat(cleaner.plainText("  ")).isNull();
    }
}
