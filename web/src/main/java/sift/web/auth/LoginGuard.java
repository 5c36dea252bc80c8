package sift.web.auth;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What stands between the login form and the password hashes, in this process: at most {@value #PER_ADDRESS}
 * failed logins from one client address (an IPv6 address counts by its /64) in {@link #WINDOW}, counted before
 * the hash is computed so that parallel attempts cannot slip past; and at most {@value #HASHES_AT_ONCE} hashes at
 * once (Argon2id takes 16 MiB each), so that a flood of logins costs bounded memory. The per-account count lives
 * in the database ({@code UserStore.reserveLogin}), shared by every node.
 */
final class LoginGuard {
    private static final Logger log = LoggerFactory.getLogger(LoginGuard.class);
    static final int PER_ADDRESS = 10;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final int HASHES_AT_ONCE = 4;
    /** How long a login waits for a free hash before Sift says it is busy. */
    static final Duration HASH_WAIT = Duration.ofSeconds(10);
    /** The addresses remembered at most; past it, those whose window ended are forgotten, else all of them. */
    static final int ADDRESSES = 100_000;

    /** All hashes are busy: the login was not tried. */
    static final class Busy extends Exception {
        Busy() {
            super("every password check is busy");
        }
    }

    private record Failures(int count, Instant since) {}

    private final ConcurrentHashMap<String, Failures> byAddress = new ConcurrentHashMap<>();
    private final Semaphore hashing = new Semaphore(HASHES_AT_ONCE, true);
    private final Counter checks;

    LoginGuard(PrometheusRegistry registry) {
        this.checks = Counter.builder()
                .name("sift_password_checks")
                .help("Passwords checked against an account's hash (not those refused before, by a lock or a limit)")
                .register(registry);
    }

    /**
     * Counts an attempt from the address before its password is checked; false (nothing counted) when the address
     * has used up its failed logins for now.
     */
    boolean reserve(String address, Instant now) {
        if (byAddress.size() >= ADDRESSES) {
            byAddress.values().removeIf(f -> !f.since().plus(WINDOW).isAfter(now));
            if (byAddress.size() >= ADDRESSES) {
                log.warn(
                        "Failed logins came from over {} addresses in {} minutes: their counts start again",
                        ADDRESSES,
                        WINDOW.toMinutes());
                byAddress.clear();
            }
        }
        boolean[] reserved = new boolean[1];
        byAddress.compute(key(address), (k, f) -> {
            Failures current = current(f, now);
            reserved[0] = current.count() < PER_ADDRESS;
            return reserved[0] ? new Failures(current.count() + 1, current.since()) : current;
        });
        return reserved[0];
    }

    /**
     * Whether the address may try a secret now, without counting the try: for app passwords and keys, random
     * secrets that no guess finds, checked with a fast hash on every call an app makes.
     */
    boolean allows(String address, Instant now) {
        return current(byAddress.get(key(address)), now).count() < PER_ADDRESS;
    }

    /** A secret tried from the address was wrong: it counts as a failed login. */
    void failed(String address, Instant now) {
        byAddress.compute(key(address), (k, f) -> {
            Failures current = current(f, now);
            return new Failures(current.count() + 1, current.since());
        });
    }

    /** An address's failures in the window that holds {@code now}: none when its window has ended. */
    private static Failures current(Failures f, Instant now) {
        return f == null || !f.since().plus(WINDOW).isAfter(now) ? new Failures(0, now) : f;
    }

    /** The login from the address succeeded: its attempt does not count as a failure. */
    void succeeded(String address) {
        byAddress.computeIfPresent(
                key(address), (k, f) -> f.count() <= 1 ? null : new Failures(f.count() - 1, f.since()));
    }

    /** When the address may try again. */
    Instant freeAt(String address, Instant now) {
        Failures f = byAddress.get(key(address));
        return f == null ? now : f.since().plus(WINDOW);
    }

    /**
     * Whether the password matches the hash; a null hash (no such account, or one that may not be tried now) takes
     * the same time and matches nothing. Waits for a free hash at most {@link #HASH_WAIT}.
     */
    boolean check(String password, String hash) throws Busy {
        try {
            if (!hashing.tryAcquire(HASH_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new Busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy();
        }
        try {
            if (hash != null) {
                checks.inc();
            }
            return Passwords.matches(password, hash);
        } finally {
            hashing.release();
        }
    }

    /** The key an address counts under: itself, or its /64 for IPv6 (one host usually holds a whole /64). */
    static String key(String address) {
        try {
            InetAddress parsed = InetAddress.getByName(address);
            if (parsed instanceof Inet6Address) {
                return HexFormat.of().formatHex(Arrays.copyOf(parsed.getAddress(), 8)) + "::/64";
            }
            return parsed.getHostAddress();
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
