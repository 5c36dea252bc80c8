package sift.web.auth;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sift.store.user.ApiTokenStore;
import sift.store.user.User;

/**
 * Readers as the sync apps sign them in: by name and app password (Google Reader's ClientLogin, whose answer is the
 * app password itself, sent back on every call), or by the Fever API's key of one. Each wrong secret counts against
 * the client's address as a failed login does ({@link LoginGuard}); an address over the limit is refused before any
 * secret is looked up, until its window ends.
 */
public final class AppLogins {
    private static final Logger log = LoggerFactory.getLogger(AppLogins.class);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** The address has used up its failed logins for now. */
    public static final class Throttled extends RuntimeException {
        Throttled(String address, Instant freeAt) {
            super("Too many failed logins from " + address + ": try again after " + TIME.format(freeAt) + ".");
        }
    }

    private final ApiTokenStore tokens;
    private final LoginGuard guard;
    private final Clock clock;

    AppLogins(ApiTokenStore tokens, LoginGuard guard, Clock clock) {
        this.tokens = tokens;
        this.guard = guard;
        this.clock = clock;
    }

    /** The reader of this name whose app password this is. */
    public Optional<User> password(String name, String password, String address) {
        return check(
                address,
                "app password of '" + Auth.printable(name == null ? "" : name) + "'",
                now -> tokens.find(ApiTokenStore.Scope.APP, password, now)
                        .filter(user -> user.name().equals(name)));
    }

    /** The reader whose app password this is (Google Reader's {@code Authorization: GoogleLogin auth=...}). */
    public Optional<User> token(String password, String address) {
        return check(address, "app password", now -> tokens.find(ApiTokenStore.Scope.APP, password, now));
    }

    /** The reader whose app password has this Fever key (the MD5 of {@code "name:password"}). */
    public Optional<User> feverKey(String key, String address) {
        return check(address, "Fever API key", now -> tokens.findByFeverKey(key, now));
    }

    private Optional<User> check(String address, String what, Function<Instant, Optional<User>> find) {
        Instant now = clock.instant();
        if (!guard.allows(address, now)) {
            throw new Throttled(address, guard.freeAt(address, now));
        }
        Optional<User> user = find.apply(now);
        if (user.isEmpty()) {
            guard.failed(address, now);
            log.warn("A sync app at {} sent a wrong or revoked {}", address, what);
        }
        return user;
    }
}
