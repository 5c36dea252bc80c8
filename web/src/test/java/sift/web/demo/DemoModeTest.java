package sift.web.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sift.store.post.PostFacts;
import sift.store.post.PostSummary;
import sift.web.TestApp;

/** {@code sift serve --demo}: the bundled samples go through the real fetch-parse-store path. */
class DemoModeTest {
    @TempDir
    Path dir;

    @Test
    void aNewUserSeesAFullReaderWithoutInternetAccess() throws Exception {
        try (TestApp app = TestApp.startDemo(dir)) {
            waitForPosts(app, 65);

            Document home = Jsoup.parse(app.get("/").body());
            assertThat(home.select("article")).hasSize(50);
            assertThat(home.select("a[rel=next]")).hasSize(1);

            List<PostSummary> river = app.server.db().postQueries().river(100, null);
            assertThat(river).extracting(PostSummary::kind).contains("article", "podcast", "release", "incident");
            assertThat(river)
                    .extracting(PostSummary::feedTitle)
                    .containsOnly(
                            "Packet Notes",
                            "Fabric Field Notes",
                            "Flow Counters",
                            "Control Plane Hours",
                            "Release notes from labforge",
                            "Netvendor Newsroom");

            // the feed links a WebVTT and an HTML transcript: the one for reading is kept, with the chapters
            var episode = app.server
                    .db()
                    .postQueries()
                    .find(byTitle(river, "CPH112: Peering Policies That Scale").id())
                    .orElseThrow()
                    .facts()
                    .episode();
            assertThat(episode.transcriptUrl())
                    .isEqualTo("https://control-plane-hours.example/episodes/112/transcript.html");
            assertThat(episode.transcriptType()).isEqualTo("text/html");
            assertThat(episode.chaptersUrl()).endsWith("/demo/media/cph112-chapters.json");
            assertThat(episode.chapters())
                    .as("read from the file the feed links")
                    .hasSize(6)
                    .first()
                    .isEqualTo(new PostFacts.Chapter(0, "Welcome and this week's guests"));
            assertThat(Jsoup.parse(app.get("/podcasts").body())
                            .select(".shows a")
                            .text())
                    .isEqualTo("Control Plane Hours");
            // the show page has the feed's artwork and description; numbers and lengths read alike everywhere
            Document show = Jsoup.parse(
                    app.get("/podcasts/show?name=Control+Plane+Hours").body());
            assertThat(show.select(".show-head img.artwork").attr("src")).endsWith("/demo/media/cover.svg");
            assertThat(app.get(URI.create(show.select(".show-head img.artwork").attr("src"))
                                    .getPath())
                            .statusCode())
                    .isEqualTo(200);
            assertThat(show.select(".show-description").text()).startsWith("A weekly podcast for network engineers");
            assertThat(show.select(".episode .number").first().text()).isEqualTo("S4 E112");
            Document episodePage = Jsoup.parse(app.get("/posts/"
                            + byTitle(river, "CPH112: Peering Policies That Scale")
                                    .id())
                    .body());
            assertThat(episodePage.select(".episode .number").text()).isEqualTo("S4 E112");
            assertThat(episodePage.select(".episode .duration").text())
                    .isEqualTo(show.select(".episode .duration").first().text())
                    .isEqualTo("52 min");
            assertThat(Jsoup.parse(app.get("/releases").body())
                            .select(".products tbody th")
                            .text())
                    .contains("labforge");

            // a GitHub-style release keeps its sections and breaking marks, without its upgrade boilerplate
            Document labforge =
                    Jsoup.parse(app.get("/releases/product?name=labforge").body());
            var newest = labforge.select(".timeline > li").first();
            assertThat(newest.select(".notes-heading").eachText())
                    .containsExactly("Breaking changes", "New features", "Bug fixes");
            assertThat(newest.select(".breaking-note").text()).contains("routing.policy");
            assertThat(newest.text()).doesNotContain("Upgrade with", "Full changelog");

            // every sample post tells a story of its own; two essays on AI in operations were once linked as one
            while (!app.server.db().postChanges().withoutStory(0, 1).isEmpty()) {
                Thread.sleep(100);
            }
            assertThat(river)
                    .allSatisfy(p -> assertThat(app.server.db().postQueries().sameStory(p.id(), 5))
                            .as("posts told with \"%s\"", p.title())
                            .isEmpty());
        }
    }

