package sift.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import sift.ingest.testing.FixtureServer;
import sift.ingest.testing.FixtureServer.Route;

/** Fetching against a real HTTP server on 127.0.0.1. */
class FeedFetcherTest {
    private static final String RSS = "<rss version=\"2.0\"><channel><title>t</title></channel></rss>";
    private static final FetchSettings LOCAL =
            FetchSettings.defaults().withAllowPrivate(true).withHostGap(Duration.ZERO);

    private final FixtureServer server = new FixtureServer();
    private final FeedFetcher fetcher = new FeedFetcher(LOCAL);

    @AfterEach
    void close() {
        fetcher.close();
        server.close();
    }

    private FetchResult fetch(String path) {
        return fetcher.fetch(new FetchRequest(URI.create(server.url(path)), null, null));
    }

    private static String reason(FetchResult result) {
        assertThat(result).isInstanceOf(FetchResult.Failed.class);
        return ((FetchResult.Failed) result).reason();
    }

    @Test
    void returnsTheBodyAndItsValidators() {
        server.feed("/feed.xml", "application/rss+xml", RSS);
        FetchResult.Modified modified = (FetchResult.Modified) fetch("/feed.xml");
        assertThat(new String(modified.body(), StandardCharsets.UTF_8)).isEqualTo(RSS);
        assertThat(modified.etag()).isNotBlank();
        assertThat(modified.contentType()).isEqualTo("application/rss+xml");
        assertThat(modified.movedTo()).isNull();
    }

    @Test
    void sendsTheEtagBackAndTakesA304AsNotModified() {
        server.feed("/feed.xml", "application/rss+xml", RSS);
        String etag = ((FetchResult.Modified) fetch("/feed.xml")).etag();
        FetchResult again = fetcher.fetch(new FetchRequest(URI.create(server.url("/feed.xml")), etag, null));
        assertThat(again).isEqualTo(new FetchResult.NotModified(null, null));
    }

    @Test
    void decodesGzip() {
        server.route(
                "/gz.xml",
                Route.ok("application/rss+xml", RSS.getBytes(StandardCharsets.UTF_8))
                        .gzipped());
        FetchResult.Modified modified = (FetchResult.Modified) fetch("/gz.xml");
        assertThat(new String(modified.body(), StandardCharsets.UTF_8)).isEqualTo(RSS);
    }

    @Test
    void stopsDecodingAGzipBombAtTheCap() {
        server.route(
                "/bomb.xml",
                Route.ok("application/rss+xml", new byte[64 * 1024 * 1024]).gzipped());
        assertThat(reason(fetch("/bomb.xml"))).isEqualTo("response larger than 10 MB, cut off");
    }

    @Test
    void reportsHttpErrorsWithTheStatusAndRetryAfter() {
        server.route("/busy", Route.status(503).withHeader("Retry-After", "120"));
        server.route("/slow-down", Route.status(429).withHeader("Retry-After", "3600"));
        assertThat(fetch("/missing")).isEqualTo(new FetchResult.Failed("HTTP 404 Not Found", null));
        assertThat(fetch("/busy"))
                .isEqualTo(new FetchResult.Failed("HTTP 503 Service Unavailable", Duration.ofSeconds(120)));
        assertThat(fetch("/slow-down"))
                .isEqualTo(new FetchResult.Failed("HTTP 429 Too Many Requests", Duration.ofHours(1)));
    }

    @Test
    void tellsAFeedThatIsGoneForGood() {
        server.route("/gone", Route.status(410));
        assertThat(fetch("/gone")).isEqualTo(new FetchResult.Gone("HTTP 410 Gone: the publisher removed the feed"));
    }

    @Test
    void followsPermanentRedirectsAndSaysWhereTheFeedMoved() {
        server.feed("/new.xml", "application/rss+xml", RSS);
        server.route("/old.xml", Route.status(301).withHeader("Location", "/older.xml"));
        server.route("/older.xml", Route.status(308).withHeader("Location", server.url("/new.xml")));
        FetchResult.Modified modified = (FetchResult.Modified) fetch("/old.xml");
        assertThat(modified.finalUri()).isEqualTo(URI.create(server.url("/new.xml")));
        assertThat(modified.movedTo()).isEqualTo(URI.create(server.url("/new.xml")));
    }

