package sift.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sift.store.feed.NewFeed;
import sift.store.post.Enclosure;
import sift.store.post.PostDraft;
import sift.store.post.PostFacts;
import sift.store.release.ReleaseNote;

/** The JSON API with a reader's API token, as docs/API.md describes it. */
class ApiTest {
    private static final String PASSWORD = "a long admin password";
    private static final Instant NOW = Instant.now();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    TestApp app;
    Visitor ana;
    String token;
    long episode;

    @BeforeEach
    void start() throws Exception {
        app = TestApp.startPrivate(dir, PASSWORD);
        var db = app.server.db();
        db.feeds().subscribe(new NewFeed("https://mixed.example/feed", "Mixed", null), NOW);
        long feed = db.feeds().all().get(0).id();
        for (int i = 0; i < 55; i++) {
            db.posts()
                    .upsert(
                            new PostDraft(
                                    feed,
                                    "a" + i,
                                    "https://mixed.example/" + i,
                                    "Article " + i,
                                    null,
                                    NOW.minusSeconds(3600L + i),
                                    null,
                                    "About " + i,
                                    "<p>BGP " + i + "</p>",
                                    "BGP " + i,
                                    PostFacts.ofKind("article"),
                                    List.of()),
                            NOW);
        }
        episode = db.posts()
                .upsert(
                        new PostDraft(
                                feed,
                                "e1",
                                null,
                                "Episode 1",
                                null,
                                NOW,
                                null,
                                "Notes",
                                "<p>Notes</p>",
                                "Notes",
                                new PostFacts(
                                        "podcast",
                                        List.of(),
                                        0,
                                        "neutral",
                                        List.of(),
                                        null,
                                        new PostFacts.Episode("Packets", null, 1, 600)),
                                List.of(new Enclosure("https://mixed.example/e1.mp3", 10L, "audio/mpeg"))),
                        NOW)
                .postId();
        db.posts()
                .upsert(
                        new PostDraft(
                                feed,
                                "r1",
                                null,
                                "netlab 2.0",
                                null,
                                NOW.minusSeconds(60),
                                null,
                                null,
                                "<p>r</p>",
                                "r",
                                new PostFacts(
                                        "release",
                                        List.of(),
                                        0,
                                        "neutral",
                                        List.of(),
                                        new PostFacts.Release(
                                                "netlab",
                                                "2.0.0",
                                                true,
                                                List.of(new ReleaseNote("New features", "New things", false))),
                                        null),
                                List.of()),
                        NOW);

        ana = new Visitor(app);
        ana.login("admin", PASSWORD, null);
        var made = ana.post("/account/tokens", Map.of("_csrf", ana.csrf(), "name", "laptop script"));
        assertThat(made.statusCode()).isEqualTo(200);
        token = Jsoup.parse(made.body()).getElementById("new-token").text();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private HttpResponse<String> call(String method, String path, String body, String bearer) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(app.url(path)))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode get(String path) throws Exception {
        var response = call("GET", path, null, token);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        return JSON.readTree(response.body());
    }

