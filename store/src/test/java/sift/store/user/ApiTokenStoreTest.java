package sift.store.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sift.store.Database;
import sift.store.Sql;
import sift.store.TestDatabase;

class ApiTokenStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    @TempDir
    Path dir;

    Database db;
    ApiTokenStore tokens;
    long ana;
    long ben;

    @BeforeEach
    void open() {
        db = Database.open(TestDatabase.settings(dir));
        tokens = db.apiTokens();
        ana = db.users().add("ana", "$argon2id$hash-a", false, NOW);
        ben = db.users().add("ben", "$argon2id$hash-b", false, NOW);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aTokenFindsItsReaderAndNotesItsUseCoarsely() {
        String token = tokens.create(ana, "laptop", NOW);
        assertThat(token).startsWith("sift_").hasSize(5 + 43);
        assertThat(tokens.list(ana)).singleElement().satisfies(t -> assertThat(t.lastUsedAt()).isNull());

        assertThat(tokens.find(token, NOW.plusSeconds(10))).map(User::name).hasValue("ana");
        assertThat(tokens.list(ana).get(0).lastUsedAt()).isEqualTo(NOW.plusSeconds(10));
        tokens.find(token, NOW.plusSeconds(60));
        assertThat(tokens.list(ana).get(0).lastUsedAt()).as("within five minutes").isEqualTo(NOW.plusSeconds(10));
        tokens.find(token, NOW.plusSeconds(400));
        assertThat(tokens.list(ana).get(0).lastUsedAt()).isEqualTo(NOW.plusSeconds(400));
    }

    @Test
    void unknownMalformedAndRevokedTokensFindNobody() {
        String token = tokens.create(ana, "laptop", NOW);
        assertThat(tokens.find(token + "x", NOW)).isEmpty();
        assertThat(tokens.find("not-a-token", NOW)).isEmpty();
        assertThat(tokens.find(null, NOW)).isEmpty();
        assertThat(tokens.revoke(ben, "laptop")).as("only its reader revokes it").isFalse();
        assertThat(tokens.revoke(ana, "laptop")).isTrue();
        assertThat(tokens.find(token, NOW)).isEmpty();
        assertThat(tokens.list(ana)).isEmpty();
    }

    @Test
    void aReaderNamesEachTokenOnce() {
        tokens.create(ana, "laptop", NOW);
        tokens.create(ben, "laptop", NOW);
        assertThatThrownBy(() -> tokens.create(ana, "laptop", NOW)).satisfies(e -> assertThat(Sql.uniqueViolation(e)).isTrue());
    }
}
