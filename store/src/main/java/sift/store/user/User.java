package sift.store.user;

import java.time.Instant;

/**
 * A reader's account: the password only as its hash, the state of the lock-out after failed logins, and when an
 * admin disabled it (null: it is enabled).
 */
public record User(
        long id,
        String name,
        String passwordHash,
        boolean admin,
        int failedLogins,
        Instant lockedUntil,
        Instant createdAt,
        Instant disabledAt) {

    public boolean disabled() {
        return disabledAt != null;
    }
}
