package sift.ingest.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sift.ingest.fetch.FeedFetcher;
import sift.ingest.fetch.FetchSettings;
import sift.ingest.testing.FixtureServer;
import sift.ingest.testing.Fixtures;
import sift.ingest.testing.TestRefresher;
import sift.store.Database;
import sift.store.DbSettings;
import sift.store.feed.NewFeed;

class RefreshSchedulerTest {
    @TempDir
    Path dir;

    FixtureServer server;
    Database db;
    FeedFetcher fetcher;
    RefreshScheduler scheduler;

    @BeforeEach
    void setUp() {
        server = new FixtureServer()
                .feed("/cloudflare.xml", "application/rss+xml", Fixtures.text("parse/cloudflare-rss2.xml"))
                .feed("/ipspace.xml", "application/atom+xml", Fixtures.text("parse/ipspace-atom.xml"))
                .feed("/garbage.xml", "text/plain", "definitely not XML");
        db = Database.open(DbSettings.embedded(dir));
        fetcher =
                new FeedFetcher(FetchSettings.defaults().withAllowPrivate(true).withHostGap(java.time.Duration.ZERO));
        Refresher refresher = TestRefresher.over(db, fetcher, Clock.systemUTC());
        scheduler =
                new RefreshScheduler(db.feeds(), refresher, "test-node", 2, Duration.ofMillis(200), Clock.systemUTC());
        for (String path : List.of("/cloudflare.xml", "/garbage.xml", "/missing.xml", "/ipspace.xml")) {
            db.feeds().subscribe(new NewFeed(server.url(path), null, null), Instant.now());
        }
    }

    @AfterEach
    void tearDown() {
        scheduler.close();
        fetcher.close();
        db.close();
        server.close();
    }

    @Test
    void oneBrokenFeedDoesNotKeepTheOthersFromBeingIngested() {
        List<RefreshReport> reports = scheduler.refreshAll();
        assertThat(reports).hasSize(4);
        assertThat(reports)
                .filteredOn(r -> r.outcome() == RefreshReport.Outcome.FAILED)
                .extracting(RefreshReport::url)
                .containsExactlyInAnyOrder(server.url("/garbage.xml"), server.url("/missing.xml"));
        assertThat(db.postChanges().count()).isEqualTo(4);
        assertThat(scheduler.status().refreshesDone()).isEqualTo(4);
    }

    @Test
    void tellsHowManyFeedsOfAPassAreDone() {
        List<Integer> done = new java.util.concurrent.CopyOnWriteArrayList<>();
        scheduler.refreshAll((feeds, of) -> {
            assertThat(of).isEqualTo(4);
            done.add(feeds);
        });
        assertThat(done).containsExactlyInAnyOrder(1, 2, 3, 4);
    }

    @Test
    void refreshesDueFeedsInTheBackgroundOnceEach() throws Exception {
        scheduler.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (scheduler.status().refreshesDone() < 4 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(600); // a few more ticks: nothing is due again for 30 minutes
        assertThat(scheduler.status().running()).isTrue();
        assertThat(db.postChanges().count()).isEqualTo(4);
        assertThat(server.hits("/cloudflare.xml")).isEqualTo(1);
        assertThat(server.hits("/garbage.xml"))
                .as("backed off, not retried at once")
                .isEqualTo(1);
    }

    @Test
    void aBacklogOfQuickFeedsGoesAtTheWorkersPaceNotTheTicks() throws Exception {
        for (int i = 0; i < 40; i++) {
            db.feeds().subscribe(new NewFeed(server.url("/gone-" + i + ".xml"), null, null), Instant.now());
        }
        try (RefreshScheduler hourly = new RefreshScheduler(
                db.feeds(),
                TestRefresher.over(db, fetcher, Clock.systemUTC()),
                "hourly-node",
                1,
                Duration.ofHours(1),
                Clock.systemUTC())) {
            hourly.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (hourly.status().refreshesDone() < 44 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(hourly.status().refreshesDone())
                    .as("44 due feeds, one worker, one tick an hour: each finished refresh claims the next")
                    .isEqualTo(44);
        }
    }

    /**
     * The system clock moved back three hours under a running scheduler: every feed the old clock scheduled is
     * fetched once more at once (not three hours late), then not again, and no fetch lasted a negative time. The
     * clock is the one every part of ingest reads; a process under libfaketime reads the wall clock 370 times
     * slower (11 us a read), too slow to run Sift at all, and the machine's own clock is not the test's to move.
     */
    @Test
    void aClockMovedBackLeavesNoFeedLateAndNoneInATightLoop() throws Exception {
        MovableClock clock = new MovableClock();
        try (RefreshScheduler moved = new RefreshScheduler(
                db.feeds(), TestRefresher.over(db, fetcher, clock), "moved-node", 2, Duration.ofMillis(100), clock)) {
            moved.start();
            awaitHits(1);
            Thread.sleep(500); // five ticks: nothing is due again
            assertThat(hits()).containsOnly(1);

            clock.moveBy(Duration.ofHours(-3));
            awaitHits(2);
            Thread.sleep(1_000); // ten ticks
            assertThat(hits())
                    .as("one fetch each after the clock moved, then none")
                    .containsOnly(2);
        }
        db.feeds().all().forEach(feed -> {
            assertThat(db.feeds().fetchLog(feed.id(), 10))
                    .as(feed.url())
                    .hasSize(2)
                    .allSatisfy(f -> assertThat(f.took().isNegative()).isFalse());
            assertThat(feed.nextFetchAt()).as(feed.url()).isAfter(clock.instant());
        });
    }

    private List<Integer> hits() {
        return List.of("/cloudflare.xml", "/garbage.xml", "/missing.xml", "/ipspace.xml").stream()
                .map(server::hits)
                .toList();
    }

    private void awaitHits(int each) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (hits().stream().anyMatch(h -> h < each) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(hits()).as("every feed fetched %d times", each).containsOnly(each);
    }

    /** The system clock, moved by as much as the test says. */
    static final class MovableClock extends Clock {
        private final java.util.concurrent.atomic.AtomicReference<Duration> offset =
                new java.util.concurrent.atomic.AtomicReference<>(Duration.ZERO);

        void moveBy(Duration by) {
            offset.updateAndGet(o -> o.plus(by));
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset.get());
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException("a UTC clock");
        }
    }
}