    @Test
    void hypeIsFlaggedInPlaceWithItsReasonsAndSoberPostsAreNot() throws Exception {
        try (TestApp app = TestApp.startDemo(dir)) {
            waitForPosts(app, 65);
            List<PostSummary> river = app.server.db().postQueries().river(100, null);
            PostSummary release = byTitle(river, "Introducing NetPilot AI: The Network That Runs Itself");
            assertThat(release.stance()).isEqualTo("hype");
            assertThat(release.hypeScore()).isGreaterThanOrEqualTo(60);
            assertThat(byTitle(river, "AI Will Not Fix Your Change Management").stance())
                    .isEqualTo("skeptical");
            for (String sober : List.of(
                    "Ultra Ethernet Transport, Part 5: How a Gradient Crosses the Fabric",
                    "RoCEv2 Congestion Control: DCQCN Tuning Notes From a 512-GPU Cluster",
                    "Switch Buffers and AI Traffic: Deep or Shallow?",
                    "Live AI/ML Metrics From a University GPU Cluster",
                    "CPH106: Ethernet for AI Back-End Networks")) {
                assertThat(byTitle(river, sober).stance()).as(sober).isNotEqualTo("hype");
            }
            assertThat(byTitle(river, "Netvendor Opens a Support Centre in Lisbon")
                            .stance())
                    .as("marketing without AI")
                    .isEqualTo("neutral");

            Document page = Jsoup.parse(app.get("/posts/" + release.id()).body());
            assertThat(page.select("p.stance").text()).startsWith("Hype-laden AI claims");
            assertThat(page.select(".content mark.claim")).isNotEmpty().allSatisfy(mark -> {
                assertThat(mark.attr("data-why")).matches("Hype \\d+/100: .+");
                assertThat(page.getElementById(mark.attr("aria-describedby"))).isNotNull();
            });
            assertThat(page.select(".content mark.claim").text()).contains("It predicts every outage");
            assertThat(page.select("h1").text()).isEqualTo("Introducing NetPilot AI: The Network That Runs Itself");
            assertThat(page.select("h1 mark.claim"))
                    .as("a claim in the title is marked as one in the text is")
                    .singleElement()
                    .satisfies(mark -> {
                        assertThat(mark.text()).isNotBlank();
                        assertThat(mark.attr("data-why")).matches("Hype \\d+/100: .+");
                        assertThat(page.getElementById(mark.attr("aria-describedby")))
                                .isNotNull();
                    });
            assertThat(page.select(".flagged li .why").text())
                    .as("reasons in plain words, not the lexicon's list names")
                    .contains("an absolute: zero human")
                    .doesNotContainPattern("\\b[a-z-]+: '");
            assertThat(page.select("details.flagged[open]"))
                    .as("a hype post's claims are listed open")
                    .hasSize(1);
            assertThat(page.select(".chip").eachAttr("href"))
                    .as("a topic chip filters the river")
                    .isNotEmpty()
                    .allMatch(href -> href.startsWith("/?topic="));
            assertThat(page.select("#keys dt").eachText())
                    .as("no shortcut that needs a login is offered to an anonymous reader")
                    .contains("j / k")
                    .doesNotContain("s", "m");
            var lost = app.get("/no/such/page");
            assertThat(lost.statusCode()).isEqualTo(404);
            assertThat(Jsoup.parse(lost.body()).select("form.search-form[action=/search]"))
                    .as("a friendly 404 offers a search")
                    .hasSize(1);
            String about = page.select("p.stance a").attr("href");
            assertThat(about).isEqualTo("/about/ai-claims");
            Document how = Jsoup.parse(app.get(about).body());
            assertThat(how.select("h1").text()).isEqualTo("How Sift scores AI claims");
            assertThat(how.text()).contains("reaches 45", "Marketing without AI");
            assertThat(page.select(".content mark.claim").eachAttr("data-why"))
                    .noneMatch(why -> why.matches("(?s).*\\b[a-z-]+: '.*"));

            Document skeptical = Jsoup.parse(app.get("/posts/"
                            + byTitle(river, "AI Will Not Fix Your Change Management")
                                    .id())
                    .body());
            assertThat(skeptical.select("p.stance").text()).startsWith("Skeptical of AI claims");
            assertThat(skeptical
                            .select("details.skeptical-claims[open] li .why")
                            .eachText())
                    .as("a skeptical post says why, in plain words")
                    .isNotEmpty()
                    .noneMatch(why -> why.matches("(?s).*\\b[a-z-]+: '.*"));
            assertThat(page.select("details.skeptical-claims"))
                    .as("not on a hype post")
                    .isEmpty();

            Document home = Jsoup.parse(app.get("/").body());
            assertThat(home.select(".entry .stance-hype").text()).contains("hype");
            assertThat(home.select(".entry .stance-skeptical").eachText())
                    .as("skeptical, without a number that would read as a skepticism score")
                    .isNotEmpty()
                    .allMatch("skeptical"::equals);
        }
    }

