package sift.store.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sift.store.Database;
import sift.store.DbSettings;
import sift.store.FreshDatabase;

/** Sessions and the lock-out after failed logins, on H2 and (in CI) PostgreSQL. */
@ExtendWith(FreshDatabase.class)
class SessionStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    DbSettings settings;
    Database db;
    User ana;

    @BeforeEach
    void open(Database db, DbSettings settings) {
        this.settings = settings;
        this.db = db;
        db.users().add("ana", "$argon2id$hash", false, NOW);
        ana = db.users().find("ana").orElseThrow();
    }

    @Test
    void aSessionIsFoundByItsTokenUntilItExpiresOrIsClosed() {
        SessionStore.Opened opened = db.sessions().open(ana, Duration.ofDays(14), NOW);
        assertThat(opened.token()).hasSize(43).isNotEqualTo(opened.session().csrfToken());

        SessionStore.Session found =
                db.sessions().find(opened.token(), NOW.plusSeconds(60)).orElseThrow();
        assertThat(found.user().name()).isEqualTo("ana");
        assertThat(found.csrfToken()).isEqualTo(opened.session().csrfToken());
        assertThat(db.sessions().find(opened.token() + "x", NOW)).isEmpty();
        assertThat(db.sessions().find(null, NOW)).isEmpty();
        assertThat(db.sessions().find(opened.token(), NOW.plus(Duration.ofDays(15))))
                .as("expired")
                .isEmpty();

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
            assertThat(db.users().reserveLogin(ana.id(), 5, until, NOW)).isTrue();
        }
        assertThat(db.users().find("ana").orElseThrow().lockedUntil()).isNull();
        assertThat(db.users().reserveLogin(ana.id(), 5, until, NOW))
                .as("the fifth is still tried")
                .isTrue();
        User locked = db.users().find("ana").orElseThrow();
        assertThat(locked.failedLogins()).isEqualTo(5);
        assertThat(locked.lockedUntil()).isEqualTo(until);
        assertThat(db.users().reserveLogin(ana.id(), 5, until, NOW))
                .as("the sixth is not")
                .isFalse();
        assertThat(db.users().reserveLogin(ana.id(), 5, until.plusSeconds(900), until))
                .as("when the lock ends, one more try, which locks again")
                .isTrue();
        assertThat(db.users().reserveLogin(ana.id(), 5, until.plusSeconds(900), until))
                .isFalse();

        db.users().succeededLogin(ana.id());
        User open = db.users().find("ana").orElseThrow();
        assertThat(open.failedLogins()).isZero();
        assertThat(open.lockedUntil()).isNull();
    }

    /** Issue 20: parallel attempts were all checked, since the lock was counted after the password hash. */
    @Test
    void parallelAttemptsCannotSlipPastTheCount() throws Exception {
        Instant until = NOW.plus(Duration.ofMinutes(15));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var tries = new java.util.ArrayList<java.util.concurrent.Future<Boolean>>();
            for (int i = 0; i < 40; i++) {
                tries.add(pool.submit(() -> db.users().reserveLogin(ana.id(), 5, until, NOW)));
            }
            int allowed = 0;
            for (var t : tries) {
                allowed += t.get() ? 1 : 0;
            }
            assertThat(allowed).isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void disablingEndsTheSessionsAndOpensNoNewOne() {
        SessionStore.Opened one = db.sessions().open(ana, Duration.ofDays(1), NOW);
        assertThat(db.users().setDisabled(ana.id(), true, NOW)).isTrue();
        assertThat(db.sessions().find(one.token(), NOW)).isEmpty();
        SessionStore.Opened two = db.sessions().open(ana, Duration.ofDays(1), NOW);
        assertThat(db.sessions().find(two.token(), NOW))
                .as("a session of a disabled account opens nothing")
                .isEmpty();
        db.users().setDisabled(ana.id(), false, NOW);
        assertThat(db.sessions().find(two.token(), NOW)).isPresent();
    }

    @Test
    void signingOutEverywhereKeepsOnlyTheSessionAsked() {
        SessionStore.Opened here = db.sessions().open(ana, Duration.ofDays(1), NOW);
        SessionStore.Opened there = db.sessions().open(ana, Duration.ofDays(1), NOW);
        assertThat(db.sessions().closeAll(ana.id(), here.token())).isEqualTo(1);
        assertThat(db.sessions().find(here.token(), NOW)).isPresent();
        assertThat(db.sessions().find(there.token(), NOW)).isEmpty();
        assertThat(db.sessions().closeAll(ana.id(), null)).isEqualTo(1);
        assertThat(db.sessions().find(here.token(), NOW)).isEmpty();
    }

    @Test
    void aNewPasswordLiftsTheLockAndTheLastAdminIsKnown() {
        Instant until = NOW.plus(Duration.ofMinutes(15));
        for (int i = 0; i < 5; i++) {
            db.users().reserveLogin(ana.id(), 5, until, NOW);
        }
        db.users().changePassword(ana.id(), "$argon2id$new");
        User changed = db.users().find("ana").orElseThrow();
        assertThat(changed.passwordHash()).isEqualTo("$argon2id$new");
        assertThat(changed.lockedUntil()).isNull();
        long boss = db.users().add("boss", "$argon2id$b", true, NOW);
        assertThat(db.users().lastAdmin(boss)).isTrue();
        long deputy = db.users().add("deputy", "$argon2id$d", true, NOW);
        assertThat(db.users().lastAdmin(boss)).isFalse();
        db.users().setDisabled(deputy, true, NOW);
        assertThat(db.users().lastAdmin(boss))
                .as("a disabled admin does not count")
                .isTrue();
        assertThat(db.users().delete(deputy)).isTrue();
        assertThat(db.users().all()).extracting(User::name).containsExactly("ana", "boss");
    }
}
