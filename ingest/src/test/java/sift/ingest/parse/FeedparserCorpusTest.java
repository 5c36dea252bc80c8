package sift.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import sift.ingest.clean.CleanEntry;
import sift.ingest.clean.HtmlCleaner;
import sift.ingest.testing.Fixtures;

/**
 * Every file of the Universal Feed Parser's corpus (2,100 feeds, 745 of them sanitiser attacks) parses without
 * an exception escaping, and nothing Sift would store or show from it carries markup that runs. The conformance
 * figure itself is bench/feedparser-conformance.sh's (docs/BENCHMARKS.md).
 */
class FeedparserCorpusTest {
    private final FeedParser parser = new FeedParser();
    private final HtmlCleaner cleaner = new HtmlCleaner();

    @Test
    void leavesNothingThatRunsInAnyTitleSummaryOrContent() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Fixtures.shared("corpora/feedparser"))) {
            files = walk.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(2000);
        int parsed = 0;
        for (Path file : files) {
            ParsedFeed feed;
            try {
                feed = parser.parse(Files.readAllBytes(file), null);
            } catch (FeedParseException e) {
                assertThat(e.getMessage()).as(file.toString()).isNotBlank();
                continue;
            }
            parsed++;
            assertSafe(file, cleaner.titleHtml(feed.title(), null));
            for (ParsedEntry entry : feed.entries()) {
                CleanEntry clean = cleaner.entry(entry, null);
                assertSafe(file, clean.summary().html());
                assertSafe(file, clean.content().html());
                assertSafe(file, cleaner.titleHtml(entry.title(), entry.link()));
                if (entry.link() != null) {
                    assertThat(entry.link()).as(file.toString()).doesNotStartWithIgnoringCase("javascript:");
                }
            }
        }
        assertThat(parsed).as("files read as feeds").isGreaterThan(2000);
    }

    private static void assertSafe(Path file, String html) {
        if (html == null || html.isEmpty()) {
            return;
        }
        for (Element e : Jsoup.parseBodyFragment(html).body().getAllElements()) {
            assertThat(e.normalName())
                    .as("%s: %s", file, html)
                    .isNotIn(
                            "script",
                            "object",
                            "embed",
                            "style",
                            "form",
                            "input",
                            "base",
                            "meta",
                            "link",
                            "frame",
                            "frameset",
                            "applet",
                            "animate",
                            "set",
                            "use",
                            "foreignobject",
                            "image");
            if (e.normalName().equals("iframe")) {
                assertThat(e.attr("sandbox")).as("%s: %s", file, html).isNotEmpty();
            }
            for (Attribute a : e.attributes()) {
                String key = a.getKey().toLowerCase();
                assertThat(key).as("%s: %s", file, html).doesNotStartWith("on").isNotEqualTo("style");
                if (key.equals("href") || key.equals("src") || key.endsWith(":href") || key.equals("action")) {
                    assertThat(a.getValue().strip())
                            .as("%s: %s", file, html)
                            .matches("(?i)(https?:|mailto:|ftp:|#|/|[^:]*$).*");
                }
            }
        }
    }
}
