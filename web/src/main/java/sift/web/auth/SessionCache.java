package sift.web.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import sift.store.user.SessionStore;

/**
 * The sessions this process looked up in the last {@link #FRESH_FOR}, so that a page costs no session query: a
 * reader paging through the river sends a dozen requests a minute. Logging out here, or an account change here,
 * forgets the session at once; a logout or an account change on another web node reaches this one within
 * {@link #FRESH_FOR}. Bounded: past
 * {@link #MAX_SESSIONS} it starts afresh.
 */
final class SessionCache {
    static final Duration FRESH_FOR = Duration.ofSeconds(30);
    static final int MAX_SESSIONS = 10_000;

    private record Entry(SessionStore.Session session, Instant lookedUp) {}

    private final SessionStore sessions;
    private final ConcurrentHashMap<String, Entry> recent = new ConcurrentHashMap<>();

    SessionCache(SessionStore sessions) {
        this.sessions = sessions;
    }

    Optional<SessionStore.Session> find(String token, Instant now) {
        if (token == null) {
            return Optional.empty();
        }
        Entry entry = recent.get(token);
        if (entry != null
                && entry.lookedUp().plus(FRESH_FOR).isAfter(now)
                && entry.session().expiresAt().isAfter(now)) {
            return Optional.of(entry.session());
        }
        Optional<SessionStore.Session> found = sessions.find(token, now);
        if (found.isPresent()) {
            if (recent.size() >= MAX_SESSIONS) {
                recent.clear();
            }
            recent.put(token, new Entry(found.get(), now));
        } else {
            recent.remove(token);
        }
        return found;
    }

    /** Forgets every session of the account: its password changed, or it was disabled or deleted. */
    void forget(long userId) {
        recent.values().removeIf(e -> e.session().user().id() == userId);
    }

    void close(String token) {
        recent.remove(token);
        sessions.close(token);
    }
}
