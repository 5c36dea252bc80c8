package sift.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 23: the first run where no feed can be reached tells the truth, on the pages readers look at, in
 * {@code /health}, and when an admin adds a feed that cannot be fetched.
 */
class FirstRunTest {
    private static final String PASSWORD = "a long admin password";
    /** Port 9 (discard) on loopback: nothing listens, every fetch is refused at once. */
    private static final List<String> UNREACHABLE =
            List.of("http://127.0.0.1:9/blog.xml", "http://127.0.0.1:9/news.xml", "http://127.0.0.1:9/show.rss");

    @TempDir
    Path dir;

    @Test
    void readersAreToldThatNoFeedWasReachedAndNothingPromisesPostsThatAreNotComing() throws Exception {
        try (TestApp app = TestApp.startPrivate(dir, UNREACHABLE, PASSWORD)) {
            app.server.ingestion().scheduler().refreshAll();
            Visitor admin = new Visitor(app);
            admin.login("admin", PASSWORD, null);

            Document river = Jsoup.parse(admin.get("/").body());
            assertThat(river.select(".notice.reach").text())
                    .contains("0 of 3 feeds reached", "connection refused by 127.0.0.1:9", "Admin › Feeds", "--demo");
            assertThat(river.select(".empty").text())
                    .contains("none of the feeds has been reached yet")
                    .doesNotContain("fills as they arrive");

            Document podcasts = Jsoup.parse(admin.get("/podcasts").body());
            assertThat(podcasts.select(".notice.reach")).hasSize(1);
            assertThat(podcasts.select(".empty").text())
                    .contains("have not been reached")
                    .doesNotContain("Subscribe to a podcast feed");

            Document digest = Jsoup.parse(admin.get("/digest").body());
            assertThat(digest.select(".notice.reach")).hasSize(1);
            assertThat(digest.select("a[rel=prev]"))
                    .as("no day before the first post")
                    .isEmpty();
            assertThat(digest.select(".digest-archive"))
                    .as("no empty days listed")
                    .isEmpty();

            assertThat(app.get("/health").body()).isEqualTo("{\"status\":\"degraded\"}");
            assertThat(app.get("/health").statusCode())
                    .as("Sift serves: ready, degraded")
                    .isEqualTo(200);
            assertThat(app.getAsMonitor("/health").body()).contains("\"reached\":0", "\"failing\":3");
        }
    }

    @Test
    void addingAFeedThatCannotBeFetchedSaysSoNamingTheAddressOnce() throws Exception {
        try (TestApp app = TestApp.startPrivate(dir, List.of(), PASSWORD)) {
            Visitor admin = new Visitor(app);
            admin.login("admin", PASSWORD, null);
            String url = "http://127.0.0.1:9/news/";
            HttpResponse<String> answer = admin.post("/admin/feeds", Map.of("_csrf", admin.csrf(), "url", url));
            assertThat(answer.statusCode()).isEqualTo(400);
            String problem = Jsoup.parse(answer.body()).select(".problem").text();
            assertThat(problem).isEqualTo("Cannot fetch " + url + ": connection refused by 127.0.0.1:9.");
        }
    }

    @Test
    void noNoticeWhileNoFeedHasFailed() throws Exception {
        try (TestApp app = TestApp.startPrivate(dir, List.of(), PASSWORD)) {
            Visitor admin = new Visitor(app);
            admin.login("admin", PASSWORD, null);
            assertThat(Jsoup.parse(admin.get("/").body()).select(".notice.reach"))
                    .isEmpty();
            assertThat(app.get("/health").body()).isEqualTo("{\"status\":\"ok\"}");
        }
    }
}
