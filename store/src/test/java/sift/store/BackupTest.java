package sift.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sift.store.feed.NewFeed;
import sift.store.post.PostDraft;
import sift.store.post.PostFacts;

class BackupTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    @TempDir
    Path dir;

    private static void addPost(Database db, String guid) {
        db.feeds().subscribe(new NewFeed("https://blog.ipspace.net/atom.xml", "ipSpace.net", null), NOW);
        long feed = db.feeds().all().get(0).id();
        db.posts()
                .upsert(
                        new PostDraft(
                                feed,
                                guid,
                                null,
                                "Post " + guid,
                                null,
                                NOW,
                                null,
                                null,
                                "<p>x</p>",
                                "x",
                                PostFacts.ofKind("article"),
                                List.of()),
                        NOW);
    }

    @Test
    void backsUpWhileOpenAndRestoresKeepingTheReplacedDatabase() throws Exception {
        assumeFalse(TestDatabase.postgresql());
        Path data = dir.resolve("data");
        Path zip = dir.resolve("sift-backup.zip");
        try (Database db = Database.open(DbSettings.embedded(data))) {
            addPost(db, "before-backup");
            db.backupTo(zip);
            addPost(db, "after-backup");
            assertThat(db.postChanges().count()).isEqualTo(2);
        }

        H2Restore.Report report = H2Restore.restore(zip, data, H2Restore.DEFAULT_MAX_BYTES, NOW);

        assertThat(report.posts()).isEqualTo(1);
        assertThat(report.feeds()).isEqualTo(1);
        assertThat(report.keptAs()).exists().hasFileName("sift-before-restore-20261126-120000.mv.db");
        try (Database db = Database.open(DbSettings.embedded(data))) {
            assertThat(db.postChanges().count()).isEqualTo(1);
        }
        try (Database kept = Database.open(
                new DbSettings("jdbc:h2:file:" + report.keptAs().toString().replaceAll("\\.mv\\.db$", ""), "sa", ""))) {
            assertThat(kept.postChanges().count()).as("nothing lost").isEqualTo(2);
        }
    }

    @Test
    void refusesAFileThatIsNotABackupAndChangesNothing() throws Exception {
        assumeFalse(TestDatabase.postgresql());
        Path data = dir.resolve("data");
        try (Database db = Database.open(DbSettings.embedded(data))) {
            addPost(db, "kept");
        }
        Path notZip = Files.writeString(dir.resolve("notes.zip"), "not a zip at all");
        assertThatThrownBy(() -> H2Restore.restore(notZip, data, H2Restore.DEFAULT_MAX_BYTES, NOW))
                .hasMessageContaining(notZip.toString());
        try (Database db = Database.open(DbSettings.embedded(data))) {
            assertThat(db.postChanges().count()).isEqualTo(1);
        }
        assertThat(data).isDirectoryNotContaining("glob:**restore-*");
    }

    /** Issue 20: restore opened whatever H2 file a zip held, and H2 runs a trigger's code when it opens one. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "CREATE ALIAS GETPROP FOR 'java.lang.System.getProperty'",
                "CREATE ALIAS HELLO AS 'String hello() { return \"hello\"; }'",
                "CREATE FORCE TRIGGER PLANTED BEFORE INSERT ON feeds FOR EACH ROW CALL 'evil.Payload'",
                "CREATE FORCE AGGREGATE PLANTED FOR 'evil.Aggregate'",
                "CREATE FORCE LINKED TABLE planted('org.h2.Driver', 'jdbc:h2:mem:x', 'sa', '', 'T')"
            })
    void refusesABackupWhoseDatabaseHoldsCodeAndChangesNothing(String planted) throws Exception {
        assumeFalse(TestDatabase.postgresql());
        Path data = dir.resolve("data");
        Path elsewhere = dir.resolve("elsewhere");
        Path zip = dir.resolve("planted.zip");
        try (Database db = Database.open(DbSettings.embedded(elsewhere))) {
            addPost(db, "planted");
        }
        try (Connection c =
                DriverManager.getConnection(DbSettings.embedded(elsewhere).url(), "sa", "")) {
            c.createStatement().execute(planted);
        }
        try (Database db = Database.open(DbSettings.embedded(elsewhere))) {
            db.backupTo(zip);
        }
        try (Database db = Database.open(DbSettings.embedded(data))) {
            addPost(db, "kept");
        }
        assertThatThrownBy(() -> H2Restore.restore(zip, data, H2Restore.DEFAULT_MAX_BYTES, NOW))
                .hasMessageContaining(zip + " was refused: its database holds code")
                .hasMessageContaining(
                        planted.split(" ")[planted.startsWith("CREATE FORCE") ? 3 : 2].replaceAll("\\(.*", ""));
        try (Database db = Database.open(DbSettings.embedded(data))) {
            assertThat(db.postQueries().river(5, null))
                    .extracting(p -> p.title())
                    .containsExactly("Post kept");
        }
        assertThat(data).isDirectoryNotContaining("glob:**restore-*");
    }

    @Test
    void refusesADatabaseLargerThanTheCapBeforeItIsWhollyUnpacked() throws Exception {
        assumeFalse(TestDatabase.postgresql());
        Path data = dir.resolve("data");
        Path zip = dir.resolve("sift-backup.zip");
        try (Database db = Database.open(DbSettings.embedded(dir.resolve("other")))) {
            addPost(db, "big");
            db.backupTo(zip);
        }
        assertThatThrownBy(() -> H2Restore.restore(zip, data, 4096, NOW))
                .hasMessageContaining(zip + " holds a database of over 0 MB")
                .hasMessageContaining("--max-size");
        assertThat(data).isDirectoryNotContaining("glob:**restore-*");
    }

    @Test
    void pointsPostgresqlUsersToPgDump() {
        assumeTrue(TestDatabase.postgresql());
        try (Database db = TestDatabase.open(dir)) {
            assertThatThrownBy(() -> db.backupTo(dir.resolve("x.zip"))).hasMessageContaining("pg_dump");
        }
    }
}
