package sift.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Hostile and broken XML: each gets a clear error or a safe partial result, never an expanded entity, a read
 * file or a parser lost in recursion. (How long each takes with a 1 GB heap: bench/hostile-parse.sh.)
 */
class HostileInputTest {
    private final FeedParser parser = new FeedParser();

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String rss(String items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>T</title>" + items
                + "</channel></rss>";
    }

    @Test
    void expandsNoEntityOfABillionLaughs() throws Exception {
        StringBuilder doctype = new StringBuilder("<!DOCTYPE rss [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            doctype.append("<!ENTITY lol")
                    .append(i)
                    .append(" \"")
                    .append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
                    .append("\">");
        }
        doctype.append("]>");
        String xml = doctype
                + rss("<item><title>&lol9;</title></item>")
                        .substring("<?xml version=\"1.0\" encoding=\"UTF-8\"?>".length());
        ParsedFeed feed = parser.parse(utf8(xml), null);
        assertThat(feed.entries())
                .singleElement()
                .satisfies(e -> assertThat(e.title().value()).isEqualTo("&lol9;"));
        assertThat(feed.problem()).contains("undeclared entity &lol9;");
    }

    @Test
    void refusesNestingDeeperThanABoundInsteadOfRecursing() {
        String deep = "<x>".repeat(200_000) + "</x>".repeat(200_000);
        assertThatThrownBy(() -> parser.parse(utf8(rss("<item><description>" + deep + "</description></item>")), null))
                .isInstanceOf(FeedParseException.class)
                .hasMessage("refused: elements nested deeper than 256 levels");
        String unclosed = "<x>".repeat(200_000);
        assertThatThrownBy(() -> parser.parse(utf8(rss("<item><description>" + unclosed)), null))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("nested deeper than 256 levels");
    }

    @Test
    void readsTheFirstTenThousandOfTwentyThousandItems() throws Exception {
        ParsedFeed feed = parser.parse(utf8(rss("<item><title>t</title><guid>g</guid></item>".repeat(20_000))), null);
        assertThat(feed.entries()).hasSize(FeedMapper.MAX_ENTRIES);
        assertThat(feed.problem()).contains("20000 entries: only the first 10000 read");
    }

    @Test
    void cutsAFifteenMegabyteItemAtTheTextBound() throws Exception {
        String huge = "<p>" + "packet ".repeat(15 * 1024 * 1024 / 7) + "</p>";
        ParsedFeed feed = parser.parse(
                utf8(rss("<item><title>big</title><description><![CDATA[" + huge
                        + "]]></description></item><item><title>next</title></item>")),
                null);
        assertThat(feed.entries()).extracting(e -> e.title().value()).containsExactly("big", "next");
        assertThat(feed.entries().get(0).summary().value()).hasSizeLessThanOrEqualTo(XmlTrees.MAX_TEXT);
        assertThat(feed.problem()).contains("longer than " + XmlTrees.MAX_TEXT + " characters: cut there");
    }

    @Test
    void dropsControlCharactersInsteadOfLosingTheFeed() throws Exception {
        ParsedFeed feed = parser.parse(utf8(rss("<item><title>BGP\u0001 \u0008route\u001b leak</title></item>")), null);
        assertThat(feed.entries())
                .singleElement()
                .satisfies(e -> assertThat(e.title().value()).isEqualTo("BGP route leak"));
        assertThat(feed.problem()).contains("U+0001");
    }

    @Test
    void readsLatin1BytesThatClaimToBeUtf8() throws Exception {
        byte[] body = rss("<item><title>Caf\u00e9 r\u00e9seau</title></item>").getBytes(StandardCharsets.ISO_8859_1);
        ParsedFeed feed = parser.parse(body, null);
        assertThat(feed.entries())
                .singleElement()
                .satisfies(e -> assertThat(e.title().value()).isEqualTo("Café réseau"));
        assertThat(feed.problem()).contains("not UTF-8; read as Windows-1252");
    }

    @Test
    void readsUtf8BytesThatClaimToBeLatin1() throws Exception {
        String xml =
                rss("<item><title>Caf\u00e9 \u2013 r\u00e9seau</title></item>").replace("UTF-8", "ISO-8859-1");
        ParsedFeed feed = parser.parse(xml.getBytes(StandardCharsets.UTF_8), null);
        assertThat(feed.entries())
                .singleElement()
                .satisfies(e -> assertThat(e.title().value()).isEqualTo("Café – réseau"));
    }

    @Test
    void dropsEntryLinksAndEnclosuresThatAreNotWebAddresses() throws Exception {
        ParsedFeed feed = parser.parse(
                utf8(rss("<item><title>x</title><link>javascript:alert(1)</link>"
                        + "<enclosure url=\"data:audio/mpeg;base64,AAAA\" type=\"audio/mpeg\"/>"
                        + "<enclosure url=\"https://cdn.example/ep.mp3\" type=\"audio/mpeg\"/></item>")),
                null);
        ParsedEntry entry = feed.entries().get(0);
        assertThat(entry.link()).isNull();
        assertThat(entry.enclosures())
                .extracting(ParsedEntry.ParsedEnclosure::url)
                .containsExactly("https://cdn.example/ep.mp3");
        assertThat(feed.problem())
                .contains(
                        "link javascript:alert(1) is not an http(s) URL: dropped",
                        "enclosure data:audio/mpeg;base64,AAAA is not an http(s) URL: dropped");
    }
}