    @Test
    void theRiverFiltersByTopicKindFeedStanceAndHypeAndSaysSo() throws Exception {
        try (TestApp app = TestApp.startDemo(dir)) {
            waitForPosts(app, 65);
            Document podcasts = Jsoup.parse(app.get("/?kind=podcast").body());
            assertThat(podcasts.select("article"))
                    .hasSize(12)
                    .allSatisfy(a -> assertThat(a.select(".kind").text()).isEqualTo("podcast"));
            assertThat(podcasts.select("p.filter").text()).contains("kind podcast", "show everything");

            Document hype = Jsoup.parse(app.get("/?stance=hype").body());
            assertThat(hype.select("article h2").eachText())
                    .containsExactlyInAnyOrder(
                            "Introducing NetPilot AI: The Network That Runs Itself",
                            "Announcing the AI Fabric Assistant: Autonomous Networking Is Here");
            assertThat(Jsoup.parse(app.get("/?stance=hype&maxHype=40").body()).select("article"))
                    .isEmpty();
            assertThat(Jsoup.parse(app.get("/?topic=routing&kind=release").body())
                            .select("article"))
                    .isNotEmpty()
                    .allSatisfy(a -> assertThat(a.select(".chip").eachText()).contains("routing"));

            Document river = Jsoup.parse(app.get("/").body());
            String feedLink = river.select("article .feed").first().attr("href");
            assertThat(feedLink).matches("/\\?feed=\\d+");
            String feedTitle = river.select("article .feed").first().text();
            assertThat(Jsoup.parse(app.get(feedLink).body())
                            .select("article .feed")
                            .eachText())
                    .isNotEmpty()
                    .containsOnly(feedTitle);

            var bad = app.get("/?topic=bgp");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(Jsoup.parse(bad.body()).text()).contains("topic must be one of", "not 'bgp'");
            var lots = app.get("/?maxHype=lots");
            assertThat(lots.statusCode()).isEqualTo(400);
            assertThat(Jsoup.parse(lots.body()).text()).contains("maxHype must be a whole number, not 'lots'");
        }
    }

    private static PostSummary byTitle(List<PostSummary> posts, String title) {
        return posts.stream()
                .filter(p -> p.title().equals(title))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no demo post titled " + title));
    }

    @Test
    void aWordSaidOnlyInAnEpisodeFindsItAtTheTimeItWasSaid() throws Exception {
        try (TestApp app = TestApp.startDemo(dir)) {
            waitForPosts(app, 65);
            app.server.search().catchUp();
            // "hijack drill" is said at 31:05 in the demo transcript of CPH112, and written nowhere
            var api = new ObjectMapper()
                    .readTree(app.get("/api/search?q=hijack+drill").body());
            var hit = api.get("hits").get(0);
            assertThat(hit.get("title").asText()).isEqualTo("CPH112: Peering Policies That Scale");
            assertThat(hit.get("said").get("startSeconds").asInt()).isEqualTo(31 * 60 + 5);
            assertThat(hit.get("said").get("speaker").asText()).isEqualTo("Ana");
            assertThat(hit.get("highlights").toString()).isEqualTo("[\"hijack\",\"drill\"]");
            String url = hit.get("url").asText();
            assertThat(url).endsWith("?t=1865");

            Document page = Jsoup.parse(app.get("/search?q=hijack+drill").body());
            var result = page.select(".results article").first();
            assertThat(result.select("h2 a").attr("href")).isEqualTo(url);
            assertThat(result.select(".summary a.said").text()).isEqualTo("said at 31:05 by Ana");
            assertThat(result.select(".summary mark").eachText()).containsExactly("hijack", "drill");

            Document episode = Jsoup.parse(app.get(url).body());
            assertThat(episode.select("audio.player").attr("data-position"))
                    .as("the player starts where the words were said")
                    .isEqualTo("1865");
            assertThat(app.get(url.replace("?t=1865", "?t=soon")).statusCode()).isEqualTo(400);
        }
    }

