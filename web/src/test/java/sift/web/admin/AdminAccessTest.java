package sift.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sift.store.feed.NewFeed;
import sift.web.TestApp;
import sift.web.Visitor;
import sift.web.auth.Accounts;

/** Only admins reach the admin pages and the admin API, also on a public reader; every change is audited. */
class AdminAccessTest {
    private static final String PASSWORD = "a long admin password";
    private static final List<String> PAGES = List.of(
            "/admin",
            "/admin/feeds",
            "/admin/feeds/1",
            "/admin/feeds.opml",
            "/admin/audit",
            "/admin/users",
            "/admin/classifiers",
            "/admin/classifiers/lexicon",
            "/admin/classifiers/models");

    @TempDir
    Path dir;

    @Test
    void aReaderGets403OnEveryAdminPageAndCallAndNobodyIsSentToLogIn() throws Exception {
        try (TestApp app = TestApp.startPrivate(dir, PASSWORD)) {
            app.server.db().feeds().subscribe(new NewFeed("https://a.example/feed", "A", null), Instant.now());
            int feeds = app.server.db().feeds().count();
            Accounts.add(app.server.db().users(), "ben", "ben's long password", false, Instant.now());
            Visitor ben = new Visitor(app);
            ben.login("ben", "ben's long password", null);
            String csrf = ben.csrf();
            // every admin route the server has, not a list that could fall behind it
            List<String> routes = app.server.routes().stream()
                    .filter(r -> r.matches("(GET|POST) /(api/)?admin.*"))
                    .toList();
            assertThat(routes)
                    .contains(
                            "GET /admin/classifiers/lexicon",
                            "POST /admin/classifiers/models/retrain",
                            "GET /api/admin/feeds")
                    .containsAll(PAGES.stream()
                            .map(p -> "GET " + p.replace("/1", "/{id}"))
                            .toList());
            for (String route : routes) {
                String path = route.substring(route.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "1");
                int status = route.startsWith("GET ")
                        ? ben.get(path).statusCode()
                        : ben.post(path, Map.of("_csrf", csrf, "url", "https://b.example/feed"))
                                .statusCode();
                assertThat(status).as(route).isEqualTo(403);
            }
            assertThat(ben.get("/admin/feeds").body()).contains("Only admins");
            assertThat(app.server.db().feeds().count()).as("nothing changed").isEqualTo(feeds);
            assertThat(app.get("/api/admin/feeds").statusCode()).isEqualTo(401);
            assertThat(app.get("/admin/feeds").statusCode())
                    .as("nobody: to the login")
                    .isEqualTo(303);

            Visitor admin = new Visitor(app);
            admin.login("admin", PASSWORD, null);
            for (String page : PAGES) {
                var answer = admin.get(page);
                assertThat(answer.statusCode())
                        .as("GET " + page + " as admin: " + answer.body())
                        .isIn(200, 302);
            }
            assertThat(admin.get("/api/admin/feeds").body()).contains("\"url\":\"https://a.example/feed\"");
            long feed = app.server
                    .db()
                    .feeds()
                    .findByUrl("https://a.example/feed")
                    .orElseThrow()
                    .id();
            var saved = admin.post(
                    "/admin/feeds/" + feed,
                    Map.of(
                            "_csrf",
                            admin.csrf(),
                            "title",
                            "Blog A",
                            "refreshMinutes",
                            "60",
                            "sourceWeight",
                            "2.5",
                            "enabled",
                            "true"));
            assertThat(saved.statusCode()).isEqualTo(303);
            var bad = admin.post(
                    "/admin/feeds/" + feed,
                    Map.of("_csrf", admin.csrf(), "refreshMinutes", "2", "sourceWeight", "1", "enabled", "true"));
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("the refresh interval is 5 to 10080 minutes");
            assertThat(app.server.db().feeds().settings(feed).orElseThrow().refreshMinutes())
                    .as("the good one stays")
                    .isEqualTo(60);
            assertThat(admin.get("/admin/audit").body())
                    .contains(
                            "feed.edit",
                            "https://a.example/feed",
                            "title: null -&gt; Blog A",
                            "refresh minutes: null -&gt; 60",
                            "source weight: 1.0 -&gt; 2.5");
        }
    }

    @Test
    void aPublicReaderStillNeedsAnAdminLoginForTheAdminPages(@TempDir Path demo) {
        try (TestApp app = TestApp.startDemo(demo, PASSWORD)) {
            assertThat(app.get("/admin/feeds").statusCode()).isEqualTo(303);
            assertThat(app.get("/admin/feeds").headers().firstValue("Location").orElseThrow())
                    .startsWith("/login");
            assertThat(app.get("/api/admin/feeds").statusCode()).isEqualTo(401);
        }
    }
}
