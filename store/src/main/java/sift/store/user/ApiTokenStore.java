package sift.store.user;

import static sift.store.sql.Sql.instant;
import static sift.store.sql.Sql.utc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import sift.store.sql.AlreadyExistsException;
import sift.store.sql.Sql;

/**
 * Readers' secrets for other apps, each with a name the reader chose: API tokens (the JSON API as the reader), app
 * passwords (the sync APIs as the reader) and feed secrets (read-only: the reader's re-exported feeds, for feed
 * readers that send no login). Only the SHA-256
 * of a secret is stored: it is shown once, when made. When it was last used is kept to the nearest {@link #USE_GRANULARITY}, so that a busy client
 * does not write on every call.
 */
public final class ApiTokenStore {
    /** Tokens start so, which tells them from session cookies and lets secret scanners find them. */
    public static final String PREFIX = "sift_";

    static final Duration USE_GRANULARITY = Duration.ofMinutes(5);

    /** The characters of app passwords: lower-case letters and digits without the look-alikes 0, 1, l and o. */
    private static final String APP_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

    private final Jdbi jdbi;

    public ApiTokenStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** What a secret opens. */
    public enum Scope {
        /** The JSON API, reading and changing, as the reader. */
        API,
        /** The reader's re-exported feeds, reading only. */
        FEEDS,
        /** An app password: the sync APIs (Google Reader and Fever), reading and changing, as the reader. */
        APP;

        String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A token as its reader's list shows it: never the token itself. */
    public record ApiToken(String name, Instant createdAt, Instant lastUsedAt) {}

    /** Makes a secret for the reader and returns it; the schema refuses a second one of the same scope and name. */
    public String create(long userId, Scope scope, String name, Instant now) {
        String token = PREFIX + SessionStore.randomToken();
        insert(userId, scope, name, token, null, now);
        return token;
    }

    private void insert(long userId, Scope scope, String name, String secret, String feverKey, Instant now) {
        try {
            jdbi.useHandle(h -> h.createUpdate("""
                            INSERT INTO api_tokens (token_hash, user_id, name, created_at, scope, fever_key_hash)
                            VALUES (:hash, :user, :name, :now, :scope, :fever)""")
                    .bind("hash", SessionStore.hash(secret))
                    .bind("user", userId)
                    .bind("name", name)
                    .bind("now", utc(now))
                    .bind("scope", scope.id())
                    .bind("fever", feverKey == null ? null : SessionStore.hash(feverKey))
                    .execute());
        } catch (RuntimeException e) {
            if (Sql.uniqueViolation(e)) {
                throw new AlreadyExistsException(
                        "user " + userId + " has a " + scope.id() + " secret named '" + name + "' already", e);
            }
            throw e;
        }
    }

    /**
     * Makes an app password for the reader and returns it: six groups of four letters and digits (124 random
     * bits), easy to type into a phone. The Fever API's key of it, the MD5 of {@code "name:password"}, is kept
     * hashed too.
     */
    public String createAppPassword(long userId, String userName, String appName, Instant now) {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            if (i > 0 && i % 4 == 0) {
                password.append('-');
            }
            password.append(APP_ALPHABET.charAt(SessionStore.RANDOM.nextInt(APP_ALPHABET.length())));
        }
        String secret = password.toString();
        insert(userId, Scope.APP, appName, secret, feverKey(userName, secret), now);
        return secret;
    }

    /** The Fever API's key of a name and password: the MD5 of {@code "name:password"}, in lower-case hex. */
    public static String feverKey(String userName, String password) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("MD5")
                            .digest((userName + ":" + password).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }

    /** The reader whose app password has this Fever key, if the account is enabled; notes that it was used. */
    public Optional<User> findByFeverKey(String key, Instant now) {
        if (key == null || !key.matches("[0-9a-fA-F]{32}")) {
            return Optional.empty();
        }
        return findByHash("fever_key_hash", SessionStore.hash(key.toLowerCase(Locale.ROOT)), Scope.APP, now);
    }

    /**
     * The reader a secret of this scope belongs to, if it is one and the reader's account is enabled; notes that it
     * was used. (Feed secrets made before they were hashed lack the prefix.)
     */
    public Optional<User> find(Scope scope, String token, Instant now) {
        if (token == null
                || token.isEmpty()
                || token.length() > 100
                || scope == Scope.API && !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return findByHash("token_hash", SessionStore.hash(token), scope, now);
    }

    private Optional<User> findByHash(String column, String hash, Scope scope, Instant now) {
        return jdbi.inTransaction(h -> {
            Optional<User> user = h.createQuery("SELECT u.* FROM api_tokens t JOIN users u ON u.id = t.user_id"
                            + " WHERE t." + column + " = :hash AND t.scope = :scope AND u.disabled_at IS NULL")
                    .bind("hash", hash)
                    .bind("scope", scope.id())
                    .map(UserStore::map)
                    .findOne();
            if (user.isPresent()) {
                h.createUpdate("UPDATE api_tokens SET last_used_at = :now WHERE " + column + " = :hash"
                                + " AND (last_used_at IS NULL OR last_used_at < :stale)")
                        .bind("hash", hash)
                        .bind("now", utc(now))
                        .bind("stale", utc(now.minus(USE_GRANULARITY)))
                        .execute();
            }
            return user;
        });
    }

    public List<ApiToken> list(long userId, Scope scope) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT name, created_at, last_used_at FROM api_tokens WHERE user_id = :user AND scope = :scope
                        ORDER BY created_at, name""")
                .bind("user", userId)
                .bind("scope", scope.id())
                .map((rs, ctx) ->
                        new ApiToken(rs.getString("name"), instant(rs, "created_at"), instant(rs, "last_used_at")))
                .list());
    }

    /** Revokes the reader's secret of that scope and name; false when there is none. */
    public boolean revoke(long userId, Scope scope, String name) {
        return jdbi.withHandle(h -> h.createUpdate(
                                "DELETE FROM api_tokens WHERE user_id = :user AND scope = :scope AND name = :name")
                        .bind("user", userId)
                        .bind("scope", scope.id())
                        .bind("name", name)
                        .execute())
                > 0;
    }

    /** Revokes every secret of the reader (an admin taking an account back); returns how many. */
    public int revokeAll(long userId) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM api_tokens WHERE user_id = :user")
                .bind("user", userId)
                .execute());
    }
}
