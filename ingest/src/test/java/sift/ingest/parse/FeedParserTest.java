package sift.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import sift.ingest.testing.Fixtures;

class FeedParserTest {
    private final FeedParser parser = new FeedParser();

    private ParsedFeed parse(String fixture, String from) throws FeedParseException {
        return parser.parse(Fixtures.bytes("parse/" + fixture), URI.create(from));
    }

    @Nested
    class Rss {
        @Test
        void readsContentEncodedDublinCoreAuthorAndCategories() throws Exception {
            ParsedFeed feed = parse("cloudflare-rss2.xml", "https://blog.cloudflare.com/rss/");
            assertThat(feed.format()).isEqualTo("rss_2.0");
            assertThat(feed.title().value()).isEqualTo("The Cloudflare Blog");
            assertThat(feed.language()).isEqualTo("en-us");
            assertThat(feed.entries()).hasSize(2);
            ParsedEntry outage = feed.entries().get(0);
            assertThat(outage.id()).isEqualTo("692c6fb3b9b1a1000107b1a2");
            assertThat(outage.author()).isEqualTo("Matthew Prince");
            assertThat(outage.published()).isEqualTo(Instant.parse("2025-11-18T23:45:00Z"));
            assertThat(outage.categories()).containsExactly("Outage", "Post Mortem");
            assertThat(outage.content().value()).contains("<strong>not</strong>");
            assertThat(outage.summary().value()).startsWith("On 18 November 2025");
        }

        @Test
        void readsPodcastEnclosures() throws Exception {
            ParsedFeed feed = parse("packetpushers-podcast.xml", "https://packetpushers.net/feed/hn/");
            ParsedEntry episode = feed.entries().get(0);
            assertThat(episode.enclosures())
                    .containsExactly(new ParsedEntry.ParsedEnclosure(
                            "https://cdn.packetpushers.net/hn812.mp3", 46_301_234L, "audio/mpeg"));
            assertThat(episode.published()).isEqualTo(Instant.parse("2025-11-21T09:00:00Z"));
            assertThat(feed.image()).isEqualTo("https://packetpushers.net/art/hn.png");
        }
    }

    @Nested
    class Atom {
        @Test
        void readsEntriesWithOffsetsNormalisedToUtc() throws Exception {
            ParsedFeed feed = parse("ipspace-atom.xml", "https://blog.ipspace.net/atom.xml");
            assertThat(feed.format()).isEqualTo("atom_1.0");
            assertThat(feed.link()).isEqualTo("https://blog.ipspace.net/");
            ParsedEntry first = feed.entries().get(0);
            assertThat(first.published()).isEqualTo(Instant.parse("2025-11-24T06:36:00Z"));
            assertThat(first.updated()).isEqualTo(Instant.parse("2025-11-24T07:00:00Z"));
            assertThat(first.author()).isEqualTo("Ivan Pepelnjak");
            assertThat(first.content().value()).contains("<p>Remember the vendor consultants");
        }

        @Test
        void resolvesRelativeLinksAndEscapesPlainTextSummaries() throws Exception {
            ParsedEntry plain = parse("ipspace-atom.xml", "https://blog.ipspace.net/atom.xml")
                    .entries()
                    .get(1);
            assertThat(plain.link()).isEqualTo("https://blog.ipspace.net/2025/11/plain/");
            assertThat(plain.summary().asHtml()).isEqualTo("Routers &lt;3 BGP &amp; so do we.");
            assertThat(plain.published()).isNull();
            assertThat(plain.updated()).isEqualTo(Instant.parse("2025-11-20T10:00:00Z"));
        }
    }

    @Nested
    class JsonFeed {
        @Test
        void readsJsonFeed11() throws Exception {
            ParsedFeed feed = parse("sflow-jsonfeed.json", "https://blog.sflow.com/feed.json");
            assertThat(feed.format()).isEqualTo("json_1.1");
            assertThat(feed.title().value()).isEqualTo("sFlow blog");
            ParsedEntry first = feed.entries().get(0);
            assertThat(first.link()).isEqualTo("https://blog.sflow.com/2025/11/expanse-ai-ml-metrics.html");
            assertThat(first.published()).isEqualTo(Instant.parse("2025-11-20T00:10:00Z"));
            assertThat(first.author()).as("the feed's author stands in").isEqualTo("Peter Phaal");
            assertThat(first.categories()).containsExactly("AI/ML", "RoCE");
        }

        @Test
        void escapesPlainTextAndDropsImpossibleDates() throws Exception {
            ParsedEntry note = parse("sflow-jsonfeed.json", "https://blog.sflow.com/feed.json")
                    .entries()
                    .get(1);
            assertThat(note.id()).isEqualTo("42");
            assertThat(note.content().asHtml()).isEqualTo("Counters &lt;do not&gt; lie.");
            assertThat(note.published()).isNull();
            assertThat(note.enclosures()).singleElement().satisfies(e -> {
                assertThat(e.type()).isEqualTo("video/mp4");
                assertThat(e.length()).isEqualTo(1000L);
            });
        }

        @Test
        void refusesJsonThatIsNotAJsonFeed() {
            assertThatThrownBy(() -> parser.parse("{\"items\": []}".getBytes(StandardCharsets.UTF_8), null))
                    .isInstanceOf(FeedParseException.class)
                    .hasMessageContaining("not a JSON Feed");
        }
    }

    @Nested
    class BadInput {
        @Test
        void readsWhatATruncatedFeedHoldsAndNamesTheLineWhereItBreaks() throws Exception {
            ParsedFeed feed = parse("broken-truncated.xml", "https://broken.example/feed");
            assertThat(feed.problem()).startsWith("not well-formed XML at line 7");
            assertThat(feed.title().value()).isEqualTo("Truncated");
            assertThat(feed.entries())
                    .singleElement()
                    .satisfies(e -> assertThat(e.title().asHtml()).isEqualTo("Half an item"));
        }

        @Test
        void stripsTheDoctypeSoThatNoEntityIsResolvedOrExpanded() throws Exception {
            ParsedFeed feed = parse("hostile-xxe.xml", "https://evil.example/feed");
            assertThat(feed.entries())
                    .singleElement()
                    .satisfies(e -> assertThat(e.title().asHtml()).isEqualTo("&amp;xxe;"));
            assertThat(feed.problem()).contains("undeclared entity &xxe;");
        }

        @Test
        void refusesAnHtmlPage() {
            byte[] html = "<html><body><h1>Welcome</h1></body></html>".getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> parser.parse(html, null))
                    .isInstanceOf(FeedParseException.class)
                    .hasMessageStartingWith("not a feed");
        }

        @Test
        void refusesAnEmptyBody() {
            assertThatThrownBy(() -> parser.parse(new byte[0], null)).hasMessageContaining("empty document");
        }
    }
}