    @Test
    void postsComeInPagesWithTheRiversFiltersAndOneByOneWithEverythingSiftKnows() throws Exception {
        JsonNode first = get("/api/posts");
        assertThat(first.get("posts")).hasSize(50);
        assertThat(first.get("posts").get(0).get("title").asText()).isEqualTo("Episode 1");
        JsonNode second = get("/api/posts?after=" + first.get("next").asText());
        assertThat(second.get("posts")).hasSize(7);
        assertThat(second.get("next").isNull()).isTrue();
        assertThat(get("/api/posts?kind=podcast").get("posts")).hasSize(1);

        JsonNode post = get("/api/posts/" + episode);
        assertThat(post.get("episode").get("show").asText()).isEqualTo("Packets");
        assertThat(post.get("enclosures").get(0).get("url").asText()).isEqualTo("https://mixed.example/e1.mp3");
        assertThat(post.get("contentHtml").asText()).isEqualTo("<p>Notes</p>");
        assertThat(post.get("state").get("read").asBoolean()).isFalse();
        // the search index follows the posts in the background
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (get("/api/search?q=bgp").get("total").asInt() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(get("/api/search?q=bgp").get("hits").get(0).get("title").asText())
                .startsWith("Article");
    }

    @Test
    void stateChangesWithATokenNeedNoRequestTokenAndShowInTheLists() throws Exception {
        var starred = call("POST", "/api/posts/" + episode + "/state", "{\"starred\": true, \"position\": 42}", token);
        assertThat(starred.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(starred.body()).get("starred").asBoolean()).isTrue();
        assertThat(get("/api/posts?show=starred").get("posts")).hasSize(1);

        JsonNode episodes = get("/api/podcasts/episodes?name=Packets");
        assertThat(episodes.get("episodes").get(0).get("position").asInt()).isEqualTo(42);
        assertThat(get("/api/podcasts").get("shows").get(0).get("name").asText())
                .isEqualTo("Packets");

        assertThat(call("POST", "/api/releases/watch", "{\"name\": \"netlab\", \"watch\": true}", token)
                        .statusCode())
                .isEqualTo(200);
        JsonNode products = get("/api/releases");
        assertThat(products.get("products").get(0).get("watched").asBoolean()).isTrue();
        JsonNode timeline = get("/api/releases/timeline?name=netlab");
        assertThat(timeline.get("releases").get(0).get("breaking").asBoolean()).isTrue();
        assertThat(timeline.get("releases").get(0).get("highlights").get(0).asText())
                .isEqualTo("New things");
        assertThat(timeline.get("releases")
                        .get(0)
                        .get("notes")
                        .get(0)
                        .get("section")
                        .asText())
                .isEqualTo("New features");
        assertThat(call("POST", "/api/read", "{\"ids\": [" + episode + "]}", token)
                        .statusCode())
                .isEqualTo(200);
        assertThat(get("/api/posts/" + episode).get("state").get("read").asBoolean())
                .isTrue();
    }

    @Test
    void withoutAValidTokenTheApiAnswers401AndErrorsAreJson() throws Exception {
        for (String bad : new String[] {null, "sift_forged", "not-even-a-sift-token"}) {
            var refused = call("GET", "/api/posts", null, bad);
            assertThat(refused.statusCode()).as(String.valueOf(bad)).isEqualTo(401);
            assertThat(JSON.readTree(refused.body()).get("error").asText()).contains("token");
        }
        var badFilter = call("GET", "/api/posts?kind=video", null, token);
        assertThat(badFilter.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badFilter.body()).get("error").asText()).contains("'video'");
        assertThat(call("GET", "/api/posts/424242", null, token).statusCode()).isEqualTo(404);

        var revoke = ana.post("/account/tokens/revoke", Map.of("_csrf", ana.csrf(), "name", "laptop script"));
        assertThat(revoke.statusCode()).isEqualTo(303);
        assertThat(call("GET", "/api/posts", null, token).statusCode()).isEqualTo(401);
    }

    @Test
    void theAccountPageListsTokensWithoutShowingThemAndRefusesADuplicateName() throws Exception {
        call("GET", "/api/posts", null, token);
        var page = Jsoup.parse(ana.get("/account").body());
        assertThat(page.select(".tokens tbody th").eachText()).containsExactly("laptop script");
        assertThat(page.select(".tokens tbody td").eachText()).contains("just now");
        assertThat(page.text()).doesNotContain(token);
        var again = ana.post("/account/tokens", Map.of("_csrf", ana.csrf(), "name", "laptop script"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(again.body()).select(".problem").text()).contains("'laptop script'");
        assertThat(ana.post("/account/tokens", Map.of("_csrf", ana.csrf(), "name", " "))
                        .statusCode())
                .isEqualTo(400);
    }
}
