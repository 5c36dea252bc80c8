package sift.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sift.web.TestApp;
import sift.web.Visitor;

/** Issue 23: removing a feed and its posts is set apart and must be confirmed; nothing goes without it. */
class FeedRemovalTest {
    private static final String PASSWORD = "a long admin password";

    @TempDir
    Path dir;

    @Test
    void aFeedIsRemovedOnlyWhenTheRemovalIsConfirmed() throws Exception {
        try (TestApp app = TestApp.startPrivate(dir, List.of("http://127.0.0.1:9/feed.xml"), PASSWORD)) {
            Visitor admin = new Visitor(app);
            admin.login("admin", PASSWORD, null);
            long id = app.server
                    .db()
                    .feeds()
                    .findByUrl("http://127.0.0.1:9/feed.xml")
                    .orElseThrow()
                    .id();

            var form = Jsoup.parse(admin.get("/admin/feeds/" + id).body()).selectFirst("form.danger");
            assertThat(form.select("input[type=checkbox][name=confirm][required]"))
                    .hasSize(1);

            var unconfirmed = admin.post("/admin/feeds/" + id + "/delete", Map.of("_csrf", admin.csrf()));
            assertThat(unconfirmed.statusCode()).isEqualTo(400);
            assertThat(Jsoup.parse(unconfirmed.body()).select(".problem").text())
                    .startsWith("Nothing was removed");
            assertThat(app.server.db().feeds().find(id)).as("still subscribed").isPresent();

            var confirmed =
                    admin.post("/admin/feeds/" + id + "/delete", Map.of("_csrf", admin.csrf(), "confirm", "yes"));
            assertThat(confirmed.statusCode()).isEqualTo(303);
            assertThat(app.server.db().feeds().find(id)).isEmpty();
        }
    }
}
