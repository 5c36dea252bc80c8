package sift.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sift.ingest.refresh.RefreshReport;
import sift.ingest.testing.FixtureServer;
import sift.ingest.testing.Fixtures;
import sift.store.feed.Feed;
import sift.store.feed.FetchStatus;
import sift.store.feed.NewFeed;

/** The whole path: fixture feeds on a real HTTP server, a refresh, the posts on the home page. */
class EndToEndTest {
    @TempDir
    Path dir;

    FixtureServer origin;
    TestApp app;
    String refusedUrl;

    @BeforeEach
    void start() throws Exception {
        origin = new FixtureServer()
                .feed("/cloudflare.xml", "application/rss+xml", Fixtures.text("parse/cloudflare-rss2.xml"))
                .feed("/ipspace.xml", "application/atom+xml", Fixtures.text("parse/ipspace-atom.xml"))
                .feed("/podcast.xml", "application/rss+xml", Fixtures.text("parse/packetpushers-podcast.xml"))
                .feed("/sflow.json", "application/feed+json", Fixtures.text("parse/sflow-jsonfeed.json"))
                .feed("/garbage.xml", "text/html", "<html><body>This blog moved!</body></html>");
        try (ServerSocket socket = new ServerSocket(0)) {
            refusedUrl = "http://127.0.0.1:" + socket.getLocalPort() + "/feed.xml";
        }
        app = TestApp.start(
                dir,
                List.of(
                        origin.url("/cloudflare.xml"),
                        origin.url("/ipspace.xml"),
                        origin.url("/podcast.xml"),
                        origin.url("/sflow.json"),
                        origin.url("/garbage.xml"),
                        origin.url("/missing.xml"),
                        refusedUrl),
                false);
    }

    @AfterEach
    void stop() {
        app.close();
        origin.close();
    }

    private List<RefreshReport> refresh() {
        return app.server.ingestion().scheduler().refreshAll();
    }

    private Document home() {
        HttpResponse<String> response = app.get("/");
        assertThat(response.statusCode()).isEqualTo(200);
        return Jsoup.parse(response.body(), app.url("/"));
    }

    @Test
    void postsOfEveryFormatAppearOnTheHomePageNewestFirst() {
        refresh();
        Document home = home();
        assertThat(home.select("article")).hasSize(7);
        assertThat(home.select("article h2").eachText())
                .containsExactly(
                        "Plain text note", // undated: dated when first seen, now
                        "Stretched VLANs & the AI Support Snake Oil",
                        "HN812: Loneliness in Network Engineering",
                        "Plain text summary only",
                        "SDSC Expanse cluster live AI/ML metrics",
                        "Cloudflare outage on November 18, 2025",
                        "How we found the root cause of Salt failures");
        assertThat(home.select("article:has(h2:contains(HN812))").text())
                .contains("Packet Pushers - Heavy Networking", "podcast");
    }

    @Test
    void aSecondRefreshOfUnchangedFeedsCreatesNoDuplicates() {
        refresh();
        int stored = app.server.db().postChanges().count();
        List<RefreshReport> second = refresh();
        assertThat(second)
                .filteredOn(r -> r.outcome() != RefreshReport.Outcome.FAILED)
                .allSatisfy(r -> assertThat(r.outcome()).isEqualTo(RefreshReport.Outcome.NOT_MODIFIED));
        assertThat(app.server.db().postChanges().count()).isEqualTo(stored).isEqualTo(7);
        assertThat(home().select("article")).hasSize(7);
    }

