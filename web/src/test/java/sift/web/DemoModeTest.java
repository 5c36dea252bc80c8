package sift.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sift.store.post.PostSummary;

/** {@code sift serve --demo}: the bundled samples go through the real fetch-parse-store path. */
class DemoModeTest {
    @TempDir
    Path dir;

    @Test
    void aNewUserSeesAFullReaderWithoutInternetAccess() throws Exception {
        try (TestApp app = TestApp.startDemo(dir)) {
            waitForPosts(app, 63);

            Document home = Jsoup.parse(app.get("/").body());
            assertThat(home.select("article")).hasSize(50);
            assertThat(home.select("a[rel=next]")).hasSize(1);

            List<PostSummary> river = app.server.db().posts().river(100, null);
            assertThat(river).extracting(PostSummary::kind).contains("article", "podcast", "release", "incident");
            assertThat(river).extracting(PostSummary::feedTitle).containsOnly(
                    "Packet Notes", "Fabric Field Notes", "Flow Counters", "Control Plane Hours",
                    "Release notes from labforge");
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
            waitForPosts(app, 63);
            first = app.server.db().posts().count();
        }
        try (TestApp again = TestApp.startDemo(dir)) {
            assertThat(again.server.db().feeds().count()).isEqualTo(5);
            Thread.sleep(1500); // the feeds are not due again, so nothing is refetched
            assertThat(again.server.db().posts().count()).isEqualTo(first);
            assertThat(again.server.db().feeds().all())
                    .allSatisfy(f -> assertThat(f.url()).startsWith(again.url("/demo/feeds/")));
        }
    }

    private static void waitForPosts(TestApp app, int count) throws InterruptedException {
        app.awaitPosts(count);
        assertThat(app.server.db().posts().count()).isEqualTo(count);
    }
}
