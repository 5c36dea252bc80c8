package sift.web.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sift.ingest.parse.FeedParser;
import sift.ingest.parse.ParsedFeed;
import sift.ingest.testing.FixtureServer;
import sift.ingest.testing.Fixtures;
import sift.web.TestApp;
import sift.web.Visitor;

/**
 * Re-exported feeds over real HTTP, read back by Sift's own parser and by an independent one (the Universal Feed
 * Parser, Debian's python3-feedparser), and checked against the rules of RSS 2.0, Atom (RFC 4287) and JSON Feed 1.1.
 */
class FeedsTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Prints what feedparser made of a file as JSON: whether it complained (bozo), the version, the entries. Debian's
     * feedparser 6.0.10 does not read JSON Feed (nor does newsboat): a JSON Feed is read by Python's own json module
     * there, and held to the specification's rules by {@link #checkJsonFeed}.
     */
    private static final String FEEDPARSER = """
            import feedparser, json, sys
            if "json" in sys.argv[2]:
                with open(sys.argv[1], encoding="utf-8") as f:
                    d = json.load(f)
                items = d["items"]
                print(json.dumps({"bozo": False, "problem": "",
                    "version": "json11" if d["version"] == "https://jsonfeed.org/version/1.1" else d["version"],
                    "title": d["title"], "ids": [i["id"] for i in items], "links": [i.get("url") for i in items],
                    "titles": [i.get("title") for i in items], "tags": [i.get("tags", []) for i in items],
                    "enclosures": [[a["url"] for a in i.get("attachments", [])] for i in items]}))
                sys.exit(0)
            d = feedparser.parse(sys.argv[1], response_headers={"content-type": sys.argv[2]})
            print(json.dumps({"bozo": d.bozo, "problem": str(d.get("bozo_exception", "")), "version": d.version,
                "title": d.feed.get("title"), "ids": [e.get("id") for e in d.entries],
                "links": [e.get("link") for e in d.entries], "titles": [e.get("title") for e in d.entries],
                "tags": [[t.term for t in e.get("tags", [])] for e in d.entries],
                "enclosures": [[x.get("href") for x in e.get("enclosures", [])] for e in d.entries]}))
            """;

    @TempDir
    Path dir;

    FixtureServer origin;
    TestApp app;

    @BeforeEach
    void start() {
        origin = new FixtureServer()
                .feed("/cloudflare.xml", "application/rss+xml", Fixtures.text("parse/cloudflare-rss2.xml"))
                .feed("/ipspace.xml", "application/atom+xml", Fixtures.text("parse/ipspace-atom.xml"))
                .feed("/podcast.xml", "application/rss+xml", Fixtures.text("parse/packetpushers-podcast.xml"))
                .feed("/sflow.json", "application/feed+json", Fixtures.text("parse/sflow-jsonfeed.json"));
        app = TestApp.start(
                dir,
                List.of(
                        origin.url("/cloudflare.xml"),
                        origin.url("/ipspace.xml"),
                        origin.url("/podcast.xml"),
                        origin.url("/sflow.json")),
                false);
        app.server.ingestion().scheduler().refreshAll();
        app.server.search().catchUp();
    }

    @AfterEach
    void stop() {
        app.close();
        origin.close();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/feeds/posts.rss",
                "/feeds/posts.atom",
                "/feeds/posts.json",
                "/feeds/podcasts.rss",
                "/feeds/podcasts.atom",
                "/feeds/posts.json?limit=3&stance=neutral",
                "/feeds/posts.atom?topic=operations",
                "/feeds/posts.rss?maxHype=40&kind=article",
                "/feeds/posts.json?q=cloudflare",
                "/feeds/posts.atom?q=outage%20OR%20salt"
            })
    void everyFeedParsesCleanlyInBothParsersAndFollowsItsSpecification(String path) throws Exception {
        HttpResponse<byte[]> response = get(path, null);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        byte[] body = response.body();
        String type = response.headers().firstValue("Content-Type").orElseThrow();
        ParsedFeed ours = new FeedParser().parse(body, URI.create(app.url(path)));
        JsonNode theirs = feedparser(body, type);
        assertThat(theirs.get("bozo").asBoolean())
                .as(path + ": feedparser: " + theirs.get("problem").asText())
                .isFalse();
        assertThat(theirs.get("ids"))
                .as(path + ": feedparser's entries")
                .hasSize(ours.entries().size());
        assertThat(ours.entries()).as(path + ": entries").isNotEmpty();
        if (path.contains(".rss")) {
            assertThat(type).startsWith("application/rss+xml");
            assertThat(theirs.get("version").asText()).isEqualTo("rss20");
            checkRss(Jsoup.parse(new String(body, StandardCharsets.UTF_8), "", Parser.xmlParser()));
        } else if (path.contains(".atom")) {
            assertThat(type).startsWith("application/atom+xml");
            assertThat(theirs.get("version").asText()).isEqualTo("atom10");
            checkAtom(Jsoup.parse(new String(body, StandardCharsets.UTF_8), "", Parser.xmlParser()));
        } else {
            assertThat(type).startsWith("application/feed+json");
            assertThat(theirs.get("version").asText()).isEqualTo("json11");
            checkJsonFeed(JSON.readTree(body));
        }
    }

    @Test
    void topicsAreCategoriesAndTheHypeScoreAndStanceAreInSiftsNamespace() throws Exception {
        Document rss = xml("/feeds/posts.rss");
        Element outage = rss.select("item").stream()
                .filter(i -> i.selectFirst("title").text().startsWith("Cloudflare outage"))
                .findFirst()
                .orElseThrow();
        assertThat(outage.select("category").eachText()).contains("operations");
        assertThat(outage.select("sift|hype").text()).matches("\\d{1,3}");
        assertThat(outage.selectFirst("sift|hype").attr("xmlns:sift")).isEqualTo("urn:sift:feed:1");
        assertThat(outage.select("sift|stance").text()).isIn("hype", "neutral", "skeptical");
        assertThat(outage.select("sift|kind").text()).isEqualTo("incident");
        assertThat(outage.select("content|encoded").text())
                .as("sanitised content")
                .contains("not")
                .doesNotContain("<script");
        JsonNode json = JSON.readTree(get("/feeds/posts.json", null).body());
        JsonNode item = json.get("items").get(0);
        assertThat(item.get("_sift").get("hype").isInt()).isTrue();
        assertThat(item.get("tags").isArray()).isTrue();
    }

    @Test
    void thePodcastFeedHasEnclosuresAndITunesTags() {
        Document rss = xml("/feeds/podcasts.rss");
        assertThat(rss.select("channel > itunes|author").text()).isEqualTo("Sift");
        assertThat(rss.select("channel > itunes|category").attr("text")).isEqualTo("Technology");
        Element episode = rss.select("item").stream()
                .filter(i -> i.selectFirst("title").text().startsWith("HN812"))
                .findFirst()
                .orElseThrow();
        assertThat(episode.select("enclosure").attr("url")).isEqualTo("https://cdn.packetpushers.net/hn812.mp3");
        assertThat(episode.select("enclosure").attr("type")).isEqualTo("audio/mpeg");
        assertThat(episode.select("itunes|duration").text()).isEqualTo("2892"); // 48:12 in the feed
    }

    @Test
    void aSecondRequestWithTheETagGets304WithNoBody() throws Exception {
        HttpResponse<byte[]> first = get("/feeds/posts.atom?topic=operations", null);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=");
        HttpResponse<byte[]> second = get("/feeds/posts.atom?topic=operations", etag);
        assertThat(second.statusCode()).isEqualTo(304);
        assertThat(second.body()).isEmpty();
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        HttpResponse<byte[]> since = HTTP.send(
                HttpRequest.newBuilder(URI.create(app.url("/feeds/posts.atom?topic=operations")))
                        .header("If-Modified-Since", lastModified)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(since.statusCode()).isEqualTo(304);
        assertThat(get("/feeds/posts.atom?topic=security", etag).statusCode())
                .as("another view")
                .isEqualTo(200);
    }

    @Test
    void aChangedPostChangesTheFeed() throws Exception {
        HttpResponse<byte[]> first = get("/feeds/posts.atom", null);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        origin.feed(
                "/cloudflare.xml",
                "application/rss+xml",
                Fixtures.text("parse/cloudflare-rss2.xml")
                        .replace(
                                "How we found the root cause of Salt failures",
                                "How we found the root cause of Salt failures, again"));
        app.server.ingestion().scheduler().refreshAll();
        HttpResponse<byte[]> second = get("/feeds/posts.atom", etag);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(new String(second.body(), StandardCharsets.UTF_8)).contains("Salt failures, again");
    }

    @Test
    void badFeedAddressesAreRefusedInWords() {
        assertThat(app.get("/feeds/posts.xml").statusCode()).isEqualTo(404);
        assertThat(app.get("/feeds/posts.xml").body()).contains(".rss, .atom or .json");
        assertThat(app.get("/feeds/nothing.atom").statusCode()).isEqualTo(404);
        assertThat(app.get("/feeds/posts.atom?topic=cooking").statusCode()).isEqualTo(400);
        assertThat(app.get("/feeds/posts.atom?topic=cooking").body()).contains("topic must be one of");
        assertThat(app.get("/feeds/posts.atom?limit=1000").statusCode()).isEqualTo(400);
        assertThat(app.get("/feeds/posts.atom?q=(bgp").statusCode()).isEqualTo(400);
    }

    /** Issue 20: the cache held a whole feed for each raw query string, so ?z=1 ... ?z=500 pinned 500 of them. */
    @Test
    void aThousandQueryStringsHoldTheFeedCacheUnderItsBoundAndUnknownParametersChangeNothing() {
        String plain = app.get("/feeds/posts.atom").body();
        double before = app.metric("sift_feed_cache_bytes");
        for (int i = 0; i < 1000; i++) {
            assertThat(app.get("/feeds/posts.atom?z=" + i + "&utm_source=" + i).body())
                    .as("?z=" + i)
                    .isEqualTo(plain);
        }
        assertThat(app.metric("sift_feed_cache_bytes"))
                .as("unknown parameters share the plain feed's entry")
                .isEqualTo(before);
        for (int i = 0; i <= 100; i++) {
            app.get("/feeds/posts.json?maxHype=" + i);
            app.get("/feeds/posts.rss?q=bgp+" + i);
        }
        assertThat(app.metric("sift_feed_cache_bytes")).isPositive().isLessThanOrEqualTo(16 * 1024 * 1024);
    }

    @Test
    void everyPageAdvertisesItsFeed() {
        Document home = Jsoup.parse(app.get("/?topic=operations").body());
        assertThat(home.select("link[rel=alternate][type=application/atom+xml]").attr("href"))
                .isEqualTo("/feeds/posts.atom?topic=operations");
        assertThat(home.select("link[rel=alternate][type=application/rss+xml]")).isNotEmpty();
        assertThat(home.select("link[rel=alternate][type=application/feed+json]"))
                .isNotEmpty();
        assertThat(home.select("a.subscribe").attr("href")).isEqualTo("/feeds/posts.atom?topic=operations");
        assertThat(Jsoup.parse(app.get("/podcasts").body())
                        .select("a.subscribe")
                        .attr("href"))
                .isEqualTo("/feeds/podcasts.rss");
        Document post = Jsoup.parse(
                app.get(Jsoup.parse(app.get("/").body()).select("article h2 a").attr("href"))
                        .body());
        assertThat(post.select("link[rel=alternate]"))
                .as("a feed reader finds the river from any page")
                .isNotEmpty();
        assertThat(post.select("a.subscribe"))
                .as("a post is no view to subscribe to")
                .isEmpty();
        assertThat(Jsoup.parse(app.get("/about/ai-claims").body()).select("a.subscribe"))
                .isEmpty();
    }

    @Test
    void aPrivateReadersFeedsNeedTheReadersSecretAddress(@TempDir Path other) throws Exception {
        try (TestApp closed = TestApp.startPrivate(other, "a long admin password")) {
            assertThat(closed.get("/feeds/posts.atom").statusCode()).isEqualTo(401);
            assertThat(closed.get("/feeds/posts.atom").body()).contains("account page");
            Visitor admin = new Visitor(closed);
            admin.login("admin", "a long admin password", null);
            Document home = Jsoup.parse(admin.get("/?topic=routing").body());
            assertThat(home.select("link[rel=alternate][type=application/rss+xml]")
                            .attr("href"))
                    .as("issue 20: no secret in a page")
                    .isEqualTo("/feeds/posts.rss?topic=routing");
            String subscribe = home.select("a.subscribe").attr("href");
            assertThat(subscribe).isEqualTo("/account?view=%2Ffeeds%2Fposts.atom%3Ftopic%3Drouting#feeds");
            Document account =
                    Jsoup.parse(admin.get(subscribe.replace("#feeds", "")).body());
            Element form = account.selectFirst("form.new-feed");
            HttpResponse<String> made = admin.post(
                    "/account/feeds",
                    Map.of(
                            "_csrf",
                            admin.csrf(),
                            "view",
                            form.select("input[name=view]").val(),
                            "name",
                            "NetNewsWire"));
            String address = Jsoup.parse(made.body()).select("#new-feed").text();
            assertThat(address)
                    .as("whole, for a feed reader")
                    .startsWith(closed.url("/feeds/posts.atom?topic=routing&token=sift_"));
            String secret = address.substring(closed.url("").length());
            assertThat(secret).matches("/feeds/posts\\.atom\\?topic=routing&token=sift_[A-Za-z0-9_-]{43}");
            assertThat(Jsoup.parse(admin.get("/account").body()).select("#new-feed"))
                    .as("shown once")
                    .isEmpty();
            HttpResponse<String> feed = closed.get(secret); // no cookie: a feed reader
            assertThat(feed.statusCode()).isEqualTo(200);
            assertThat(feed.body()).contains("<feed").doesNotContain("token=");
            assertThat(feed.headers().firstValue("Cache-Control").orElseThrow()).startsWith("private");
            assertThat(closed.get(secret.replaceAll("token=.*", "token=forged")).statusCode())
                    .isEqualTo(401);

            // a reader's starred feed follows the reader's state, not only the posts
            String starred = secret.replace("topic=routing", "show=starred");
            assertThat(closed.get(starred).body()).doesNotContain("<entry>");
            var db = closed.server.db();
            db.feeds()
                    .subscribe(
                            new sift.store.feed.NewFeed("https://s.example/feed", "S", null), java.time.Instant.now());
            long feedId =
                    db.feeds().findByUrl("https://s.example/feed").orElseThrow().id();
            db.posts()
                    .upsert(
                            new sift.store.post.PostDraft(
                                    feedId,
                                    "s1",
                                    null,
                                    "A post worth a star",
                                    null,
                                    java.time.Instant.now(),
                                    null,
                                    null,
                                    "<p>x</p>",
                                    "x",
                                    sift.store.post.PostFacts.ofKind("article"),
                                    List.of()),
                            java.time.Instant.now());
            assertThat(closed.get(starred).body()).doesNotContain("A post worth a star");
            long post = db.postQueries().river(1, null).get(0).id();
            db.postStates()
                    .setStarred(db.users().find("admin").orElseThrow().id(), post, true, java.time.Instant.now());
            assertThat(closed.get(starred).body()).contains("A post worth a star");

            // revoked, the address opens nothing
            admin.post("/account/feeds/revoke", Map.of("_csrf", admin.csrf(), "name", "NetNewsWire"));
            assertThat(closed.get(secret).statusCode()).isEqualTo(401);
        }
    }

    private void checkRss(Document doc) {
        Element channel = doc.selectFirst("rss[version=2.0] > channel");
        assertThat(channel).isNotNull();
        for (String required : List.of("title", "link", "description")) {
            assertThat(channel.select("> " + required).text())
                    .as("channel " + required)
                    .isNotBlank();
        }
        assertThat(absolute(channel.selectFirst("> link").text())).isTrue();
        assertThat(channel.select("> atom|link[rel=self]").attr("href")).startsWith("http://127.0.0.1:");
        Set<String> guids = new HashSet<>();
        for (Element item : channel.select("> item")) {
            assertThat(item.select("> title").text()
                            + item.select("> description").text())
                    .as("title or description")
                    .isNotBlank();
            assertThat(guids.add(item.select("> guid").text()))
                    .as("unique guid " + item.select("> guid").text())
                    .isTrue();
            assertThat(absolute(item.select("> guid").text())).isTrue();
            assertThat(absolute(item.select("> link").text()))
                    .as("link " + item.select("> link").text())
                    .isTrue();
            // RFC 822 dates (with four-digit years, as RSS 2.0 recommends)
            ZonedDateTime.parse(item.select("> pubDate").text(), DateTimeFormatter.RFC_1123_DATE_TIME);
            for (Element enclosure : item.select("> enclosure")) {
                assertThat(absolute(enclosure.attr("url"))).isTrue();
                assertThat(enclosure.attr("length")).matches("\\d+");
                assertThat(enclosure.attr("type")).contains("/");
            }
        }
    }

    private void checkAtom(Document doc) {
        Element feed = doc.selectFirst("feed[xmlns=http://www.w3.org/2005/Atom]");
        assertThat(feed).isNotNull();
        assertThat(absolute(feed.select("> id").text())).isTrue();
        assertThat(feed.select("> title").text()).isNotBlank();
        OffsetDateTime.parse(feed.select("> updated").text());
        assertThat(feed.select("> author > name").text()).isNotBlank();
        assertThat(feed.select("> link[rel=self]").attr("href")).startsWith("http://127.0.0.1:");
        Set<String> ids = new HashSet<>();
        for (Element entry : feed.select("> entry")) {
            String id = entry.select("> id").text();
            assertThat(ids.add(id)).as("unique id " + id).isTrue();
            assertThat(absolute(id)).isTrue();
            assertThat(entry.select("> title").text()).isNotBlank();
            OffsetDateTime.parse(entry.select("> updated").text());
            OffsetDateTime.parse(entry.select("> published").text());
            for (Element link : entry.select("> link")) {
                assertThat(absolute(link.attr("href")))
                        .as("link " + link.attr("href"))
                        .isTrue();
            }
            assertThat(entry.select("> link[rel=alternate]")).hasSize(1);
        }
    }

    private void checkJsonFeed(JsonNode feed) {
        assertThat(feed.get("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(feed.get("title").asText()).isNotBlank();
        assertThat(absolute(feed.get("home_page_url").asText())).isTrue();
        assertThat(absolute(feed.get("feed_url").asText())).isTrue();
        Set<String> ids = new HashSet<>();
        for (JsonNode item : feed.get("items")) {
            assertThat(ids.add(item.get("id").asText())).isTrue();
            assertThat(absolute(item.get("url").asText())).isTrue();
            assertThat(item.has("content_html") || item.has("content_text")).isTrue();
            OffsetDateTime.parse(item.get("date_published").asText());
            OffsetDateTime.parse(item.get("date_modified").asText());
        }
    }

    private static boolean absolute(String url) {
        URI uri = URI.create(url);
        return uri.isAbsolute()
                && (uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                && uri.getHost() != null;
    }

    private Document xml(String path) {
        try {
            return Jsoup.parse(new String(get(path, null).body(), StandardCharsets.UTF_8), "", Parser.xmlParser());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<byte[]> get(String path, String etag) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.url(path)));
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Runs Debian's python3-feedparser over the bytes (CI installs it; a machine without it fails here, in words). */
    private JsonNode feedparser(byte[] body, String type) throws Exception {
        Path file = Files.createTempFile(dir, "feed", ".xml");
        Files.write(file, body);
        Process process = new ProcessBuilder("/usr/bin/python3", "-c", FEEDPARSER, file.toString(), type)
                .redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue())
                .as("python3-feedparser (apt-get install python3-feedparser): " + out)
                .isZero();
        return JSON.readTree(out);
    }
}
