package sift.store.user;

import java.time.Instant;

/** A reader's account: the password only as its hash, and the state of the lock-out after failed logins. */
public record User(
        long id, String name, String passwordHash, boolean admin, int failedLogins, Instant lockedUntil,
        Instant createdAt) {}
