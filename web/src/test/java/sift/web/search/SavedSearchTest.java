package sift.web.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sift.store.feed.NewFeed;
import sift.store.post.PostDraft;
import sift.store.post.PostFacts;
import sift.web.TestApp;
import sift.web.Visitor;
import sift.web.auth.Accounts;

/** Saving a search and reading it as a view, over real HTTP. */
class SavedSearchTest {
    private static final String PASSWORD = "a long admin password";

    @TempDir
    Path dir;

    @Test
    void aSavedSearchIsAViewNewestFirstThatOnlyItsReaderSees() throws Exception {
        try (TestApp app = TestApp.startPrivate(dir, PASSWORD)) {
            var db = app.server.db();
            Instant now = Instant.now();
            db.feeds().subscribe(new NewFeed("https://n.example/feed", "N", null), now);
            long feed = db.feeds().all().get(0).id();
            for (int i = 0; i < 3; i++) {
                db.posts()
                        .upsert(
                                new PostDraft(
                                        feed,
                                        "p" + i,
                                        null,
                                        "EVPN note " + i,
                                        null,
                                        now.minusSeconds(60L * i),
                                        null,
                                        null,
                                        "<p>evpn " + i + "</p>",
                                        "evpn " + i,
                                        PostFacts.ofKind("article"),
                                        List.of()),
                                now);
            }
            db.posts()
                    .upsert(
                            new PostDraft(
                                    feed,
                                    "q",
                                    null,
                                    "OSPF note",
                                    null,
                                    now,
                                    null,
                                    null,
                                    "<p>ospf</p>",
                                    "ospf",
                                    PostFacts.ofKind("article"),
                                    List.of()),
                            now);
            Accounts.add(db.users(), "ben", "ben's long password", false, now);
            Visitor ana = new Visitor(app);
            ana.login("admin", PASSWORD, null);
            String csrf = ana.csrf();
            // the index follows the posts in the background
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (!ana.get("/search?q=evpn").body().contains("3 posts") && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            Document search = Jsoup.parse(ana.get("/search?q=evpn").body());
            assertThat(search.select("form.saved-search input[name=name]").val())
                    .isEqualTo("evpn");

            var saved = ana.post("/searches", Map.of("_csrf", csrf, "q", "evpn", "name", "EVPN"));
            assertThat(saved.statusCode()).isEqualTo(303);
            String view = saved.headers().firstValue("Location").orElseThrow();
            Document page = Jsoup.parse(ana.get(view).body());
            assertThat(page.select("h1").text()).isEqualTo("EVPN");
            assertThat(page.select("article.entry h2").eachText())
                    .containsExactly("EVPN note 0", "EVPN note 1", "EVPN note 2");
            assertThat(Jsoup.parse(ana.get("/search").body())
                            .select("nav.saved a")
                            .eachText())
                    .containsExactly("EVPN");

            assertThat(ana.post("/searches", Map.of("_csrf", csrf, "q", "evpn", "name", "EVPN"))
                            .statusCode())
                    .isEqualTo(409);
            var broken = ana.post("/searches", Map.of("_csrf", csrf, "q", "(evpn", "name", "broken"));
            assertThat(broken.statusCode()).isEqualTo(400);
            assertThat(Jsoup.parse(broken.body()).text()).contains("cannot be saved");

            Visitor ben = new Visitor(app);
            ben.login("ben", "ben's long password", null);
            assertThat(ben.get(view).statusCode()).as("another reader's search").isEqualTo(404);
            assertThat(ben.post(view + "/delete", Map.of("_csrf", ben.csrf())).statusCode())
                    .isEqualTo(404);

            assertThat(ana.post(view + "/delete", Map.of("_csrf", csrf)).statusCode())
                    .isEqualTo(303);
            assertThat(ana.get(view).statusCode()).isEqualTo(404);
        }
    }
}
