package sift.store.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sift.store.Database;
import sift.store.DbSettings;
import sift.store.TestDatabase;

/** Sessions and the lock-out after failed logins, on H2 and (in CI) PostgreSQL. */
class SessionStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    @TempDir
    Path dir;

    DbSettings settings;
    Database db;
    User ana;

    @BeforeEach
    void open() {
        settings = TestDatabase.settings(dir);
        db = Database.open(settings);
        db.users().add("ana", "$argon2id$hash", false, NOW);
        ana = db.users().find("ana").orElseThrow();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aSessionIsFoundByItsTokenUntilItExpiresOrIsClosed() {
        SessionStore.Opened opened = db.sessions().open(ana, Duration.ofDays(14), NOW);
        assertThat(opened.token()).hasSize(43).isNotEqualTo(opened.session().csrfToken());

        SessionStore.Session found = db.sessions().find(opened.token(), NOW.plusSeconds(60)).orElseThrow();
        assertThat(found.user().name()).isEqualTo("ana");
        assertThat(found.csrfToken()).isEqualTo(opened.session().csrfToken());
        assertThat(db.sessions().find(opened.token() + "x", NOW)).isEmpty();
        assertThat(db.sessions().find(null, NOW)).isEmpty();
        assertThat(db.sessions().find(opened.token(), NOW.plus(Duration.ofDays(15)))).as("expired").isEmpty();

        assertThat(db.sessions().expire(NOW.plus(Duration.ofDays(15)))).isEqualTo(1);
        SessionStore.Opened again = db.sessions().open(ana, Duration.ofDays(14), NOW);
        db.sessions().close(again.token());
        assertThat(db.sessions().find(again.token(), NOW)).isEmpty();
    }

    @Test
    void theTokenItselfIsNeverStored() throws Exception {
        SessionStore.Opened opened = db.sessions().open(ana, Duration.ofDays(1), NOW);
        try (Connection c = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
                ResultSet rs = c.createStatement().executeQuery("SELECT token_hash FROM sessions")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).hasSize(64).isNotEqualTo(opened.token()).doesNotContain(opened.token());
        }
    }

    @Test
    void theFifthFailedLoginInARowLocksTheAccountAndASuccessUnlocksIt() {
        Instant until = NOW.plus(Duration.ofMinutes(15));
        for (int i = 0; i < 4; i++) {
            db.users().failedLogin(ana.id(), 5, until);
        }
        assertThat(db.users().find("ana").orElseThrow().lockedUntil()).isNull();
        db.users().failedLogin(ana.id(), 5, until);
        User locked = db.users().find("ana").orElseThrow();
        assertThat(locked.failedLogins()).isEqualTo(5);
        assertThat(locked.lockedUntil()).isEqualTo(until);

        db.users().succeededLogin(ana.id());
        User open = db.users().find("ana").orElseThrow();
        assertThat(open.failedLogins()).isZero();
        assertThat(open.lockedUntil()).isNull();
    }
}
