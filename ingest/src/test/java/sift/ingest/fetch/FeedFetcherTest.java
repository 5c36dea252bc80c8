package sift.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import sift.ingest.testing.FixtureServer;
import sift.ingest.testing.FixtureServer.Route;

class FeedFetcherTest {
    private static final String RSS = "<rss version=\"2.0\"><channel><title>t</title></channel></rss>";

    private final FixtureServer server = new FixtureServer();
    private final FeedFetcher fetcher = new FeedFetcher(FetchSettings.defaults());

    @AfterEach
    void close() {
        fetcher.close();
        server.close();
    }

    private FetchResult fetch(String path) {
        return fetcher.fetch(new FetchRequest(URI.create(server.url(path)), null, null));
    }

    @Test
    void returnsTheBodyAndItsValidators() {
        server.feed("/feed.xml", "application/rss+xml", RSS);
        FetchResult.Modified modified = (FetchResult.Modified) fetch("/feed.xml");
        assertThat(new String(modified.body(), StandardCharsets.UTF_8)).isEqualTo(RSS);
        assertThat(modified.etag()).isNotBlank();
        assertThat(modified.contentType()).isEqualTo("application/rss+xml");
    }

    @Test
    void sendsTheEtagBackAndTakesA304AsNotModified() {
        server.feed("/feed.xml", "application/rss+xml", RSS);
        String etag = ((FetchResult.Modified) fetch("/feed.xml")).etag();
        FetchResult again = fetcher.fetch(new FetchRequest(URI.create(server.url("/feed.xml")), etag, null));
        assertThat(again).isInstanceOf(FetchResult.NotModified.class);
    }

    @Test
    void decodesGzip() {
        server.route("/gz.xml", Route.ok("application/rss+xml", RSS.getBytes(StandardCharsets.UTF_8)).gzipped());
        FetchResult.Modified modified = (FetchResult.Modified) fetch("/gz.xml");
        assertThat(new String(modified.body(), StandardCharsets.UTF_8)).isEqualTo(RSS);
    }

    @Test
    void reportsHttpErrorsWithTheStatusAndRetryAfter() {
        server.route("/busy", Route.status(503).withHeader("Retry-After", "120"));
        assertThat(fetch("/missing")).isEqualTo(new FetchResult.Failed("HTTP 404 Not Found", null));
        assertThat(fetch("/busy")).isEqualTo(new FetchResult.Failed("HTTP 503 Service Unavailable", Duration.ofSeconds(120)));
    }

    @Test
    void reportsARefusedConnection() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        FetchResult result = fetcher.fetch(new FetchRequest(URI.create("http://127.0.0.1:" + closedPort + "/feed"), null, null));
        assertThat(result).isEqualTo(new FetchResult.Failed("connection refused", null));
    }

    @Test
    void cutsOffABodyLargerThanTheCap() {
        server.endless("/endless", Duration.ZERO);
        var small = new FeedFetcher(new FetchSettings(Duration.ofSeconds(2), Duration.ofSeconds(10), 64 * 1024, "test"));
        try (small) {
            FetchResult result = small.fetch(new FetchRequest(URI.create(server.url("/endless")), null, null));
            assertThat(result).isInstanceOf(FetchResult.Failed.class);
            assertThat(((FetchResult.Failed) result).reason()).contains("larger than");
        }
    }

    @Test
    void givesUpOnABodyThatNeverEnds() {
        server.endless("/slow", Duration.ofMillis(200));
        var impatient = new FeedFetcher(new FetchSettings(Duration.ofSeconds(2), Duration.ofSeconds(1), 1 << 30, "test"));
        try (impatient) {
            FetchResult result = impatient.fetch(new FetchRequest(URI.create(server.url("/slow")), null, null));
            assertThat(result).isInstanceOf(FetchResult.Failed.class);
            assertThat(((FetchResult.Failed) result).reason()).contains("within 1 s");
        }
    }

    @Test
    void readsRetryAfterInSecondsOrAsADate() {
        assertThat(FeedFetcher.parseRetryAfter("90")).isEqualTo(Duration.ofSeconds(90));
        assertThat(FeedFetcher.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Duration.ZERO);
        assertThat(FeedFetcher.parseRetryAfter("soon")).isNull();
    }
}
