package sift.web.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import sift.store.feed.FeedReach;
import sift.store.feed.FeedStore;

/**
 * Whether readers are told that feeds cannot be reached: the river, the podcasts and the digest say so when more
 * feeds fail than answer, instead of promising posts that are not coming. Asked on every such page, so the answer
 * is kept for a few seconds.
 */
public final class FeedReachNotice {
    private static final Duration KEPT = Duration.ofSeconds(10);

    private final FeedStore feeds;
    private final Clock clock;
    private volatile Instant askedAt = Instant.MIN;
    private volatile FeedReach reach;

    public FeedReachNotice(FeedStore feeds, Clock clock) {
        this.feeds = feeds;
        this.clock = clock;
    }

    /** How the feeds' last fetches went, as of at most a few seconds ago. */
    public FeedReach reach() {
        Instant now = clock.instant();
        if (reach == null || askedAt.plus(KEPT).isBefore(now)) {
            reach = feeds.reach();
            askedAt = now;
        }
        return reach;
    }

    /** The reach when readers should be told (more feeds fail than answer), else null. */
    public FeedReach notice() {
        FeedReach now = reach();
        return now.mostlyFailing() ? now : null;
    }
}
