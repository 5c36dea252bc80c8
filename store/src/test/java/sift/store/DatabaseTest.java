package sift.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sift.store.feed.NewFeed;

class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void createsTheSchemaOnFirstOpenAndKeepsDataAcrossReopen() {
        DbSettings settings = TestDatabase.settings(dir);
        try (Database db = Database.open(settings)) {
            assertThat(db.isReachable()).isTrue();
            db.feeds()
                    .subscribe(new NewFeed("https://blog.ipspace.net/atom.xml", "ipSpace.net", "Blogs"), Instant.now());
        }
        assertThat(Files.exists(dir.resolve("sift.mv.db"))).isEqualTo(!TestDatabase.postgresql());
        try (Database db = Database.open(settings)) {
            assertThat(db.feeds().all()).extracting(f -> f.title()).containsExactly("ipSpace.net");
        }
    }

    @Test
    void refusesAnUnsupportedDatabaseUrlNamingIt() {
        assertThatThrownBy(() -> new DbSettings("jdbc:mysql://db/sift", "u", "p"))
                .hasMessageContaining("jdbc:mysql://db/sift");
    }

    @Test
    void describesTheDatabaseWithoutOptions() {
        assertThat(DbSettings.embedded(Path.of("/srv/sift")).describe()).isEqualTo("jdbc:h2:file:/srv/sift/sift");
        assertThat(new DbSettings("jdbc:postgresql://db:5432/sift?password=secret", "u", "p").describe())
                .isEqualTo("jdbc:postgresql://db:5432/sift");
    }

    @Test
    void remembersASettingOnlyOnce() {
        try (Database db = TestDatabase.open(dir)) {
            assertThat(db.settings().putIfAbsent("defaults", "2026-11-26")).isTrue();
            assertThat(db.settings().putIfAbsent("defaults", "later")).isFalse();
            assertThat(db.settings().get("defaults")).contains("2026-11-26");
        }
    }
}
