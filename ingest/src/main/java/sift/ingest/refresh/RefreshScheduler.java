package sift.ingest.refresh;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sift.store.feed.Feed;
import sift.store.feed.FeedStore;
import sift.store.sql.Sql;

/**
 * Runs refreshes on a bounded pool of workers: on a tick it claims due feeds (a lease in the database, so that
 * other Sift processes on the same database take other feeds) as workers are free, and hands each to one.
 * {@link #close()} lets refreshes in flight finish their current post, gives back what was claimed but not
 * started, then returns.
 */
public final class RefreshScheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RefreshScheduler.class);
    private static final Duration GRACE = Duration.ofSeconds(20);
    /** Longer than any refresh takes (a 30 s fetch, then parsing and storing), short enough to recover from a dead worker. */
    static final Duration LEASE = Duration.ofMinutes(10);

    private static final Instant EVERYTHING = Instant.parse("9999-01-01T00:00:00Z");

    private final FeedStore feeds;
    private final Refresher refresher;
    private final int workers;
    private final Duration tick;
    private final Clock clock;
    private final ExecutorService pool;
    private final ScheduledExecutorService ticker;
    private final String owner;
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    /** How many feeds of each host are in flight; a host with {@link #perHost} of them yields to the others. */
    private final Map<String, Integer> hostsInFlight = new ConcurrentHashMap<>();

    private final int perHost;
    /** Feeds whose lease could not be given back while the database was away. */
    private final Set<Long> unreleased = ConcurrentHashMap.newKeySet();

    private final AtomicLong done = new AtomicLong();
    private final AtomicReference<Pass> pass = new AtomicReference<>(new Pass());
    private final AtomicReference<Instant> lastRefreshAt = new AtomicReference<>();
    private volatile boolean running;
    private final FreeSpace room;
    /** Why ingest waits (the disk is short of room), or null. */
    private volatile String paused;

    /**
     * @param owner this node's name in the leases it takes, stable across restarts (so that leases a crashed run
     *     left behind are void at once, not when they expire), unique among the processes on one database
     */
    public RefreshScheduler(
            FeedStore feeds, Refresher refresher, String owner, int workers, Duration tick, Clock clock) {
        this(feeds, refresher, owner, workers, tick, clock, FreeSpace.unchecked());
    }

    /** @param room the room ingest leaves on the data folder's disk: below it, no feed is taken */
    public RefreshScheduler(
            FeedStore feeds,
            Refresher refresher,
            String owner,
            int workers,
            Duration tick,
            Clock clock,
            FreeSpace room) {
        if (workers < 1) {
            throw new IllegalArgumentException("ingest needs at least one worker, was " + workers);
        }
        this.feeds = feeds;
        this.refresher = refresher;
        this.workers = workers;
        this.perHost = Math.max(1, workers / 2);
        this.tick = tick;
        this.clock = clock;
        this.owner = owner;
        this.room = room;
        int orphaned = feeds.releaseAll(owner);
        if (orphaned > 0) {
            log.info("Ingest: {} feeds leased to this node ({}) before a crash are free again", orphaned, owner);
        }
        this.pool = Executors.newFixedThreadPool(workers, named("sift-refresh"));
        this.ticker = Executors.newSingleThreadScheduledExecutor(named("sift-refresh-ticker"));
    }

    /** Starts refreshing due feeds in the background, now and then every tick. */
    public void start() {
        running = true;
        ticker.scheduleWithFixedDelay(this::submitDue, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
        log.info("Ingest started: {} workers, checking for due feeds every {} s", workers, tick.toSeconds());
    }

    /**
     * Refreshes every enabled feed once, due or not, and waits for all of them: {@code sift ingest --once}.
     * Feeds another process holds right now are left to it.
     */
    public List<RefreshReport> refreshAll() {
        return refreshAll((done, total) -> {});
    }

    /** {@link #refreshAll()}, telling {@code progress} how many of how many feeds are done after each one. */
    public List<RefreshReport> refreshAll(Progress progress) {
        if (!roomToWrite()) {
            throw new IllegalStateException("no feed refreshed: " + paused);
        }
        Instant now = clock.instant();
        List<CompletableFuture<RefreshReport>> futures =
                submit(feeds.claim(owner, EVERYTHING, now, now.plus(LEASE), Integer.MAX_VALUE, Set.of()));
        AtomicInteger finished = new AtomicInteger();
        List<RefreshReport> reports = await(futures.stream()
                .map(f -> f.thenApply(report -> {
                    progress.done(finished.incrementAndGet(), futures.size());
                    return report;
                }))
                .toList());
        pass.getAndSet(new Pass()).log();
        return reports;
    }

    /** Told after each refresh of a pass. */
    @FunctionalInterface
    public interface Progress {
        void done(int feeds, int of);
    }

    public IngestStatus status() {
        return new IngestStatus(running, inFlight.size(), done.get(), lastRefreshAt.get(), paused);
    }

    private void submitDue() {
        try {
            releaseLeftLeases();
            if (!roomToWrite()) {
                return;
            }
            int free = workers * 2 - inFlight.size();
            if (free > 0) {
                Instant now = clock.instant();
                // the feeds of hosts below their share first, so that no host's backlog holds up the others';
                // then, with workers still free, any host's (a crowded host still gets only its own pace)
                List<Feed> due = new ArrayList<>(feeds.claimDue(owner, now, now.plus(LEASE), free, busyHosts()));
                if (due.size() < free) {
                    due.addAll(feeds.claimDue(owner, now, now.plus(LEASE), free - due.size()));
                }
                if (due.isEmpty() && inFlight.isEmpty()) {
                    // nothing due and nothing running: the round of refreshes is over
                    pass.getAndSet(new Pass()).log();
                }
                submit(due);
            }
        } catch (RuntimeException e) {
            // the ticker must survive a database hiccup; the next tick tries again
            if (Sql.unreachable(e)) {
                log.warn(
                        "Cannot list due feeds: the database does not answer ({}); trying again in {} s",
                        e.getMessage(),
                        tick.toSeconds());
            } else {
                log.error("Cannot list due feeds: {}", e.getMessage(), e);
            }
        }
    }

    /**
     * The hosts that have their share of the workers (half of them) in flight: the next claim takes the other
     * hosts' due feeds first, so that ten thousand feeds due on one host never hold up a feed elsewhere.
     */
    private Set<String> busyHosts() {
        Set<String> busy = new HashSet<>();
        hostsInFlight.forEach((host, n) -> {
            if (n >= perHost) {
                busy.add(host);
            }
        });
        return busy;
    }

    private List<CompletableFuture<RefreshReport>> submit(List<Feed> due) {
        List<CompletableFuture<RefreshReport>> futures = new ArrayList<>();
        for (Feed feed : due) {
            if (inFlight.add(feed.id())) {
                if (feed.host() != null) {
                    hostsInFlight.merge(feed.host(), 1, Integer::sum);
                }
                futures.add(CompletableFuture.supplyAsync(() -> refreshGuarded(feed), pool));
            }
        }
        return futures;
    }

    private RefreshReport refreshGuarded(Feed feed) {
        RefreshReport report = null;
        try {
            report = refresher.refresh(feed);
            if (report.outcome() == RefreshReport.Outcome.STOPPED) {
                feeds.release(feed.id(), owner);
            }
            return report;
        } catch (RuntimeException e) {
            // a bug or an unreachable database: log it with the feed, keep the worker, give the feed back
            if (Sql.unreachable(e)) {
                log.warn("Feed {}: not refreshed, the database does not answer ({})", feed.url(), e.getMessage());
            } else {
                log.error("Feed {}: refresh failed unexpectedly: {}", feed.url(), e.getMessage(), e);
            }
            releaseQuietly(feed);
            report = RefreshReport.failed(feed.id(), feed.url(), "internal error: " + e.getMessage());
            return report;
        } finally {
            pass.get().add(report);
            inFlight.remove(feed.id());
            if (feed.host() != null) {
                hostsInFlight.computeIfPresent(feed.host(), (host, n) -> n > 1 ? n - 1 : null);
            }
            done.incrementAndGet();
            lastRefreshAt.set(clock.instant());
            topUp();
        }
    }

    /**
     * A worker just came free: claim the next due feed now rather than at the next tick, so that a backlog of
     * quick feeds (a thousand just imported, most of them failing fast) goes at the workers' pace.
     */
    private void topUp() {
        if (running) {
            try {
                ticker.execute(this::submitDue);
            } catch (RejectedExecutionException stopping) {
                // the ticker is shut down: Sift is stopping
            }
        }
    }

    /**
     * The refreshes of one round, from the first due feed until nothing is due or running: one line in the log
     * when it ends, so that "20 feeds, none reached" is said once, beside each feed's own warning.
     */
    private static final class Pass {
        private final AtomicInteger reached = new AtomicInteger();
        private final AtomicInteger failed = new AtomicInteger();
        private final AtomicInteger created = new AtomicInteger();
        private final AtomicReference<String> lastFailure = new AtomicReference<>();

        void add(RefreshReport report) {
            if (report == null || report.outcome() == RefreshReport.Outcome.STOPPED) {
                return;
            }
            if (report.outcome() == RefreshReport.Outcome.FAILED) {
                failed.incrementAndGet();
                lastFailure.set(report.url() + ": " + report.error());
            } else {
                reached.incrementAndGet();
                created.addAndGet(report.created());
            }
        }

        void log() {
            int total = reached.get() + failed.get();
            if (total == 0) {
                return;
            }
            if (failed.get() == 0) {
                log.info("Ingest pass: {} of {} feeds reached, {} new posts", reached, total, created);
            } else {
                log.warn(
                        "Ingest pass: {} of {} feeds reached, {} new posts; {} failed (the last: {})",
                        reached,
                        total,
                        created,
                        failed,
                        lastFailure.get());
            }
        }
    }

    private static List<RefreshReport> await(List<CompletableFuture<RefreshReport>> futures) {
        return futures.stream().map(CompletableFuture::join).toList();
    }

    /** Stops ticking, lets each refresh in flight finish the post it is writing, then stops the workers. */
    @Override
    public void close() {
        running = false;
        // a tick may be claiming feeds: it finishes, uninterrupted (an H2 read on an interrupted thread closes the
        // database's file for every thread)
        ticker.shutdown();
        refresher.stop();
        pool.shutdown();
        try {
            if (!ticker.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("Ingest: a tick still runs after 5 s; it ends with the process");
            }
            if (!pool.awaitTermination(GRACE.toSeconds(), TimeUnit.SECONDS)) {
                log.warn(
                        "Ingest: {} refreshes still running after {} s, interrupting them",
                        inFlight.size(),
                        GRACE.toSeconds());
                pool.shutdownNow();
                pool.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.shutdownNow();
        }
        log.info("Ingest stopped");
    }

    private void releaseQuietly(Feed feed) {
        try {
            feeds.release(feed.id(), owner);
        } catch (RuntimeException e) {
            // the database is away: give the feed back as soon as it answers again, not when the lease expires
            unreleased.add(feed.id());
            log.warn(
                    "Feed {}: lease not released ({}); released when the database answers again",
                    feed.url(),
                    e.getMessage());
        }
    }

    /** Whether the data folder's disk has room; says so in the log when that changes. */
    private boolean roomToWrite() {
        String shortage = room.shortage().orElse(null);
        if (shortage != null && paused == null) {
            log.warn("Ingest paused: {}; it resumes when there is room again", shortage);
        } else if (shortage == null && paused != null) {
            log.info("Ingest resumed: room again in {}", room.folder());
        }
        paused = shortage;
        return shortage == null;
    }

    /** Gives back the leases a database outage kept, once it answers again; the next tick tries the rest. */
    private void releaseLeftLeases() {
        for (Long id : List.copyOf(unreleased)) {
            feeds.release(id, owner);
            unreleased.remove(id);
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
