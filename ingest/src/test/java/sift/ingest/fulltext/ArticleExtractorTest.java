package sift.ingest.fulltext;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import sift.ingest.testing.Fixtures;

class ArticleExtractorTest {
    private final ArticleExtractor extractor = new ArticleExtractor();

    private static Document page() {
        return Jsoup.parse(Fixtures.text("fulltext/article.html"), "https://fabric.example/2026/11/evpn-mtu/");
    }

    @Test
    void findsTheArticleAndLeavesThePageFurnitureBehind() {
        ArticleExtractor.Extracted found = extractor.extract(page(), null);

        assertThat(found.problem()).isNull();
        String text = Jsoup.parse(found.html()).text();
        assertThat(text)
                .contains(
                        "replication jobs stalled at random",
                        "What we measured",
                        "Leaf to leaf, same site",
                        "ip tcp adjust-mss 1360",
                        "write the number into the acceptance sheet")
                .doesNotContain(
                        "Consulting, training",
                        "We use cookies",
                        "Recent posts",
                        "field guide to BGP",
                        "Great write-up",
                        "Copyright 2026",
                        "Share");
        assertThat(found.html()).doesNotContain("<script", "<style", "<nav", "<aside", "<button");
    }

    @Test
    void aSelectorOverridesTheScoring() {
        ArticleExtractor.Extracted found = extractor.extract(page(), "section#comments .comment");

        assertThat(Jsoup.parse(found.html()).text())
                .contains("Great write-up", "smaller inner MTU")
                .doesNotContain("replication jobs");
    }

    @Test
    void aSelectorThatSelectsNothingOrIsNoSelectorSaysSo() {
        assertThat(extractor.extract(page(), "div.no-such-class").problem())
                .isEqualTo("the CSS selector 'div.no-such-class' selects nothing on the page");
        assertThat(extractor.extract(page(), "div[").problem()).startsWith("the CSS selector 'div[' is not valid");
        assertThat(FullText.selectorProblem("div[")).startsWith("'div[' is not a valid CSS selector");
        assertThat(FullText.selectorProblem("article .entry-content")).isNull();
    }

    @Test
    void aPageOfLinksOrAWallHasNoArticle() {
        Document links = Jsoup.parse("""
                <html><body><ul>
                <li><a href="/a">A first very long link title about routing protocols and their quirks</a></li>
                <li><a href="/b">A second very long link title about data centre fabrics and their quirks</a></li>
                </ul><p>Please subscribe to read on.</p></body></html>""");

        assertThat(extractor.extract(links, null).problem()).startsWith("no article on the page");
        assertThat(extractor
                        .extract(Jsoup.parse("<html><body></body></html>"), null)
                        .problem())
                .isEqualTo("no block of text on the page");
    }
}