    @Test
    void aTemporaryRedirectOnTheWayMovesNothing() {
        server.feed("/new.xml", "application/rss+xml", RSS);
        server.route("/old.xml", Route.status(301).withHeader("Location", "/today.xml"));
        server.route("/today.xml", Route.status(302).withHeader("Location", "/new.xml"));
        FetchResult.Modified modified = (FetchResult.Modified) fetch("/old.xml");
        assertThat(modified.finalUri()).isEqualTo(URI.create(server.url("/new.xml")));
        assertThat(modified.movedTo()).isNull();
    }

    @Test
    void namesARedirectLoop() {
        server.route("/a", Route.status(302).withHeader("Location", "/b"));
        server.route("/b", Route.status(302).withHeader("Location", "/a"));
        assertThat(reason(fetch("/a")))
                .isEqualTo(
                        "redirect loop: " + server.url("/a") + " -> " + server.url("/b") + " -> " + server.url("/a"));
    }

    @Test
    void followsAtMostFiveRedirects() {
        for (int i = 0; i < 7; i++) {
            server.route("/r" + i, Route.status(307).withHeader("Location", "/r" + (i + 1)));
        }
        assertThat(reason(fetch("/r0"))).isEqualTo("more than 5 redirects (last to " + server.url("/r6") + ")");
        assertThat(server.hits("/r5")).isOne();
        assertThat(server.hits("/r6")).isZero();
    }

    @Test
    void refusesARedirectToSomethingOtherThanHttp() {
        server.route("/file", Route.status(302).withHeader("Location", "file:///etc/passwd"));
        assertThat(reason(fetch("/file"))).isEqualTo("not an http(s) URL: file:///etc/passwd");
    }

    @Test
    void refusesLoopbackAndPrivateAddressesUnlessAllowed() {
        server.feed("/feed.xml", "application/rss+xml", RSS);
        try (FeedFetcher guarded = new FeedFetcher(FetchSettings.defaults())) {
            String refused = reason(guarded.fetch(new FetchRequest(URI.create(server.url("/feed.xml")), null, null)));
            assertThat(refused)
                    .startsWith("refused: 127.0.0.1 is 127.0.0.1, a loopback address")
                    .endsWith("unless SIFT_ALLOW_PRIVATE=true");
            String byName =
                    reason(guarded.fetch(new FetchRequest(URI.create("http://localhost:9/feed.xml"), null, null)));
            assertThat(byName).startsWith("refused: localhost is");
        }
        assertThat(server.hits("/feed.xml"))
                .as("not one request reached the server")
                .isZero();
        assertThat(fetch("/feed.xml")).isInstanceOf(FetchResult.Modified.class);
    }

