package sift.web.podcast;

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
import sift.store.post.PostDraft;
import sift.store.post.PostFacts;
import sift.store.release.ReleaseNote;
import sift.web.TestApp;
import sift.web.Visitor;

/** The podcast and release pages and watching a product, over real HTTP as a signed-in reader. */
class PodcastAndReleasePagesTest {
    private static final String PASSWORD = "a long admin password";
    private static final Instant NOW = Instant.now();

    @TempDir
    Path dir;

    TestApp app;
    Visitor ana;
    String csrf;
    long feed;

    @BeforeEach
    void start() throws Exception {
        app = TestApp.startPrivate(dir, PASSWORD);
        app.server.db().feeds().subscribe(new NewFeed("https://mixed.example/feed", "Mixed", null), NOW);
        feed = app.server.db().feeds().all().get(0).id();
        ana = new Visitor(app);
        ana.login("admin", PASSWORD, null);
        csrf = ana.csrf();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private long post(String guid, String title, long hoursAgo, PostFacts facts) {
        return app.server
                .db()
                .posts()
                .upsert(
                        new PostDraft(
                                feed,
                                guid,
                                null,
                                title,
                                null,
                                NOW.minusSeconds(hoursAgo * 3600),
                                null,
                                "Notes: " + title,
                                "<p>x</p>",
                                "x",
                                facts,
                                List.of()),
                        NOW)
                .postId();
    }

    private static PostFacts episode(String show, int number) {
        return new PostFacts(
                "podcast",
                List.of(),
                0,
                "neutral",
                List.of(),
                null,
                new PostFacts.Episode(
                        show,
                        null,
                        number,
                        3_130,
                        "https://pods.example/" + number + ".html",
                        "text/html",
                        "https://pods.example/" + number + "-chapters.json",
                        List.of(
                                new PostFacts.Chapter(0, "Hello"),
                                new PostFacts.Chapter(3_725, "<img src=x onerror=alert(1)> & goodbye"))));
    }

    private static PostFacts release(String product, String version, boolean breaking) {
        return new PostFacts(
                "release",
                List.of(),
                0,
                "neutral",
                List.of(),
                new PostFacts.Release(
                        product,
                        version,
                        breaking,
                        List.of(
                                new ReleaseNote("New features", "Highlight of " + version, false),
                                new ReleaseNote(
                                        breaking ? "Breaking changes" : "Bug fixes",
                                        "Change in " + version,
                                        breaking))),
                null);
    }

    private Document page(String path) throws Exception {
        var response = ana.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(response.body());
    }

    @Test
    void showsListTheirEpisodesWithNumberDurationNotesAndTheReadersPlace() throws Exception {
        post("e1", "Packets & Bits 1", 48, episode("Packets & Bits", 1));
        long second = post("e2", "Packets & Bits 2", 2, episode("Packets & Bits", 2));
        ana.postJson("/api/posts/" + second + "/state", "{\"position\": 600}", csrf);

        Document shows = page("/podcasts");
        assertThat(shows.select(".shows a").attr("href")).isEqualTo("/podcasts/show?name=Packets+%26+Bits");
        assertThat(shows.select(".shows .meta").text()).contains("2 episodes", "2 unplayed");
        assertThat(shows.select("#continue + ol h2").eachText()).containsExactly("Packets & Bits 2");

        Document show = page("/podcasts/show?name=Packets+%26+Bits");
        assertThat(show.select("h1").text()).isEqualTo("Packets & Bits");
        assertThat(show.select("article.episode h2").eachText())
                .containsExactly("Packets & Bits 2", "Packets & Bits 1");
        assertThat(show.select("article.episode").first().select(".meta").text())
                .contains("E2", "52 min", "stopped at 10:00");
        assertThat(show.select("article.episode .summary").first().text()).isEqualTo("Notes: Packets & Bits 2");

        Document episode = page("/posts/" + second);
        assertThat(episode.select(".episode a").eachAttr("href"))
                .containsExactly("/podcasts/show?name=Packets+%26+Bits", "https://pods.example/2.html");
        assertThat(episode.select(".chapters li").eachText())
                .as("chapters read as a list, not as the JSON file they came in, their titles as text")
                .containsExactly("0:00 Hello", "1:02:05 <img src=x onerror=alert(1)> & goodbye");
        assertThat(episode.select(".chapters img")).isEmpty();
        assertThat(episode.select(".chapters button.seek").eachAttr("data-seek"))
                .containsExactly("0", "3725");
        assertThat(ana.get("/podcasts/show?name=Nothing").statusCode()).isEqualTo(404);
    }

    @Test
    void watchingAProductPutsItsNewReleasesAtTheTopOfTheRiverUntilRead() throws Exception {
        post("n19", "netlab 1.9", 24 * 40, release("netlab", "1.9.0", false));
        long fresh = post("n20", "netlab 2.0", 30, release("netlab", "2.0.0", true));
        post("a", "An article", 1, PostFacts.ofKind("article"));

        Document products = page("/releases");
        assertThat(products.select(".products tbody th").eachText()).containsExactly("netlab");
        assertThat(products.select(".products tbody td").eachText()).contains("2.0.0 breaking", "2");
        assertThat(page("/").select(".watched-releases")).isEmpty();

        var watched = ana.post(
                "/releases/watch", Map.of("_csrf", csrf, "name", "netlab", "watch", "true", "back", "/releases"));
        assertThat(watched.statusCode()).isEqualTo(303);
        assertThat(page("/releases").select(".watch button").attr("aria-pressed"))
                .isEqualTo("true");
        assertThat(page("/").select(".watched-releases h2 a").eachText()).containsExactly("netlab 2.0");
        assertThat(page("/?topic=routing").select(".watched-releases"))
                .as("not in a filtered river")
                .isEmpty();

        Document timeline = page("/releases/product?name=netlab");
        assertThat(timeline.select(".timeline h2 a").eachText()).containsExactly("netlab 2.0.0", "netlab 1.9.0");
        assertThat(timeline.select(".timeline li")
                        .first()
                        .select("h2 .breaking")
                        .text())
                .isEqualTo("breaking changes");
        assertThat(timeline.select(".notes-heading").eachText())
                .containsExactly("New features", "Breaking changes", "New features", "Bug fixes");
        assertThat(timeline.select(".notes li").eachText())
                .containsExactly(
                        "Highlight of 2.0.0", "breaking Change in 2.0.0", "Highlight of 1.9.0", "Change in 1.9.0");
        assertThat(timeline.select(".notes li.breaking-note").eachText()).containsExactly("breaking Change in 2.0.0");

        assertThat(page("/posts/" + fresh).select(".notes, .highlights")) // and reads it
                .as("the post shows its notes once, in its own words")
                .isEmpty();
        assertThat(page("/").select(".watched-releases")).isEmpty();
        assertThat(page("/releases/product?name=netlab").select(".timeline li.read"))
                .hasSize(1);

        var unknown = ana.postJson("/api/releases/watch", "{\"name\": \"junos\", \"watch\": true}", csrf);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("'junos'");
        var api = ana.postJson("/api/releases/watch", "{\"name\": \"netlab\", \"watch\": false}", csrf);
        assertThat(api.body()).contains("\"watched\":false");
        assertThat(ana.get("/releases/product?name=junos").statusCode()).isEqualTo(404);
        assertThat(ana.post("/releases/watch", Map.of("name", "netlab", "watch", "true"))
                        .statusCode())
                .isEqualTo(403);
    }
}
