package sift.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sift.store.Database;
import sift.web.http.Threads;

/**
 * Keeps the database from growing without bound, in the background of {@code sift serve}: every six hours it
 * archives posts older than the retention setting that no reader starred, and forgets fetch log entries
 * older than 90 days. A failed run is logged and tried again at the next.
 */
final class Housekeeping implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);
    static final Duration FETCH_LOG_KEPT = Duration.ofDays(90);
    private static final Duration EVERY = Duration.ofHours(6);

    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(Threads.daemon("sift-housekeeping"));

    Housekeeping(Database db, Duration retention, Clock clock) {
        timer.scheduleWithFixedDelay(() -> run(db, retention, clock.instant()), 1, EVERY.toMinutes(), TimeUnit.MINUTES);
    }

    /** One pass; {@code retention} zero keeps every post. */
    static void run(Database db, Duration retention, Instant now) {
        try {
            if (!retention.isZero()) {
                int archived = db.posts().archiveBefore(now.minus(retention));
                if (archived > 0) {
                    log.info(
                            "Retention: archived {} posts older than {} days in {}",
                            archived,
                            retention.toDays(),
                            db.describe());
                }
            }
            db.feeds().pruneFetchLog(now.minus(FETCH_LOG_KEPT));
        } catch (RuntimeException e) {
            log.warn(
                    "Housekeeping of {} failed, tried again in {} hours: {}",
                    db.describe(),
                    EVERY.toHours(),
                    e.getMessage());
        }
    }

    @Override
    public void close() {
        Threads.stop(timer, "Housekeeping");
    }
}
