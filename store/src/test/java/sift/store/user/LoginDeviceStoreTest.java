package sift.store.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sift.store.user.ApiTokenStore.Scope.FEEDS;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sift.store.Database;
import sift.store.DbSettings;
import sift.store.TestDatabase;

/** Browsers a reader signed in from, and the feed secrets hashed when the schema moved on (issue 20). */
class LoginDeviceStoreTest {
    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aBrowsersFailuresCountAgainstItAndNotAgainstTheAccount() {
        try (Database db = TestDatabase.open(dir)) {
            long ana = db.users().add("ana", "$argon2id$hash", false, NOW);
            LoginDeviceStore devices = db.loginDevices();
            String browser = devices.add(ana, NOW);
            assertThat(devices.owner(browser)).hasValue(ana);
            assertThat(devices.owner(browser + "x")).isEmpty();
            assertThat(devices.owner(null)).isEmpty();
            Instant until = NOW.plus(Duration.ofMinutes(15));
            for (int i = 0; i < 5; i++) {
                assertThat(devices.reserveLogin(browser, 5, until, NOW)).isTrue();
            }
            assertThat(devices.reserveLogin(browser, 5, until, NOW))
                    .as("the browser is locked")
                    .isFalse();
            assertThat(db.users().reserveLogin(ana, 5, until, NOW))
                    .as("the account is not")
                    .isTrue();
            devices.succeeded(browser);
            assertThat(devices.reserveLogin(browser, 5, until, NOW)).isTrue();
            db.users().delete(ana);
            assertThat(devices.owner(browser)).as("gone with the account").isEmpty();
        }
    }

    @Test
    void feedSecretsKeptInClearBecomeHashesThatStillOpenTheFeeds() throws Exception {
        DbSettings settings = TestDatabase.settings(dir);
        Flyway.configure()
                .dataSource(settings.url(), settings.user(), settings.password())
                .locations("classpath:db/migration")
                .target("16")
                .load()
                .migrate();
        String secret = "Ab3_clear-feed-secret-of-forty-three-chars1";
        try (Connection c = DriverManager.getConnection(settings.url(), settings.user(), settings.password())) {
            c.createStatement()
                    .execute("INSERT INTO users (name, password_hash, is_admin, created_at, feed_token) "
                            + "VALUES ('ana', 'h', FALSE, CURRENT_TIMESTAMP, '" + secret + "')");
        }
        try (Database db = Database.open(settings)) {
            assertThat(db.apiTokens().find(FEEDS, secret, NOW)).map(User::name).hasValue("ana");
            try (Connection c = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
                    var rs = c.createStatement().executeQuery("SELECT token_hash FROM api_tokens")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).hasSize(64).doesNotContain(secret);
                assertThatThrownBy(() -> c.createStatement().executeQuery("SELECT feed_token FROM users"))
                        .as("the clear column is gone")
                        .isInstanceOf(java.sql.SQLException.class);
            }
        }
    }
}
