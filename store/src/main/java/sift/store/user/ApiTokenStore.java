package sift.store.user;

import static sift.store.Sql.instant;
import static sift.store.Sql.utc;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Readers' API tokens, each with a name the reader chose. Only the SHA-256 of a token is stored: it is shown
 * once, when made. When it was last used is kept to the nearest {@link #USE_GRANULARITY}, so that a busy client
 * does not write on every call.
 */
public final class ApiTokenStore {
    /** Tokens start so, which tells them from session cookies and lets secret scanners find them. */
    public static final String PREFIX = "sift_";
    static final Duration USE_GRANULARITY = Duration.ofMinutes(5);

    private final Jdbi jdbi;

    public ApiTokenStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A token as its reader's list shows it: never the token itself. */
    public record ApiToken(String name, Instant createdAt, Instant lastUsedAt) {}

    /** Makes a token for the reader and returns it; the schema refuses a second token of the same name. */
    public String create(long userId, String name, Instant now) {
        String token = PREFIX + SessionStore.randomToken();
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO api_tokens (token_hash, user_id, name, created_at)
                        VALUES (:hash, :user, :name, :now)""")
                .bind("hash", SessionStore.hash(token))
                .bind("user", userId)
                .bind("name", name)
                .bind("now", utc(now))
                .execute());
        return token;
    }

    /** The reader a token belongs to, if it is one; notes that it was used. */
    public Optional<User> find(String token, Instant now) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        String hash = SessionStore.hash(token);
        return jdbi.inTransaction(h -> {
            Optional<User> user = h.createQuery("""
                            SELECT u.* FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = :hash""")
                    .bind("hash", hash)
                    .map(UserStore::map)
                    .findOne();
            if (user.isPresent()) {
                h.createUpdate("""
                                UPDATE api_tokens SET last_used_at = :now
                                WHERE token_hash = :hash AND (last_used_at IS NULL OR last_used_at < :stale)""")
                        .bind("hash", hash)
                        .bind("now", utc(now))
                        .bind("stale", utc(now.minus(USE_GRANULARITY)))
                        .execute();
            }
            return user;
        });
    }

    public List<ApiToken> list(long userId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT name, created_at, last_used_at FROM api_tokens WHERE user_id = :user ORDER BY created_at, name")
                .bind("user", userId)
                .map((rs, ctx) -> new ApiToken(rs.getString("name"), instant(rs, "created_at"),
                        instant(rs, "last_used_at")))
                .list());
    }

    /** Revokes the reader's token of that name; false when there is none. */
    public boolean revoke(long userId, String name) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM api_tokens WHERE user_id = :user AND name = :name")
                .bind("user", userId)
                .bind("name", name)
                .execute()) > 0;
    }
}
