package sift.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;

/**
 * A fresh, empty database for one test: an H2 file in the test's temporary folder, or, when the build runs
 * the suite against PostgreSQL ({@code -Dsift.test.db=postgresql}, with {@code SIFT_TEST_PG_URL}, user and
 * password in the environment), a new schema of its own in that database.
 */
public final class TestDatabase {
    private TestDatabase() {}

    public static boolean postgresql() {
        return "postgresql".equals(System.getProperty("sift.test.db", "h2"));
    }

    /**
     * A fresh PostgreSQL schema when the environment gives one ({@code SIFT_TEST_PG_URL}, as {@code .ci/run}
     * does), else an H2 file: for tests outside the store suite that want the scale-out database when there is one.
     */
    public static DbSettings scaleOut(Path dir) {
        String url = System.getenv("SIFT_TEST_PG_URL");
        return url == null || url.isBlank() ? DbSettings.embedded(dir) : postgresqlSchema();
    }

    public static Database open(Path dir) {
        return Database.open(settings(dir));
    }

    /** The settings of a fresh database; call it once per database a test wants. */
    public static DbSettings settings(Path dir) {
        return postgresql() ? postgresqlSchema() : DbSettings.embedded(dir);
    }

    private static DbSettings postgresqlSchema() {
        String url = require("SIFT_TEST_PG_URL");
        String user = require("SIFT_TEST_PG_USER");
        String password = System.getenv().getOrDefault("SIFT_TEST_PG_PASSWORD", "");
        String schema = "test_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + schema + " in " + url + ": " + e.getMessage(), e);
        }
        return new DbSettings(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, user, password);
    }

    private static String require(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("the PostgreSQL run of the suite needs " + name + " in the environment");
        }
        return value;
    }
}
