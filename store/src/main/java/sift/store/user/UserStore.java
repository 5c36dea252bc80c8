package sift.store.user;

import static sift.store.Sql.instant;
import static sift.store.Sql.utc;

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
        return new DigestSettings(rs.getString("time_zone"), rs.getInt("digest_hour"),
                topics.isEmpty() ? List.of() : List.of(topics.split(",")), rs.getString("email"),
                rs.getBoolean("digest_by_email"));
    }

    /**
     * The secret of the reader's re-exported feed addresses, made at the first call; a feed reader sends no cookie,
     * so the address itself says whose feeds these are.
     */
    public String feedToken(long userId) {
        return jdbi.inTransaction(h -> {
            String token = h.createQuery("SELECT feed_token FROM users WHERE id = :id")
                    .bind("id", userId).mapTo(String.class).findOne().orElse(null);
            if (token == null) {
                token = SessionStore.randomToken();
                h.createUpdate("UPDATE users SET feed_token = :token WHERE id = :id")
                        .bind("id", userId).bind("token", token).execute();
            }
            return token;
        });
    }

    /** A new feed secret: the reader's old feed addresses stop working. */
    public String resetFeedToken(long userId) {
        String token = SessionStore.randomToken();
        jdbi.useHandle(h -> h.createUpdate("UPDATE users SET feed_token = :token WHERE id = :id")
                .bind("id", userId).bind("token", token).execute());
        return token;
    }

    public Optional<User> findByFeedToken(String token) {
        if (token == null || token.length() > 64) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM users WHERE feed_token = :token")
                .bind("token", token)
                .map(UserStore::map)
                .findOne());
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
                instant(rs, "created_at"),
                rs.getString("feed_token"));
    }
}