    @Test
    void failingFeedsAreRecordedAndLoggedWithTheirUrlWhileTheOthersAreIngested() {
        PrintStream originalErr = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            refresh();
        } finally {
            System.setErr(originalErr);
        }
        List<Feed> feeds = app.server.db().feeds().all();
        assertThat(feeds).filteredOn(f -> f.lastStatus() == FetchStatus.OK).hasSize(4);
        assertThat(error(feeds, origin.url("/garbage.xml"))).startsWith("not a feed");
        assertThat(error(feeds, origin.url("/missing.xml"))).isEqualTo("HTTP 404 Not Found");
        String refusedBy =
                "connection refused by 127.0.0.1:" + URI.create(refusedUrl).getPort();
        assertThat(error(feeds, refusedUrl)).isEqualTo(refusedBy);
        String logged = log.toString(StandardCharsets.UTF_8);
        assertThat(logged)
                .contains("Feed " + origin.url("/missing.xml") + " failed: HTTP 404 Not Found")
                .contains("Feed " + refusedUrl + " failed: " + refusedBy)
                .contains("Feed " + origin.url("/garbage.xml") + " failed: not a feed");
        assertThat(app.server.db().postChanges().count()).isEqualTo(7);
    }

    private static String error(List<Feed> feeds, String url) {
        Feed feed = feeds.stream().filter(f -> f.url().equals(url)).findFirst().orElseThrow();
        assertThat(feed.lastStatus()).isEqualTo(FetchStatus.FAILED);
        assertThat(feed.consecutiveFailures()).isEqualTo(1);
        return feed.lastError();
    }

    @Test
    void thePostPageShowsSanitisedContentAndLinksToTheOriginal() {
        refresh();
        String href = home().select("article h2 a:contains(Cloudflare outage)").attr("href");
        HttpResponse<String> response = app.get(href);
        assertThat(response.statusCode()).isEqualTo(200);
        Document post = Jsoup.parse(response.body());
        assertThat(post.select("h1").text()).isEqualTo("Cloudflare outage on November 18, 2025");
        assertThat(post.select(".content strong").text()).isEqualTo("not");
        assertThat(post.select(".content script, .content [onerror]")).isEmpty();
        assertThat(post.select("a.original").attr("href"))
                .isEqualTo("https://blog.cloudflare.com/18-november-2025-outage/");
        assertThat(post.select(".meta").text()).contains("Matthew Prince", "incident");
        assertThat(post.select(".topics a.chip").eachText()).contains("operations");
        assertThat(home().select("article:has(h2 a:contains(Cloudflare outage)) .topics a.chip")
                        .eachText())
                .as("the river shows topics too")
                .contains("operations");
        assertThat(post.select(".topics a.chip").first().attr("href")).startsWith("/?topic=");
    }

    @Test
    void thePostPageLinksTheSameStoryToldByAnotherFeed() {
        origin.feed("/retold.xml", "application/rss+xml", """
                <rss version="2.0"><channel><title>Outage Watch</title><link>https://outages.example/</link>
                <item><title>Cloudflare outage on November 18: a feature file broke the network</title>
                <link>https://outages.example/cloudflare-18-november</link><pubDate>Wed, 19 Nov 2025 09:00:00 GMT</pubDate>
                <description>Cloudflare's network began experiencing significant failures to deliver core network
                traffic on 18 November 2025 at 11:20 UTC; not a cyber attack, says Cloudflare.</description></item>
                </channel></rss>""");
        app.server.db().feeds().subscribe(new NewFeed(origin.url("/retold.xml"), null, "Test"), Instant.now());
        refresh();
        app.server.search().catchUp();
        app.server.search().linkStories();
        Document outage =
                Jsoup.parse(app.get(home().select("article h2 a:contains(Cloudflare outage on November 18, 2025)")
                                .attr("href"))
                        .body());
        assertThat(outage.select(".elsewhere li").eachText())
                .singleElement()
                .asString()
                .contains("a feature file broke the network", "Outage Watch");
        Document salt = Jsoup.parse(
                app.get(home().select("article h2 a:contains(Salt failures)").attr("href"))
                        .body());
        assertThat(salt.select(".elsewhere")).as("a story of its own").isEmpty();
    }

    @Test
    void anEpisodePageHasAnAudioPlayer() {
        refresh();
        String href = home().select("article h2 a:contains(HN812)").attr("href");
        Document episode = Jsoup.parse(app.get(href).body());
        assertThat(episode.select("audio").attr("src")).isEqualTo("https://cdn.packetpushers.net/hn812.mp3");
        assertThat(episode.select(".episode").text()).isEqualTo("Packet Pushers - Heavy Networking · E812 · 48 min");
    }

    @Test
    void pagesThroughTheWholeRiverWithoutGapsOrRepeats() {
        StringBuilder rss = new StringBuilder("<rss version=\"2.0\"><channel><title>Busy</title>");
        for (int i = 0; i < 120; i++) {
            // every third post shares its date with the next: the cursor must break ties
            rss.append("<item><title>Busy ")
                    .append(i)
                    .append("</title><guid>busy-")
                    .append(i)
                    .append("</guid><pubDate>Mon, 03 Nov 2025 ")
                    .append(String.format("%02d", 23 - (i / 6) % 24))
                    .append(":")
                    .append(String.format("%02d", 59 - i % 3 * 20))
                    .append(":00 GMT</pubDate></item>");
        }
        origin.feed(
                "/busy.xml",
                "application/rss+xml",
                rss.append("</channel></rss>").toString());
        app.server.db().feeds().subscribe(new NewFeed(origin.url("/busy.xml"), null, null), Instant.now());
        refresh();

        List<String> titles = new ArrayList<>();
        String next = "/";
        int pages = 0;
        while (next != null) {
            Document page = Jsoup.parse(app.get(next).body());
            titles.addAll(page.select("article h2").eachText());
            String href = page.select("a[rel=next]").attr("href");
            next = href.isEmpty() ? null : href;
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(titles).hasSize(127).doesNotHaveDuplicates();
    }

    @Test
    void unknownPostsAndPagesGetAFriendlyNotFoundPage() {
        HttpResponse<String> missing = app.get("/posts/987654");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(missing.body()).select(".error").text()).isEqualTo("There is no post 987654.");
        assertThat(app.get("/posts/not-a-number").statusCode()).isEqualTo(404);
        HttpResponse<String> nowhere = app.get("/nowhere");
        assertThat(nowhere.statusCode()).isEqualTo(404);
        Document page = Jsoup.parse(nowhere.body());
        assertThat(page.select("h1").text()).isEqualTo("Not found");
        assertThat(page.select(".error").text()).contains("/nowhere");
        HttpResponse<String> badCursor = app.get("/?after=yesterday");
        assertThat(badCursor.statusCode()).isEqualTo(400);
        assertThat(badCursor.body()).contains("not a page cursor");
    }

    @Test
    void metricsCountRefreshesAndPostsInPrometheusFormat() {
        refresh();
        assertThat(app.get("/metrics").statusCode())
                .as("issue 20: not for strangers")
                .isEqualTo(401);
        HttpResponse<String> metrics = app.getAsMonitor("/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(metrics.body())
                .contains("sift_ingest_refreshes_total{outcome=\"fetched\"} 4.0\n")
                .contains("sift_ingest_refreshes_total{outcome=\"failed\"} 3.0\n")
                .contains("sift_ingest_refreshes_total{outcome=\"not_modified\"} 0.0\n")
                .contains("sift_ingest_posts_total{change=\"new\"} "
                        + app.server.db().postChanges().count() + ".0\n")
                .contains("sift_ingest_refresh_duration_seconds_count 7\n")
                .containsPattern("sift_ingest_cpu_seconds_total\\{stage=\"parse\"} [0-9.E-]*[1-9]")
                .containsPattern("sift_ingest_entries_total [1-9][0-9]*\\.0\n")
                .contains(
                        "sift_index_cpu_seconds_total{work=\"index\"}",
                        "sift_index_cpu_seconds_total{work=\"stories\"}")
                .contains("jvm_memory_used_bytes{area=\"heap\"}");

        refresh();
        assertThat(app.getAsMonitor("/metrics").body())
                .contains("sift_ingest_refreshes_total{outcome=\"not_modified\"} 4.0\n");
    }

    @Test
    void healthReportsTheDatabaseAndIngest() {
        refresh();
        HttpResponse<String> bare = app.get("/health");
        assertThat(bare.statusCode()).isEqualTo(200);
        assertThat(bare.body())
                .as("issue 20: strangers learn only that Sift lives")
                .isEqualTo("{\"status\":\"ok\"}");
        HttpResponse<String> health = app.getAsMonitor("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(health.body())
                .contains(
                        "\"status\":\"ok\"", "\"reachable\":true", "\"posts\":7", "\"feeds\":7", "\"refreshesDone\":7")
                .contains("\"state\":\"stopped\"");
        Matcher url = Pattern.compile("\"url\":\"([^\"]+)\"").matcher(health.body());
        assertThat(url.find()).isTrue();
        assertThat(url.group(1)).startsWith("jdbc:h2:file:").doesNotContain(";");
    }

    @Test
    void searchFindsIngestedPostsWithHighlightedSnippets() {
        refresh();
        app.server.search().catchUp();
        HttpResponse<String> response =
                app.get("/search?q=" + URLEncoder.encode("bot -kind:podcast", StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("article h2").eachText()).containsExactly("Cloudflare outage on November 18, 2025");
        assertThat(page.select("article mark").eachText()).contains("Bot");
        assertThat(page.select("#top-q").val()).isEqualTo("bot -kind:podcast");
    }

    @Test
    void searchAnswersInJson() {
        refresh();
        app.server.search().catchUp();
        HttpResponse<String> response = app.get("/api/search?q=loneliness&limit=5");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains(
                        "\"total\":1", "\"title\":\"HN812: Loneliness in Network Engineering\"", "\"kind\":\"podcast\"")
                .contains("\"highlights\":[\"Loneliness\"]", "\"url\":\"/posts/");
    }

    @Test
    void aMalformedQueryGetsAReadableErrorNotA500() {
        HttpResponse<String> page = app.get("/search?q=" + URLEncoder.encode("(bgp OR", StandardCharsets.UTF_8));
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(page.body()).select(".error").text()).contains("OR at position 6 needs words after it");
        HttpResponse<String> api = app.get("/api/search?q=kind:rumour");
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.body()).contains("\"error\":\"unknown kind 'rumour'");
        assertThat(app.get("/api/search?q=bgp&limit=5000").statusCode()).isEqualTo(400);
        assertThat(app.get("/api/search").statusCode()).isEqualTo(400);
    }
}
