package sift.store.user;

import static sift.store.sql.Sql.instant;
import static sift.store.sql.Sql.utc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Reader sessions. A session is opened with a random token that only the reader's cookie holds (the database
 * keeps its SHA-256), lasts a fixed time, and carries its own token against cross-site request forgery.
 */
public final class SessionStore {
    static final SecureRandom RANDOM = new SecureRandom();
    private final Jdbi jdbi;

    public SessionStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A session as the web sees it: its reader and its token against request forgery. */
    public record Session(User user, String csrfToken, Instant expiresAt) {}

    /** An opened session: the token for the cookie, and the session. */
    public record Opened(String token, Session session) {}

    public Opened open(User user, Duration lifetime, Instant now) {
        String token = randomToken();
        String csrf = randomToken();
        Instant expires = now.plus(lifetime);
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at)
                        VALUES (:hash, :user, :csrf, :now, :expires)""")
                .bind("hash", hash(token))
                .bind("user", user.id())
                .bind("csrf", csrf)
                .bind("now", utc(now))
                .bind("expires", utc(expires))
                .execute());
        return new Opened(token, new Session(user, csrf, expires));
    }

    /** The live session of a cookie's token, if there is one. */
    public Optional<Session> find(String token, Instant now) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT u.*, s.csrf_token, s.expires_at AS session_expires FROM sessions s
                        JOIN users u ON u.id = s.user_id
                        WHERE s.token_hash = :hash AND s.expires_at > :now AND u.disabled_at IS NULL""")
                .bind("hash", hash(token))
                .bind("now", utc(now))
                .map((rs, ctx) ->
                        new Session(UserStore.map(rs, ctx), rs.getString("csrf_token"), instant(rs, "session_expires")))
                .findOne());
    }

    public void close(String token) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM sessions WHERE token_hash = :hash")
                .bind("hash", hash(token))
                .execute());
    }

    /** Ends every session of the reader but the one of {@code keptToken} (null: every one); returns how many. */
    public int closeAll(long userId, String keptToken) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM sessions WHERE user_id = :user AND token_hash <> :kept")
                .bind("user", userId)
                .bind("kept", keptToken == null ? "" : hash(keptToken))
                .execute());
    }

    /** Forgets the sessions that ended before {@code now}; returns how many. */
    public int expire(Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM sessions WHERE expires_at <= :now")
                .bind("now", utc(now))
                .execute());
    }

    /** 32 random bytes, URL-safe Base64 without padding. */
    public static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The SHA-256 of a secret, in hex: what the database keeps of sessions, tokens and feed secrets. */
    public static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