    @Test
    void searchFindsPostsNearInMeaningAndMarksThem() throws Exception {
        try (TestApp app = TestApp.startDemo(dir)) {
            waitForPosts(app, 65);
            app.server.search().catchUp();
            // no sample post has the word "autopilot": two speak of networks that run themselves
            var api = new ObjectMapper()
                    .readTree(app.get("/api/search?q=autopilot+for+routers").body());
            assertThat(api.get("hits")).hasSizeGreaterThanOrEqualTo(2);
            assertThat(List.of(
                            api.get("hits").get(0).get("title").asText(),
                            api.get("hits").get(1).get("title").asText()))
                    .containsExactlyInAnyOrder(
                            "Introducing NetPilot AI: The Network That Runs Itself",
                            "The Myth of the Self-Driving Network");
            assertThat(api.get("hits").get(0).get("byMeaning").asBoolean()).isTrue();

            Document page =
                    Jsoup.parse(app.get("/search?q=autopilot+for+routers").body());
            assertThat(page.select(".results .by-meaning").first().text()).isEqualTo("similar meaning");
            assertThat(page.select(".results article:has(a:contains(NetPilot)) .stance-hype")
                            .text())
                    .as("a result says its stance")
                    .startsWith("hype ");
            assertThat(page.select(".results article:has(a:contains(Self-Driving)) .stance-skeptical")
                            .text())
                    .isEqualTo("skeptical");
            assertThat(page.select(".results .chip")).as("and its topics").isNotEmpty();
            assertThat(page.select("details#syntax summary").text()).isEqualTo("Query syntax");
            Document nonsense = Jsoup.parse(app.get("/search?q=topic:nonsense").body());
            assertThat(nonsense.select("p.error").text()).contains("unknown topic 'nonsense'", "routing");
            assertThat(nonsense.select("details#syntax[open]")).hasSize(1);
            var byDate = new ObjectMapper()
                    .readTree(app.get("/api/search?q=autopilot+for+routers&sort=date")
                            .body());
            assertThat(byDate.get("total").asInt())
                    .as("newest first matches the words exactly")
                    .isZero();
            long cabling = byTitle(
                            app.server.db().postQueries().river(100, null),
                            "Cabling a 1,024-GPU Cluster Without Losing Your Mind")
                    .id();
            Document post = Jsoup.parse(app.get("/posts/" + cabling).body());
            Document like = Jsoup.parse(
                    app.get(post.select("footer a:contains(More like this)").attr("href"))
                            .body());
            assertThat(like.select("h1").text()).isEqualTo("More like this");
            assertThat(like.select("ol.like li a").eachText())
                    .hasSize(10)
                    .startsWith("Building a Lab for RDMA Experiments on a Budget")
                    .contains("Rail-Optimized vs. Fat-Tree: Choosing a Topology for a Training Cluster")
                    .doesNotContain("Cabling a 1,024-GPU Cluster Without Losing Your Mind");
            assertThat(app.get("/posts/424242/like").statusCode()).isEqualTo(404);
            var likeApi = new ObjectMapper()
                    .readTree(app.get("/api/posts/" + cabling + "/like").body());
            assertThat(likeApi.get("like")).hasSize(10);
            assertThat(likeApi.get("like").get(0).get("title").asText())
                    .isEqualTo(like.select("ol.like li a").first().text());
            assertThat(app.get("/api/posts/424242/like").statusCode()).isEqualTo(404);

            var words = new ObjectMapper()
                    .readTree(app.get("/api/search?q=add-path").body());
            assertThat(words.get("hits").get(0).get("title").asText())
                    .isEqualTo("BGP Add-Path Is Not a Load-Balancing Feature");
            assertThat(words.get("hits").get(0).get("byMeaning").asBoolean()).isFalse();
        }
    }

