package sift.ingest.discover;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import sift.ingest.fetch.FeedFetcher;
import sift.ingest.fetch.FetchSettings;
import sift.ingest.parse.FeedParser;
import sift.ingest.testing.FixtureServer;

class FeedDiscoveryTest {
    private static final String RSS = "<rss version=\"2.0\"><channel><title>Packet Notes</title>"
            + "<item><title>t</title><guid>g</guid></item></channel></rss>";

    private final FixtureServer server = new FixtureServer();
    private final FeedFetcher fetcher =
            new FeedFetcher(FetchSettings.defaults().withAllowPrivate(true).withHostGap(Duration.ZERO));
    private final FeedDiscovery discovery = new FeedDiscovery(fetcher, new FeedParser());

    @AfterEach
    void close() {
        fetcher.close();
        server.close();
    }

    private FeedDiscovery.Result discover(String path) {
        return discovery.discover(URI.create(server.url(path)));
    }

    @Test
    void aFeedUrlIsItsOwnFeed() {
        server.feed("/rss.xml", "application/rss+xml", RSS);
        assertThat(discover("/rss.xml").feeds())
                .containsExactly(new FeedDiscovery.Found(server.url("/rss.xml"), "Packet Notes"));
    }

    @Test
    void findsTheFeedsAPageAnnounces() {
        server.feed("/blog/", "text/html", """
                <html><head><title>Blog</title>
                <link rel="alternate" type="application/rss+xml" title="All posts" href="/blog/index.xml">
                <link rel="alternate" type="application/atom+xml" href="https://elsewhere.example/atom.xml">
                <link rel="stylesheet" href="/style.css"></head><body>hi</body></html>""");
        assertThat(discover("/blog/").feeds())
                .containsExactly(
                        new FeedDiscovery.Found(server.url("/blog/index.xml"), "All posts"),
                        new FeedDiscovery.Found("https://elsewhere.example/atom.xml", null));
    }

    @Test
    void triesTheUsualPathsWhenThePageAnnouncesNone() {
        server.feed("/", "text/html", "<html><body>no links</body></html>");
        server.feed("/feed.xml", "application/rss+xml", RSS);
        assertThat(discover("/").feeds())
                .containsExactly(new FeedDiscovery.Found(server.url("/feed.xml"), "Packet Notes"));
    }

    @Test
    void saysWhyWhenThereIsNone() {
        server.feed("/", "text/html", "<html><body>no links</body></html>");
        FeedDiscovery.Result none = discover("/");
        assertThat(none.feeds()).isEmpty();
        assertThat(none.problem()).startsWith("no feed at " + server.url("/") + ": none announced on the page");
        assertThat(discover("/missing").problem())
                .isEqualTo("cannot fetch " + server.url("/missing") + ": HTTP 404 Not Found");
    }
}
