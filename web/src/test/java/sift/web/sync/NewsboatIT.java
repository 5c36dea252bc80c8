package sift.web.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sift.store.DbSettings;
import sift.store.sync.Selection;
import sift.web.TestApp;

/**
 * A real app syncs: Debian's newsboat, with its Google-Reader-compatible source ({@code urls-source "feedhq"}),
 * signs in with an app password, lists the demo's subscriptions, stores their items, and shows Sift's unread
 * count; what the reader then reads in Sift is read in newsboat after its next reload. CI installs newsboat; a
 * machine without it fails here, in words.
 */
class NewsboatIT {
    @TempDir
    Path dir;

    @Test
    void newsboatListsTheSubscriptionsStoresTheItemsAndShowsSiftsUnreadCount() throws Exception {
        Path newsboat = Path.of("/usr/bin/newsboat");
        assertThat(Files.isExecutable(newsboat))
                .as("newsboat is needed (apt-get install newsboat), as .ci/run installs it")
                .isTrue();
        try (TestApp app = TestApp.startDemo(
                dir.resolve("data"), "correct horse battery", DbSettings.embedded(dir.resolve("data")))) {
            app.awaitQuiet();
            long admin = app.server.db().users().find("admin").orElseThrow().id();
            String password = app.server.db().apiTokens().createAppPassword(admin, "admin", "newsboat", Instant.now());
            Path config = dir.resolve("config");
            Files.writeString(
                    config,
                    String.join(
                            "\n",
                            "urls-source \"feedhq\"",
                            "feedhq-url \"" + app.url("/api/greader") + "\"",
                            "feedhq-login \"admin\"",
                            "feedhq-password \"" + password + "\"",
                            "feedhq-min-items 1000",
                            ""));
            Files.writeString(dir.resolve("urls"), "");

            int posts = app.server.db().postChanges().count();
            int unread = app.server.db().sync().count(admin, Selection.ALL.read(false));
            assertThat(unread).isEqualTo(posts);
            assertThat(reloadAndCountUnread(config)).isEqualTo(unread);
            assertThat(cache("SELECT COUNT(*) FROM rss_feed"))
                    .isEqualTo(app.server.db().feeds().all().size());
            assertThat(cache("SELECT COUNT(*) FROM rss_item")).isEqualTo(posts);

            List<Long> read = app
                    .server
                    .db()
                    .sync()
                    .page(admin, Selection.ALL, sift.store.sync.SyncStore.Order.NEWEST, null, 3)
                    .stream()
                    .map(sift.store.sync.SyncStore.Ref::id)
                    .toList();
            app.server.db().postStates().setRead(admin, read, true, Instant.now());
            assertThat(reloadAndCountUnread(config))
                    .as("read in Sift, read in newsboat")
                    .isEqualTo(unread - 3);
        }
    }

    private int reloadAndCountUnread(Path config) throws IOException, InterruptedException {
        String out = run(
                "/usr/bin/newsboat",
                "-C",
                config.toString(),
                "-u",
                dir.resolve("urls").toString(),
                "-c",
                dir.resolve("cache.db").toString(),
                "-x",
                "reload",
                "print-unread");
        Matcher m = Pattern.compile("(\\d+) unread articles").matcher(out);
        assertThat(m.find()).as("newsboat said: %s", out).isTrue();
        return Integer.parseInt(m.group(1));
    }

    /** A number from newsboat's cache (SQLite), read with Python's sqlite3. */
    private int cache(String query) throws IOException, InterruptedException {
        String out = run(
                "/usr/bin/python3",
                "-c",
                "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])",
                dir.resolve("cache.db").toString(),
                query);
        return Integer.parseInt(out.strip());
    }

    private String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as("%s finished", command[0])
                .isTrue();
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(process.exitValue())
                .as("%s: %s", String.join(" ", command), text)
                .isZero();
        return text;
    }
}
