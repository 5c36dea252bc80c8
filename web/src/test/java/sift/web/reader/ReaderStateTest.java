package sift.web.reader;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sift.store.feed.NewFeed;
import sift.store.post.Enclosure;
import sift.store.post.PostDraft;
import sift.store.post.PostFacts;
import sift.web.TestApp;
import sift.web.Visitor;

/** Read, starred, played and the player's place, over real HTTP as a signed-in reader. */
class ReaderStateTest {
    private static final String PASSWORD = "a long admin password";
    private static final Instant NOW = Instant.now();

    @TempDir
    Path dir;

    TestApp app;
    Visitor ana;
    String csrf;
    long article;
    long episode;

    @BeforeEach
    void start() throws Exception {
        app = TestApp.startPrivate(dir, PASSWORD);
        var db = app.server.db();
        db.feeds().subscribe(new NewFeed("https://sgw.example/feed", "Software Gone Wild", null), NOW);
        long feed = db.feeds().all().get(0).id();
        article = db.posts()
                .upsert(
                        new PostDraft(
                                feed,
                                "a1",
                                null,
                                "BGP notes",
                                null,
                                NOW.minusSeconds(60),
                                null,
                                "About BGP",
                                "<p>BGP</p>",
                                "BGP",
                                PostFacts.ofKind("article"),
                                List.of()),
                        NOW)
                .postId();
        episode = db.posts()
                .upsert(
                        new PostDraft(
                                feed,
                                "e1",
                                null,
                                "Episode 9",
                                null,
                                NOW,
                                null,
                                "An episode",
                                "<p>Show notes</p>",
                                "Show notes",
                                PostFacts.ofKind("podcast"),
                                List.of(new Enclosure("https://sgw.example/e9.mp3", 1000L, "audio/mpeg"))),
                        NOW)
                .postId();
        ana = new Visitor(app);
        assertThat(ana.login("admin", PASSWORD, null).statusCode()).isEqualTo(303);
        csrf = ana.csrf();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private List<String> titles(String path) throws Exception {
        var response = ana.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(response.body()).select("article.entry h2 a").eachText();
    }

    @Test
    void starringFromTheRiverFormGoesBackAndShowsInTheStarredView() throws Exception {
        assertThat(titles("/?show=starred")).isEmpty();
        var starred = ana.post(
                "/posts/" + article + "/state", Map.of("_csrf", csrf, "starred", "true", "back", "/?show=all"));
        assertThat(starred.statusCode()).isEqualTo(303);
        assertThat(starred.headers().firstValue("Location")).hasValue("/?show=all");
        assertThat(titles("/?show=starred")).containsExactly("BGP notes");
        Document river = Jsoup.parse(ana.get("/").body());
        assertThat(river.select("article[data-id=" + article + "] button.star").attr("aria-pressed"))
                .isEqualTo("true");
        assertThat(river.select("article[data-id=" + article + "] button.star").attr("value"))
                .as("unstars")
                .isEqualTo("false");
        assertThat(river.select("article[data-id=" + episode + "] button.star").attr("aria-pressed"))
                .isEqualTo("false");
        assertThat(river.select("article[data-id=" + episode + "] button.star").attr("value"))
                .isEqualTo("true");
    }

    @Test
    void openingAPostReadsItAndTheUnreadViewLeavesItOut() throws Exception {
        assertThat(titles("/?show=unread")).containsExactly("Episode 9", "BGP notes");
        Document page = Jsoup.parse(ana.get("/posts/" + article).body());
        assertThat(page.select("button.read").text()).isEqualTo("Mark unread");
        assertThat(titles("/?show=unread")).containsExactly("Episode 9");
        assertThat(Jsoup.parse(ana.get("/").body())
                        .select("article.entry.read h2 a")
                        .eachText())
                .containsExactly("BGP notes");
    }

    @Test
    void thePageAndPostsScrolledPastAreMarkedReadTogether() throws Exception {
        var marked = ana.post("/read", Map.of("_csrf", csrf, "ids", article + "," + episode, "back", "/?show=unread"));
        assertThat(marked.statusCode()).isEqualTo(303);
        assertThat(titles("/?show=unread")).isEmpty();
        var api = ana.postJson("/api/read", "{\"ids\": [" + article + "], \"read\": false}", csrf);
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(titles("/?show=unread")).containsExactly("BGP notes");
        var bad = ana.postJson("/api/read", "{\"ids\": \"1,x\"}", csrf);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("'x'");
    }

    @Test
    void thePlayerPositionIsKeptOnTheServerUntilTheEpisodeIsPlayed() throws Exception {
        var saved = ana.postJson("/api/posts/" + episode + "/state", "{\"position\": 125.7}", csrf);
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("\"position\":125", "\"played\":false");
        Document page = Jsoup.parse(ana.get("/posts/" + episode).body());
        assertThat(page.select("audio.player").attr("data-position")).isEqualTo("125");
        assertThat(page.select(".played-state").text()).isEqualTo("Stopped at 2:05");

        var played = ana.post("/posts/" + episode + "/state", Map.of("_csrf", csrf, "played", "true"));
        assertThat(played.headers().firstValue("Location")).hasValue("/posts/" + episode);
        page = Jsoup.parse(ana.get("/posts/" + episode).body());
        assertThat(page.select("audio.player").attr("data-position")).isEqualTo("0");
        assertThat(page.select(".played-state").text()).isEqualTo("Played");
    }

    @Test
    void badChangesAreRefusedNamingTheProblemAndChangeNothing() throws Exception {
        assertThat(ana.post("/posts/" + article + "/state", Map.of("starred", "true"))
                        .statusCode())
                .as("no request token")
                .isEqualTo(403);
        assertThat(ana.postJson("/api/posts/" + article + "/state", "{\"starred\": true}", "forged")
                        .statusCode())
                .isEqualTo(403);
        var notFlag = ana.postJson("/api/posts/" + article + "/state", "{\"starred\": \"maybe\"}", csrf);
        assertThat(notFlag.statusCode()).isEqualTo(400);
        assertThat(notFlag.body()).contains("starred must be true or false", "'maybe'");
        assertThat(ana.postJson("/api/posts/" + article + "/state", "{\"position\": -3}", csrf)
                        .statusCode())
                .isEqualTo(400);
        assertThat(ana.postJson("/api/posts/" + article + "/state", "{}", csrf).body())
                .contains("Nothing to change");
        assertThat(ana.postJson("/api/posts/999999/state", "{\"read\": true}", csrf)
                        .statusCode())
                .isEqualTo(404);
        assertThat(ana.postJson("/api/posts/" + article + "/state", "[1, 2", csrf)
                        .statusCode())
                .isEqualTo(400);
        assertThat(titles("/?show=starred")).isEmpty();
        assertThat(ana.get("/?show=later").statusCode()).isEqualTo(400);
    }
}
