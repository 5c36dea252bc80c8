package sift.store.user;

import static sift.store.Sql.instant;
import static sift.store.Sql.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
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

    /** Counts a failed login; from the {@code lockAfter}-th in a row the account is locked until {@code lockedUntil}. */
    public void failedLogin(long id, int lockAfter, Instant lockedUntil) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE users SET failed_logins = failed_logins + 1,
                               locked_until = CASE WHEN failed_logins + 1 >= :after THEN :until ELSE locked_until END
                        WHERE id = :id""")
                .bind("id", id)
                .bind("after", lockAfter)
                .bind("until", utc(lockedUntil))
                .execute());
    }

    /** A login succeeded: the count of failures starts again and any lock is lifted. */
    public void succeededLogin(long id) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = :id")
                .bind("id", id).execute());
    }

    public int count() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM users").mapTo(Integer.class).one());
    }

    static User map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new User(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("password_hash"),
                rs.getBoolean("is_admin"),
                rs.getInt("failed_logins"),
                instant(rs, "locked_until"),
                instant(rs, "created_at"));
    }
}
