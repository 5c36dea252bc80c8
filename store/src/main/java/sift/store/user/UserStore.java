package sift.store.user;

import static sift.store.sql.Sql.instant;
import static sift.store.sql.Sql.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** Reader accounts. Hashing passwords is the caller's business; this stores and finds the hashes. */
public final class UserStore {
    private final Jdbi jdbi;

    public UserStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Adds an account and returns its id; the schema refuses a second account of the same name. */
    public long add(String name, String passwordHash, boolean admin, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO users (name, password_hash, is_admin, created_at)
                        VALUES (:name, :hash, :admin, :now)""")
                .bind("name", name)
                .bind("hash", passwordHash)
                .bind("admin", admin)
                .bind("now", utc(now))
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
    }

    public Optional<User> find(String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM users WHERE name = :name")
                .bind("name", name)
                .map(UserStore::map)
                .findOne());
    }

    /**
     * Counts a login attempt on the account before its password is checked, unless the account is locked: from the
     * {@code lockAfter}-th failure in a row it is locked until {@code lockedUntil}. One statement, so that parallel
     * attempts cannot all slip past the count. False: the account is locked, and the password must not be tried.
     */
    public boolean reserveLogin(long id, int lockAfter, Instant lockedUntil, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE users SET failed_logins = failed_logins + 1,
                               locked_until = CASE WHEN failed_logins + 1 >= :after THEN :until ELSE locked_until END
                        WHERE id = :id AND (locked_until IS NULL OR locked_until <= :now)""")
                        .bind("id", id)
                        .bind("after", lockAfter)
                        .bind("until", utc(lockedUntil))
                        .bind("now", utc(now))
                        .execute())
                == 1;
    }

    /** A login succeeded: the count of failures starts again and any lock is lifted. */
    public void succeededLogin(long id) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = :id")
                .bind("id", id)
                .execute());
    }

    public Optional<User> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM users WHERE id = :id")
                .bind("id", id)
                .map(UserStore::map)
                .findOne());
    }

    public DigestSettings digestSettings(long userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM users WHERE id = :id")
                .bind("id", userId)
                .map((rs, ctx) -> digestSettings(rs))
                .findOne()
                .orElse(DigestSettings.DEFAULT));
    }

    public void saveDigestSettings(long userId, DigestSettings settings) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE users SET time_zone = :zone, digest_hour = :hour, digest_topics = :topics, email = :email,
                               digest_by_email = :byEmail
                        WHERE id = :id""")
                .bind("id", userId)
                .bind("zone", settings.timeZone())
                .bind("hour", settings.hour())
                .bind("topics", String.join(",", settings.topics()))
                .bind("email", settings.email())
                .bind("byEmail", settings.byEmail())
                .execute());
    }

    /** A reader who asked for the digest by e-mail, with the reader's settings. */
    public record Subscriber(long userId, String name, DigestSettings settings) {}

    public List<Subscriber> digestSubscribers() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM users WHERE digest_by_email ORDER BY id")
                .map((rs, ctx) -> new Subscriber(rs.getLong("id"), rs.getString("name"), digestSettings(rs)))
                .list());
    }

    private static DigestSettings digestSettings(ResultSet rs) throws SQLException {
        String topics = rs.getString("digest_topics");
        return new DigestSettings(
                rs.getString("time_zone"),
                rs.getInt("digest_hour"),
                topics.isEmpty() ? List.of() : List.of(topics.split(",")),
                rs.getString("email"),
                rs.getBoolean("digest_by_email"));
    }

    /** Every account, by name. */
    public List<User> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM users ORDER BY name")
                .map(UserStore::map)
                .list());
    }

    /** A new password hash; failed logins and any lock are forgotten. */
    public void changePassword(long id, String passwordHash) {
        jdbi.useHandle(h ->
                h.createUpdate("""
                        UPDATE users SET password_hash = :hash, failed_logins = 0, locked_until = NULL WHERE id = :id""").bind("id", id).bind("hash", passwordHash).execute());
    }

    /**
     * Disables the account (it opens no session, and its sessions end) or enables it again; false when there is no
     * such account.
     */
    public boolean setDisabled(long id, boolean disabled, Instant now) {
        return jdbi.inTransaction(h -> {
            int changed = h.createUpdate("UPDATE users SET disabled_at = :at WHERE id = :id")
                    .bind("id", id)
                    .bind("at", disabled ? utc(now) : null)
                    .execute();
            if (disabled) {
                h.createUpdate("DELETE FROM sessions WHERE user_id = :id")
                        .bind("id", id)
                        .execute();
            }
            return changed == 1;
        });
    }

    /** Deletes the account with everything that is only its own (sessions, tokens, state, saved searches). */
    public boolean delete(long id) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM users WHERE id = :id")
                        .bind("id", id)
                        .execute())
                == 1;
    }

    /** Whether {@code id} is the last enabled admin: an admin cannot disable, delete or demote the last one. */
    public boolean lastAdmin(long id) {
        return jdbi.withHandle(h ->
                        h.createQuery("""
                        SELECT COUNT(*) FROM users WHERE is_admin AND disabled_at IS NULL AND id <> :id""").bind("id", id).mapTo(Integer.class).one())
                == 0;
    }

    public int count() {
        return jdbi.withHandle(h ->
                h.createQuery("SELECT COUNT(*) FROM users").mapTo(Integer.class).one());
    }

    static User map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new User(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("password_hash"),
                rs.getBoolean("is_admin"),
                rs.getInt("failed_logins"),
                instant(rs, "locked_until"),
                instant(rs, "created_at"),
                instant(rs, "disabled_at"));
    }
}
