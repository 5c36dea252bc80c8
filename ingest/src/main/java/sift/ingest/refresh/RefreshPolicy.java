package sift.ingest.refresh;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * When to fetch a feed next. After a success, a poll interval that follows how often the feed publishes (a
 * quarter of the typical gap between its posts; a day for a feed silent for a month), never shorter than its
 * TTL or than the server says its answer stays fresh, bounded by {@link #MIN_POLL} (or the configured interval,
 * if shorter) and {@link #MAX_POLL}; the configured interval when there is nothing to go by. After failures, an
 * exponential backoff (interval x 2^(failures-1), capped) with up to 10% jitter so that failing feeds do not
 * retry in step, and never sooner than the server's Retry-After.
 */
public final class RefreshPolicy {
    static final Duration MIN_POLL = Duration.ofMinutes(15);
    static final Duration MAX_POLL = Duration.ofHours(24);
    /** A feed that published nothing for this long is polled once a day. */
    private static final Duration DORMANT = Duration.ofDays(30);
    /** How often a fetch goes without validators, for servers whose ETag or Last-Modified never change. */
    static final Duration FULL_FETCH_EVERY = Duration.ofHours(24);

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

    /**
     * The poll interval of a feed just read.
     *
     * @param published when its entries were published (any order; nulls and the future ignored)
     * @param ttl RSS's {@code <ttl>}, or null
     * @param freshFor how long the server said the answer stays fresh, or null
     */
    public Duration pollInterval(Instant now, List<Instant> published, Duration ttl, Duration freshFor) {
        List<Instant> dates = published.stream()
                .filter(Objects::nonNull)
                .filter(d -> !d.isAfter(now))
                .sorted(Comparator.reverseOrder())
                .limit(20)
                .toList();
        Duration poll = interval;
        if (!dates.isEmpty() && Duration.between(dates.get(0), now).compareTo(DORMANT) > 0) {
            poll = MAX_POLL;
        } else if (dates.size() >= 3) {
            List<Duration> gaps = new ArrayList<>();
            for (int i = 1; i < dates.size(); i++) {
                gaps.add(Duration.between(dates.get(i), dates.get(i - 1)));
            }
            gaps.sort(Comparator.naturalOrder());
            poll = gaps.get(gaps.size() / 2).dividedBy(4);
        }
        return bounded(longest(poll, ttl, freshFor));
    }

    /** The interval after a 304: the one chosen at the last full answer, or longer if the server says so. */
    public Duration pollIntervalUnchanged(Duration stored, Duration freshFor) {
        return bounded(longest(stored == null ? interval : stored, null, freshFor));
    }

    /** Whether this fetch should go without validators: none in a day, or never. */
    public boolean fullFetchDue(Instant now, Instant lastFullFetch) {
        return lastFullFetch == null || Duration.between(lastFullFetch, now).compareTo(FULL_FETCH_EVERY) >= 0;
    }

    private static Duration longest(Duration poll, Duration ttl, Duration freshFor) {
        Duration longest = poll;
        for (Duration floor : new Duration[] {ttl, freshFor}) {
            if (floor != null && floor.compareTo(longest) > 0) {
                longest = floor;
            }
        }
        return longest;
    }

    private Duration bounded(Duration poll) {
        Duration min = interval.compareTo(MIN_POLL) < 0 ? interval : MIN_POLL;
        if (poll.compareTo(min) < 0) {
            return min;
        }
        return poll.compareTo(MAX_POLL) > 0 ? MAX_POLL : poll;
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
