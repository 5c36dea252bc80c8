package sift.store.user;

import static sift.store.sql.Sql.utc;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The browsers readers signed in from, each known by a long-lived cookie of its own (only its SHA-256 is stored).
 * Failed logins from such a browser count against the browser, not against the account, so that strangers who
 * lock the account by guessing do not lock its reader out of the reader's own browsers.
 */
public final class LoginDeviceStore {
    private final Jdbi jdbi;

    public LoginDeviceStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Remembers a browser the reader just signed in from and returns its cookie's token. */
    public String add(long userId, Instant now) {
        String token = SessionStore.randomToken();
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO login_devices (token_hash, user_id, created_at) VALUES (:hash, :user, :now)""")
                .bind("hash", SessionStore.hash(token))
                .bind("user", userId)
                .bind("now", utc(now))
                .execute());
        return token;
    }

    /** The account a browser's cookie was given for, if it is one Sift gave. */
    public Optional<Long> owner(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT user_id FROM login_devices WHERE token_hash = :hash")
                .bind("hash", SessionStore.hash(token))
                .mapTo(Long.class)
                .findOne());
    }

    /**
     * Counts a login attempt from the browser before the password is checked, unless the browser is locked (from
     * the {@code lockAfter}-th failure in a row, until {@code lockedUntil}). False: the password must not be tried.
     */
    public boolean reserveLogin(String token, int lockAfter, Instant lockedUntil, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE login_devices SET failed_logins = failed_logins + 1,
                               locked_until = CASE WHEN failed_logins + 1 >= :after THEN :until ELSE locked_until END
                        WHERE token_hash = :hash AND (locked_until IS NULL OR locked_until <= :now)""")
                        .bind("hash", SessionStore.hash(token))
                        .bind("after", lockAfter)
                        .bind("until", utc(lockedUntil))
                        .bind("now", utc(now))
                        .execute())
                == 1;
    }

    /** The login from this browser succeeded: its count of failures starts again. */
    public void succeeded(String token) {
        jdbi.useHandle(h -> h.createUpdate(
                        "UPDATE login_devices SET failed_logins = 0, locked_until = NULL WHERE token_hash = :hash")
                .bind("hash", SessionStore.hash(token))
                .execute());
    }
}