    @Test
    void aHypeClaimSaidInAnEpisodeIsShownWithItsTimeSpeakerAndReasonsWhereverThePostGoes() throws Exception {
        try (TestApp app = TestApp.startDemo(dir)) {
            waitForPosts(app, 65);
            // Raj says it at 24:10 in the demo transcript of CPH112 (WebVTT); the show notes say nothing of AI
            long id = byTitle(app.server.db().postQueries().river(100, null), "CPH112: Peering Policies That Scale")
                    .id();
            String said = "Honestly, our new AI assistant will replace the whole peering team, and it never makes a "
                    + "mistake.";
            var post = new ObjectMapper().readTree(app.get("/api/posts/" + id).body());
            var claim = post.get("claims").get(0);
            assertThat(claim.get("part").asText()).isEqualTo("transcript");
            assertThat(claim.get("sentence").asText()).isEqualTo(said);
            assertThat(claim.get("startSeconds").asInt()).isEqualTo(24 * 60 + 10);
            assertThat(claim.get("speaker").asText()).isEqualTo("Raj");
            assertThat(claim.get("stance").asText()).isEqualTo("hype");
            assertThat(claim.get("reasons").toString()).contains("will replace");

            Document page = Jsoup.parse(app.get("/posts/" + id).body());
            var spoken = page.select("section.spoken li.said-hype").first();
            assertThat(spoken.select("button.seek").attr("data-seek")).isEqualTo("1450");
            assertThat(spoken.select("button.seek").text()).isEqualTo("24:10");
            assertThat(spoken.select(".speaker").text()).isEqualTo("Raj");
            assertThat(spoken.select("q").text()).isEqualTo(said);
            assertThat(spoken.select(".why").text())
                    .startsWith("Hype 100/100: ")
                    .contains("will replace");
            assertThat(page.select("p.stance").text()).contains("from what was said");
            assertThat(page.select("details.flagged"))
                    .as("the show notes flag nothing")
                    .isEmpty();

            Document digest = Jsoup.parse(app.get("/digest").body());
            var watched =
                    digest.select(".hype-watch li.claim:contains(" + said + ")").first();
            assertThat(watched.select("a.said").text()).isEqualTo("said at 24:10 by Raj");
            assertThat(watched.select("a.said").attr("href")).endsWith("/posts/" + id + "?t=1450");

            String rss = app.get("/feeds/podcasts.rss").body();
            assertThat(rss).contains("startSeconds=\"1450\"", "speaker=\"Raj\"", said, "?t=1450");

            // CPH111 links its transcript in the Podcasting 2.0 JSON: a vendor's pitch quoted at 3:05
            long aiops = byTitle(app.server.db().postQueries().river(100, null), "CPH111: Is AIOps Overhyped?")
                    .id();
            assertThat(new ObjectMapper()
                            .readTree(app.get("/api/posts/" + aiops).body())
                            .get("claims")
                            .findValues("startSeconds"))
                    .extracting(n -> n.asInt())
                    .contains(185);
        }
    }

    @Test
    void demoEpisodesPlayOffline() throws Exception {
        try (TestApp app = TestApp.startDemo(dir)) {
            var media = app.get("/demo/media/cph112.mp3");
            assertThat(media.statusCode()).isEqualTo(200);
            assertThat(media.headers().firstValue("Content-Type")).contains("audio/mpeg");
            assertThat(app.get("/demo/media/..%2Fsift.mv.db").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void aRestartOnAnotherPortKeepsTheSamePostsWithoutDuplicates() throws Exception {
        int first;
        try (TestApp app = TestApp.startDemo(dir)) {
            waitForPosts(app, 65);
            first = app.server.db().postChanges().count();
        }
        try (TestApp again = TestApp.startDemo(dir)) {
            assertThat(again.server.db().feeds().count()).isEqualTo(6);
            Thread.sleep(1500); // the feeds are not due again, so nothing is refetched
            assertThat(again.server.db().postChanges().count()).isEqualTo(first);
            assertThat(again.server.db().feeds().all())
                    .allSatisfy(f -> assertThat(f.url()).startsWith(again.url("/demo/feeds/")));
        }
    }

    private static void waitForPosts(TestApp app, int count) throws InterruptedException {
        app.awaitPosts(count);
        assertThat(app.server.db().postChanges().count()).isEqualTo(count);
    }
}
