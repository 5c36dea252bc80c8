package sift.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
        db.posts().upsert(new PostDraft(feed, guid, null, "Post " + guid, null, NOW, null, null, "<p>x</p>", "x",
                PostFacts.ofKind("article"), List.of()), NOW);
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
            assertThat(db.posts().count()).isEqualTo(2);
        }

        H2Restore.Report report = H2Restore.restore(zip, data, NOW);

        assertThat(report.posts()).isEqualTo(1);
        assertThat(report.feeds()).isEqualTo(1);
        assertThat(report.keptAs()).exists().hasFileName("sift-before-restore-20261126-120000.mv.db");
        try (Database db = Database.open(DbSettings.embedded(data))) {
            assertThat(db.posts().count()).isEqualTo(1);
        }
        try (Database kept = Database.open(new DbSettings("jdbc:h2:file:"
                + report.keptAs().toString().replaceAll("\\.mv\\.db$", ""), "sa", ""))) {
            assertThat(kept.posts().count()).as("nothing lost").isEqualTo(2);
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
        assertThatThrownBy(() -> H2Restore.restore(notZip, data, NOW)).hasMessageContaining(notZip.toString());
        try (Database db = Database.open(DbSettings.embedded(data))) {
            assertThat(db.posts().count()).isEqualTo(1);
        }
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
