package sift.store.classifier;

import static sift.store.sql.Sql.instant;
import static sift.store.sql.Sql.utc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The classifier settings admins chose, every version kept, one active per name. Saving a value makes it the
 * active one; activating an older version rolls back to it; both in one transaction, so exactly one is active.
 */
public final class ClassifierSettingStore {
    public static final String HYPE_THRESHOLD = "hype-threshold";
    public static final String HYPE_LEXICON = "hype-lexicon";

    private final Jdbi jdbi;

    public ClassifierSettingStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** One version of a setting. */
    public record Version(long id, String name, String value, String userName, Instant createdAt, boolean active) {}

    /** Stores a new version of the setting and makes it the active one; returns it. */
    public Version save(String name, String value, String userName, Instant now) {
        return jdbi.inTransaction(h -> {
            h.createUpdate("UPDATE classifier_settings SET active = FALSE WHERE name = :name")
                    .bind("name", name)
                    .execute();
            long id = h.createUpdate("""
                            INSERT INTO classifier_settings (name, setting, user_name, created_at, active)
                            VALUES (:name, :value, :user, :now, TRUE)""")
                    .bind("name", name)
                    .bind("value", value)
                    .bind("user", userName)
                    .bind("now", utc(now))
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
            return new Version(id, name, value, userName, now, true);
        });
    }

    /** Makes an older version of a setting the active one again; empty when there is no such version. */
    public Optional<Version> activate(long id) {
        return jdbi.inTransaction(h -> {
            Optional<Version> version = h.createQuery("SELECT * FROM classifier_settings WHERE id = :id")
                    .bind("id", id)
                    .map((rs, ctx) -> map(rs))
                    .findOne();
            version.ifPresent(v -> {
                h.createUpdate("UPDATE classifier_settings SET active = FALSE WHERE name = :name")
                        .bind("name", v.name())
                        .execute();
                h.createUpdate("UPDATE classifier_settings SET active = TRUE WHERE id = :id")
                        .bind("id", id)
                        .execute();
            });
            return version.map(v -> new Version(v.id(), v.name(), v.value(), v.userName(), v.createdAt(), true));
        });
    }

    /** Makes none of the setting's versions active: the built or configured value applies again. */
    public void useBuilt(String name) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE classifier_settings SET active = FALSE WHERE name = :name")
                .bind("name", name)
                .execute());
    }

    public Optional<Version> active(String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM classifier_settings WHERE name = :name AND active")
                .bind("name", name)
                .map((rs, ctx) -> map(rs))
                .findOne());
    }

    /** Every version of the setting, newest first. */
    public List<Version> history(String name) {
        return jdbi.withHandle(
                h -> h.createQuery("SELECT * FROM classifier_settings WHERE name = :name ORDER BY id DESC")
                        .bind("name", name)
                        .map((rs, ctx) -> map(rs))
                        .list());
    }

    private static Version map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Version(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("setting"),
                rs.getString("user_name"),
                instant(rs, "created_at"),
                rs.getBoolean("active"));
    }
}
