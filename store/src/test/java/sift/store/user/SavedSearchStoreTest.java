package sift.store.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sift.store.Database;
import sift.store.FreshDatabase;
import sift.store.sql.AlreadyExistsException;

@ExtendWith(FreshDatabase.class)
class SavedSearchStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    Database db;
    SavedSearchStore searches;
    long ana;
    long ben;

    @BeforeEach
    void open(Database db) {
        this.db = db;
        searches = db.savedSearches();
        ana = db.users().add("ana", "$argon2id$hash-a", false, NOW);
        ben = db.users().add("ben", "$argon2id$hash-b", false, NOW);
    }

    @Test
    void eachReaderHasTheirOwnNamedSearches() {
        long evpn = searches.save(ana, "evpn", "evpn OR vxlan", NOW);
        searches.save(ana, "BGP leaks", "bgp leak", NOW);
        searches.save(ben, "evpn", "evpn", NOW);

        assertThat(searches.list(ana))
                .extracting(SavedSearchStore.SavedSearch::name)
                .containsExactly("BGP leaks", "evpn");
        assertThat(searches.find(ana, evpn))
                .map(SavedSearchStore.SavedSearch::query)
                .hasValue("evpn OR vxlan");
        assertThat(searches.find(ben, evpn)).isEmpty();
        assertThat(searches.delete(ben, evpn)).isFalse();
        assertThat(searches.delete(ana, evpn)).isTrue();
        assertThat(searches.list(ana)).hasSize(1);
        assertThatThrownBy(() -> searches.save(ana, "BGP leaks", "bgp", NOW))
                .isInstanceOf(AlreadyExistsException.class)
                .hasMessageContaining("'BGP leaks'");
    }
}
