package sift.ingest.refresh;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * When to fetch a feed next: after a success, the refresh interval; after failures, an exponential backoff
 * (interval x 2^(failures-1), capped) with up to 10% jitter so that failing feeds do not retry in step,
 * and never sooner than the server's Retry-After.
 */
public final class RefreshPolicy {
    private final Duration interval;
    private final Duration maxBackoff;
    private final RandomGenerator random;

    public RefreshPolicy(Duration interval, Duration maxBackoff, RandomGenerator random) {
        this.interval = Objects.requireNonNull(interval, "interval");
        this.maxBackoff = Objects.requireNonNull(maxBackoff, "maxBackoff");
        this.random = Objects.requireNonNull(random, "random");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("refresh interval must be positive, was " + interval);
        }
    }

    public Instant afterSuccess(Instant now) {
        return now.plus(interval);
    }

    /** @param failures consecutive failures including this one (1 for the first) */
    public Instant afterFailure(Instant now, int failures, Duration retryAfter) {
        int doublings = Math.min(Math.max(failures - 1, 0), 20);
        Duration backoff = interval.multipliedBy(1L << doublings);
        if (backoff.compareTo(maxBackoff) > 0) {
            backoff = maxBackoff;
        }
        long jitterMillis = (long) (backoff.toMillis() * 0.1 * random.nextDouble());
        Duration wait = backoff.plusMillis(jitterMillis);
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            wait = retryAfter;
        }
        return now.plus(wait);
    }
}
