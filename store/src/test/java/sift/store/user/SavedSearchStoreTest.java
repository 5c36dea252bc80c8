package sift.store.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sift.store.sql.AlreadyExistsException;
import sift.store.Database;
import sift.store.TestDatabase;

class SavedSearchStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    @TempDir
    Path dir;

    Database db;
    SavedSearchStore searches;
    long ana;
    long ben;

    @BeforeEach
    void open() {
        db = Database.open(TestDatabase.settings(dir));
        searches = db.savedSearches();
        ana = db.users().add("ana", "$argon2id$hash-a", false, NOW);
        ben = db.users().add("ben", "$argon2id$hash-b", false, NOW);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void eachReaderHasTheirOwnNamedSearches() {
        long evpn = searches.save(ana, "evpn", "evpn OR vxlan", NOW);
        searches.save(ana, "BGP leaks", "bgp leak", NOW);
        searches.save(ben, "evpn", "evpn", NOW);

        assertThat(searches.list(ana)).extracting(SavedSearchStore.SavedSearch::name).containsExactly("BGP leaks", "evpn");
        assertThat(searches.find(ana, evpn)).map(SavedSearchStore.SavedSearch::query).hasValue("evpn OR vxlan");
        assertThat(searches.find(ben, evpn)).isEmpty();
        assertThat(searches.delete(ben, evpn)).isFalse();
        assertThat(searches.delete(ana, evpn)).isTrue();
        assertThat(searches.list(ana)).hasSize(1);
        assertThatThrownBy(() -> searches.save(ana, "BGP leaks", "bgp", NOW))
                .isInstanceOf(AlreadyExistsException.class).hasMessageContaining("'BGP leaks'");
    }
}
