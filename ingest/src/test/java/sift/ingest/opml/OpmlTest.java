package sift.ingest.opml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import sift.store.feed.Feed;
import sift.store.feed.NewFeed;

class OpmlTest {
    private static List<NewFeed> read(String xml) throws OpmlException {
        return Opml.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "subscriptions.opml");
    }

    @Test
    void readsFeedsWithTheirNestedCategories() throws Exception {
        List<NewFeed> feeds = read("""
                <opml version="2.0"><head><title>t</title></head><body>
                  <outline text="Blogs">
                    <outline text="Vendors">
                      <outline type="rss" text="The Cloudflare Blog" xmlUrl="https://blog.cloudflare.com/rss/"/>
                    </outline>
                    <outline type="rss" text="ipSpace.net" title="ipSpace.net blog" xmlUrl="https://blog.ipspace.net/atom.xml"/>
                  </outline>
                  <outline type="rss" text="Loose" xmlUrl="https://loose.example/feed"/>
                  <outline xmlUrl="https://untitled.example/feed"/>
                </body></opml>""");
        assertThat(feeds)
                .containsExactly(
                        new NewFeed("https://blog.cloudflare.com/rss/", "The Cloudflare Blog", "Blogs / Vendors"),
                        new NewFeed("https://blog.ipspace.net/atom.xml", "ipSpace.net blog", "Blogs"),
                        new NewFeed("https://loose.example/feed", "Loose", null),
                        new NewFeed("https://untitled.example/feed", null, null));
    }

    @Test
    void readsTheCategoryAttributeWhenNoFolderEnclosesTheFeed() throws Exception {
        List<NewFeed> feeds = read("""
                <opml version="2.0"><body>
                  <outline type="rss" text="A" xmlUrl="https://a.example/feed" category="/Networking/Routing,/Other"/>
                  <outline text="Folder"><outline type="rss" text="B" xmlUrl="https://b.example/feed" category="Ignored"/></outline>
                  <outline type="rss" text="C" xmlUrl="https://c.example/feed" category=" "/>
                </body></opml>""");
        assertThat(feeds).extracting(NewFeed::category).containsExactly("Networking/Routing", "Folder", null);
    }

    @Test
    void refusesADoctypeNamingTheFileAndLine() {
        assertThatThrownBy(() -> read("""
                <?xml version="1.0"?>
                <!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <opml><body><outline text="&x;" xmlUrl="https://a.example/"/></body></opml>"""))
                .isInstanceOf(OpmlException.class)
                .hasMessageStartingWith("subscriptions.opml: line 2:");
    }

    @Test
    void refusesADocumentThatIsNotOpml() {
        assertThatThrownBy(() -> read("<rss version=\"2.0\"/>")).hasMessageContaining("not OPML");
        assertThatThrownBy(() -> read("<opml><body>"))
                .hasMessageContaining("subscriptions.opml")
                .hasMessageContaining("not valid OPML");
    }

    @Test
    void writesWhatItReads() throws Exception {
        Instant now = Instant.parse("2026-11-26T00:00:00Z");
        List<Feed> feeds = List.of(
                new Feed(
                        1,
                        "https://blog.cloudflare.com/rss/",
                        "Cloudflare & friends",
                        "https://blog.cloudflare.com/",
                        "Blogs",
                        null,
                        null,
                        null,
                        null,
                        null,
                        0,
                        now),
                new Feed(2, "https://loose.example/feed", null, null, null, null, null, null, null, null, 0, now));
        assertThat(read(Opml.write(feeds, "Sift subscriptions")))
                .containsExactly(
                        new NewFeed("https://blog.cloudflare.com/rss/", "Cloudflare & friends", "Blogs"),
                        new NewFeed("https://loose.example/feed", "https://loose.example/feed", null));
    }
}
