package sift.ingest.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import sift.ingest.parse.FeedParser;
import sift.ingest.parse.ParsedEntry;
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
    void keepsTheFallbackOfAnObjectButNotTheObject() {
        CleanHtml clean = cleaner.clean(
                "safe<object classid=\"clsid:C932BA85\"><param name=movie value=x.swf> "
                        + "<b>description</b></object> and after",
                "https://blog.example/post/");
        assertThat(clean.html()).doesNotContain("object", "param", "x.swf").contains("<b>description</b>");
        assertThat(clean.text()).isEqualTo("safe description and after");
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
            String html = cleaner.clean("<p>" + payload + "</p>", "https://blog.example/")
                    .html();
            for (Element e : Jsoup.parseBodyFragment(html).body().getAllElements()) {
                assertThat(e.tagName())
                        .as("payload %s", payload)
                        .isNotIn(
                                "script",
                                "object",
                                "embed",
                                "style",
                                "form",
                                "input",
                                "base",
                                "meta",
                                "animate",
                                "set",
                                "use",
                                "foreignobject",
                                "image",
                                "handler",
                                "listener");
                if (e.tagName().equals("iframe")) {
                    assertThat(e.attr("src")).as("payload %s", payload).startsWith("https://www.youtube.com/embed/");
                    assertThat(e.attr("sandbox")).as("payload %s", payload).doesNotContain("allow-top-navigation");
                }
                for (Attribute a : e.attributes()) {
                    assertThat(a.getKey())
                            .as("payload %s", payload)
                            .doesNotStartWith("on")
                            .isNotEqualTo("style");
                    if (a.getKey().equals("href")
                            || a.getKey().equals("src")
                            || a.getKey().equals("xlink:href")) {
                        assertThat(a.getValue()).as("payload %s", payload).matches("(?i)(https?://|mailto:|ftp://).*");
                    }
                }
            }
        }
    }

    @Test
    void keepsSandboxedVideoPlayersOnlyAndDropsTrackingPixelsAndParameters() {
        String html = cleaner.clean(
                        "<iframe src=\"https://www.youtube.com/embed/abc123\" width=\"560\"></iframe>"
                                + "<iframe src=\"https://evil.example/frame\"></iframe>"
                                + "<img src=\"https://stats.example/pixel.gif\" width=\"1\" height=\"1\">"
                                + "<img src=\"https://blog.example/fabric.png\" width=\"640\" height=\"1\">"
                                + "<a href=\"https://blog.example/post?id=7&utm_source=rss&utm_medium=feed#part\">post</a>",
                        null)
                .html();
        Element body = Jsoup.parseBodyFragment(html).body();
        assertThat(body.select("iframe")).singleElement().satisfies(frame -> {
            assertThat(frame.attr("src")).isEqualTo("https://www.youtube.com/embed/abc123");
            assertThat(frame.attr("sandbox")).isEqualTo("allow-scripts allow-same-origin allow-presentation");
        });
        assertThat(body.select("img"))
                .extracting(e -> e.attr("src"))
                .containsExactly("https://blog.example/fabric.png");
        assertThat(body.select("a").attr("href")).isEqualTo("https://blog.example/post?id=7#part");
    }

    @Test
    void keepsTheDrawingOfInlineSvgAndMathMlButNothingThatRuns() {
        String html = cleaner.clean(
                        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"300\" onload=\"alert(1)\">"
                                + "<circle cx=\"150\" cy=\"100\" r=\"50\" fill=\"#f00\"/><script>alert(2)</script>"
                                + "<animate attributeName=\"href\" to=\"javascript:alert(3)\"/><use href=\"data:x\"/>"
                                + "<a xlink:href=\"javascript:alert(4)\"><text>x</text></a></svg>"
                                + "<math><mrow><mi>a</mi><mo>+</mo><mi>b</mi></mrow></math>",
                        null)
                .html();
        assertThat(html)
                .contains("<circle", "r=\"50\"", "<mi>a</mi>")
                .doesNotContain("onload", "script", "animate", "<use", "javascript", "alert");
    }

    @Test
    void summarisesAtAWordBoundary() {
        CleanHtml content = new CleanHtml("", "word ".repeat(100).strip());
        String summary = cleaner.summary(CleanHtml.EMPTY, content);
        assertThat(summary).hasSizeLessThanOrEqualTo(281).endsWith("word…");
        assertThat(cleaner.summary(new CleanHtml("<p>Short.</p>", "Short."), content))
                .isEqualTo("Short.");
        String cutAfterAStop = "word ".repeat(55) + "end. tailtailtail more";
        assertThat(cleaner.summary(CleanHtml.EMPTY, new CleanHtml("", cutAfterAStop)))
                .endsWith(" end…");
    }

    @Test
    void keepsHeadingsAndListItemsAsLinesOfTheText() {
        CleanHtml release = cleaner.clean(
                "<h2>Breaking changes</h2><ul><li>Renamed <code>routing.policy</code></li>"
                        + "<li>Dropped Python 3.9</li></ul><p>Upgrade   with\n pip.</p>",
                null);
        assertThat(release.text())
                .isEqualTo("Breaking changes\nRenamed routing.policy\nDropped Python 3.9\nUpgrade with pip.");
        assertThat(cleaner.summary(CleanHtml.EMPTY, release))
                .isEqualTo("Breaking changes. Renamed routing.policy. Dropped Python 3.9. Upgrade with pip.");
    }

    @Test
    void decodesEntitiesInPlainText() {
        assertThat(cleaner.plainText("Stretched VLANs &amp; <em>AI</em>")).isEqualTo("Stretched VLANs & AI");
        assertThat(cleaner.plainText("  ")).isNull();
    }

    @Nested
    class NamespaceConfusion {
        @Test
        void issue20StoresTheIssuesPayloadWithoutTheMetaRefreshItHid() {
            String html = cleaner.clean(
                            "<svg><foreignObject><iframe src=\"https://www.youtube.com/embed/x\"><p>"
                                    + "<meta http-equiv=refresh content=\"0;url=https://evil.example/\"></iframe></foreignObject></svg>",
                            "https://blog.example/")
                    .html();
            assertThat(html).isEqualTo("<svg></svg>");
        }

        @Test
        void issue20KeepsAVideoPlayerEmptyWhateverItsBodyHeld() {
            String html = cleaner.clean(
                            "<iframe src=\"https://www.youtube.com/embed/abc\"><p>No video?</p>"
                                    + "<meta http-equiv=refresh content=0></iframe>",
                            null)
                    .html();
            assertThat(html)
                    .isEqualTo("<iframe loading=\"lazy\" sandbox=\"allow-scripts allow-same-origin "
                            + "allow-presentation\" src=\"https://www.youtube.com/embed/abc\"></iframe>");
        }

        @Test
        void issue20KeepsOnlyTheTextOfSvgTitlesAndMathMlTokens() {
            String html = cleaner.clean(
                            "<svg><title><b>Leaf</b> and <form><input></form>spine</title></svg>"
                                    + "<math><mtext><i>for</i> <button>all</button></mtext></math>",
                            null)
                    .html();
            assertThat(html).isEqualTo("<svg><title>Leaf and spine</title></svg><math><mtext>for all</mtext></math>");
        }

        @Test
        void issue20KeepsNoSvgOrMathMlNameOutsideItsNamespaceNorHtmlInsideIt() {
            String html = cleaner.clean("<circle r=\"5\">not a drawing</circle><svg><mi>x</mi><rect/></svg>", null)
                    .html();
            assertThat(html).isEqualTo("not a drawing<svg><rect></rect></svg>");
        }
    }

    @Nested
    class FixedPoint {
        @Test
        void issue20FallsBackToEscapedTextThatIsAFixedPointItself() {
            CleanHtml plain = HtmlCleaner.plain("if a < b && c\nthen <script>");
            assertThat(plain.html()).isEqualTo("if a &lt; b &amp;&amp; c<br>then &lt;script&gt;");
            assertThat(cleaner.clean(plain.html(), null)).isEqualTo(plain);
        }

        @Test
        void issue20WritesNestedLinksAndTextInTablesAsABrowserReadsThem() {
            String html = cleaner.clean(
                            "<a href=\"https://a.example/\"><table><a href=\"https://b.example/\">b</a>"
                                    + "text</table></a>",
                            null)
                    .html();
            assertThat(html)
                    .isEqualTo(
                            "<a href=\"https://a.example/\" rel=\"nofollow noopener noreferrer\"></a>"
                                    + "<a href=\"https://b.example/\" rel=\"nofollow noopener noreferrer\">b</a>text<table></table>");
            assertThat(CleanOutput.problems(cleaner, html)).isEmpty();
        }
    }

    @Nested
    class LengthLimit {
        private static final String HUGE_POST = hugePost();
        private static final String HUGE_POST_CLEANED =
                new HtmlCleaner().clean(HUGE_POST, "https://blog.example/").html();

        /** A post of nested links, paragraphs and bold text, unclosed, of about 3 MB. */
        private static String hugePost() {
            StringBuilder post = new StringBuilder();
            for (int i = 0; post.length() < 3_000_000; i++) {
                post.append("<p>Part ")
                        .append(i)
                        .append(" <a href=\"https://blog.example/")
                        .append(i)
                        .append("\">link ")
                        .append(i)
                        .append(" <b>bold ")
                        .append(i)
                        .append(" <div>nested <a href=\"/deeper\">deeper ");
            }
            return post.toString();
        }

        @Test
        void issue20CutsAHugePostAtATagBoundaryBelowTheStoresLimit() {
            String html = HUGE_POST_CLEANED;

            assertThat(HtmlCleaner.MAX_HTML_CHARS).isLessThanOrEqualTo(1_000_000); // what PostStore keeps of a post
            assertThat(html.length())
                    .isLessThanOrEqualTo(HtmlCleaner.MAX_HTML_CHARS)
                    .isGreaterThan(800_000);
            Document reparsed = Jsoup.parseBodyFragment(html);
            reparsed.outputSettings().prettyPrint(false);
            assertThat(reparsed.body().html())
                    .as("well formed: re-parsed and written back unchanged")
                    .isEqualTo(html);
            String start = cleaner.clean(HUGE_POST.substring(0, 20_000), "https://blog.example/")
                    .html();
            assertThat(html).startsWith(start.substring(0, 10_000));
        }

        @Test
        void issue20LeavesNothingOpenToSwallowWhatAPageShowsAfterThePost() {
            BrowserParse.Element body =
                    BrowserParse.body("<article>" + HUGE_POST_CLEANED + "</article><p>after the post</p>");
            assertThat(body.children()).hasSize(2).last().satisfies(after -> {
                assertThat(after).isInstanceOf(BrowserParse.Element.class);
                assertThat(((BrowserParse.Element) after).children()).containsExactly("after the post");
            });
        }

        @Test
        void cutsALongTextBetweenCharactersNeverInsideOne() {
            String text = "<p>" + "BGP \uD83D\uDE80 & ".repeat(200_000) + "</p>";
            String html = cleaner.clean(text, null).html();
            assertThat(html.length()).isLessThanOrEqualTo(HtmlCleaner.MAX_HTML_CHARS);
            assertThat(html).startsWith("<p>BGP \uD83D\uDE80 &amp; ").endsWith("</p>");
            String inner = html.substring(3, html.length() - 4);
            assertThat(Character.isHighSurrogate(inner.charAt(inner.length() - 1)))
                    .isFalse();
            assertThat(inner).doesNotEndWith("&amp").doesNotEndWith("&");
        }
    }

    @Nested
    class TextThatLooksLikeMarkup {
        @Test
        void issue20KeepsADescriptionThatSaysDoctypeAsText() throws Exception {
            List<ParsedEntry> entries = new FeedParser()
                    .parse(Fixtures.bytes("parse/webdev-doctype-descriptions.xml"), null)
                    .entries();
            List<CleanEntry> clean = entries.stream()
                    .map(e -> cleaner.entry(e, "https://webdev.example/"))
                    .toList();

            assertThat(clean.get(0).content().text()).isEqualTo("<!DOCTYPE html> is the first line of every page");
            assertThat(clean.get(0).content().html())
                    .isEqualTo("&lt;!DOCTYPE html&gt; is the first line of every page");
            assertThat(clean.get(1).content().text()).isEqualTo("<!DOCTYPE html> is the first line of every page");
            assertThat(clean.get(2).content().text()).isEqualTo("<!DOCTYPE");
        }

        @Test
        void dropsTheDoctypeOfAWholePageGivenAsContent() throws Exception {
            ParsedEntry page = new FeedParser()
                    .parse(Fixtures.bytes("parse/webdev-doctype-descriptions.xml"), null)
                    .entries()
                    .get(3);
            assertThat(cleaner.entry(page, "https://webdev.example/").content().html())
                    .isEqualTo("<p>The page's own text.</p>");
        }

        @Test
        void keepsADoctypeInAnHtmlTitleAsText() {
            // an Atom title type="html" of "Why &lt;!DOCTYPE html&gt; matters"
            assertThat(cleaner.plainText("Why <!DOCTYPE html> matters")).isEqualTo("Why <!DOCTYPE html> matters");
        }
    }
}