    @Test
    void checksEveryRedirectAgainstTheGuard() throws Exception {
        try (FixtureServer other = new FixtureServer();
                FeedFetcher guarded = new FeedFetcher(FetchSettings.defaults())) {
            // a public-looking first hop is not possible on a machine with only loopback, so the guard's resolver is
            // what this test checks: a redirect's host goes through it exactly like the first one
            other.route("/to-private", Route.status(302).withHeader("Location", "http://10.0.0.1/feed.xml"));
            assertThat(reason(guarded.fetch(new FetchRequest(URI.create(other.url("/to-private")), null, null))))
                    .startsWith("refused: 127.0.0.1");
        }
        AddressGuard guard = new AddressGuard(false);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> guard.resolve("10.0.0.1")))
                .hasMessageStartingWith("refused: 10.0.0.1 is 10.0.0.1, a private address");
    }

    @Test
    void namesEveryKindOfAddressThatIsNotPublic() throws Exception {
        for (var c : List.of(
                new String[] {"127.0.0.1", "loopback"}, new String[] {"::1", "loopback"},
                new String[] {"10.1.2.3", "private"}, new String[] {"172.16.0.1", "private"},
                new String[] {"192.168.1.1", "private"}, new String[] {"100.64.0.1", "carrier-grade NAT"},
                new String[] {"100.127.255.254", "carrier-grade NAT"}, new String[] {"169.254.169.254", "link-local"},
                new String[] {"fe80::1", "link-local"}, new String[] {"224.0.0.1", "multicast"},
                new String[] {"ff02::1", "multicast"}, new String[] {"0.0.0.0", "unspecified"},
                new String[] {"::", "unspecified"}, new String[] {"fd00::1", "private (unique local)"},
                new String[] {"::ffff:10.0.0.1", "private"}, new String[] {"64:ff9b::a9fe:a9fe", "link-local"})) {
            assertThat(AddressGuard.kind(InetAddress.getByName(c[0]))).as(c[0]).isEqualTo(c[1]);
        }
        for (String open : List.of("1.1.1.1", "100.128.0.1", "172.32.0.1", "2606:4700::1111")) {
            assertThat(AddressGuard.kind(InetAddress.getByName(open))).as(open).isNull();
        }
    }

    @Test
    void reportsARefusedConnection() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        FetchResult result =
                fetcher.fetch(new FetchRequest(URI.create("http://127.0.0.1:" + closedPort + "/feed"), null, null));
        assertThat(result).isEqualTo(new FetchResult.Failed("connection refused by 127.0.0.1:" + closedPort, null));
    }

    @Test
    void cutsOffAnEndlessBodyAtTheCap() {
        server.endless("/endless", Duration.ZERO);
        try (var small = new FeedFetcher(LOCAL.withLimits(Duration.ofSeconds(2), Duration.ofSeconds(10), 64 * 1024))) {
            assertThat(reason(small.fetch(new FetchRequest(URI.create(server.url("/endless")), null, null))))
                    .isEqualTo("response larger than 64 KB, cut off");
        }
    }

    @Test
    void givesUpOnASlowServerAtTheTotalDeadline() {
        server.endless("/trickle", Duration.ofMillis(200));
        server.route(
                "/late",
                Route.ok("application/rss+xml", RSS.getBytes(StandardCharsets.UTF_8))
                        .delayed(Duration.ofSeconds(3)));
        try (var impatient = new FeedFetcher(LOCAL.withLimits(Duration.ofSeconds(2), Duration.ofSeconds(1), 1 << 30))) {
            assertThat(reason(impatient.fetch(new FetchRequest(URI.create(server.url("/trickle")), null, null))))
                    .isEqualTo("no complete answer within 1 s");
            assertThat(reason(impatient.fetch(new FetchRequest(URI.create(server.url("/late")), null, null))))
                    .isEqualTo("no complete answer within 1 s");
        }
    }

    @Test
    void sendsAtMostTwoRequestsAtOnceToAHost() throws Exception {
        server.route(
                "/slow.xml",
                Route.ok("application/rss+xml", RSS.getBytes(StandardCharsets.UTF_8))
                        .delayed(Duration.ofMillis(300)));
        ExecutorService workers = Executors.newFixedThreadPool(8);
        try {
            List<Future<FetchResult>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(workers.submit(() -> fetch("/slow.xml")));
            }
            for (Future<FetchResult> r : results) {
                assertThat(r.get()).isInstanceOf(FetchResult.Modified.class);
            }
        } finally {
            workers.shutdownNow();
        }
        assertThat(server.hits("/slow.xml")).isEqualTo(8);
        assertThat(server.peakConcurrency()).isEqualTo(2);
    }

    @Test
    void leavesAGapBetweenTwoRequestsToAHost() {
        server.feed("/feed.xml", "application/rss+xml", RSS);
        try (var polite = new FeedFetcher(LOCAL.withHostGap(Duration.ofMillis(400)))) {
            long start = System.nanoTime();
            for (int i = 0; i < 3; i++) {
                assertThat(polite.fetch(new FetchRequest(URI.create(server.url("/feed.xml")), null, null)))
                        .isInstanceOf(FetchResult.Modified.class);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .as("two gaps between three requests")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(800));
        }
    }

    @Test
    void readsHowLongTheServerSaysTheAnswerStaysFresh() {
        server.route(
                "/max-age.xml",
                Route.ok("application/rss+xml", RSS.getBytes(StandardCharsets.UTF_8))
                        .withHeader("Cache-Control", "public, max-age=3600"));
        server.route(
                "/no-cache.xml",
                Route.ok("application/rss+xml", RSS.getBytes(StandardCharsets.UTF_8))
                        .withHeader("Cache-Control", "no-cache, max-age=3600"));
        assertThat(((FetchResult.Modified) fetch("/max-age.xml")).freshFor()).isEqualTo(Duration.ofHours(1));
        assertThat(((FetchResult.Modified) fetch("/no-cache.xml")).freshFor()).isNull();
    }

    @Test
    void sendsAnHonestUserAgent() {
        assertThat(FetchSettings.defaults().userAgent()).startsWith("Sift/").contains("+https://");
    }

    @Test
    void readsRetryAfterInSecondsOrAsADate() {
        assertThat(FeedFetcher.parseRetryAfter("90")).isEqualTo(Duration.ofSeconds(90));
        assertThat(FeedFetcher.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Duration.ZERO);
        assertThat(FeedFetcher.parseRetryAfter("soon")).isNull();
    }
}
