package sift.store.user;

import java.time.Instant;

/**
 * A reader's account: the password only as its hash, the state of the lock-out after failed logins, and the secret
 * of the reader's feed addresses (null until first made).
 */
public record User(
        long id, String name, String passwordHash, boolean admin, int failedLogins, Instant lockedUntil,
        Instant createdAt, String feedToken) {}
