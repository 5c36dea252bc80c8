package sift.ingest.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sift.ingest.fetch.FeedFetcher;
import sift.ingest.fetch.FetchSettings;
import sift.ingest.testing.FixtureServer;
import sift.ingest.testing.TestRefresher;
import sift.store.Database;
import sift.store.DbSettings;
import sift.store.TestDatabase;
import sift.store.feed.Feed;
import sift.store.feed.NewFeed;

/**
 * Two workers on one database (PostgreSQL when the environment gives one, as in CI; else H2) over 100 fixture
 * feeds: each feed is fetched exactly once a pass, and a worker that dies leaves its feeds to the other.
 */
class MultiWorkerTest {
    private static final int FEEDS = 100;

    @TempDir
    Path dir;

    FixtureServer server;
    Database first;
    Database second;
    FeedFetcher fetcherA;
    FeedFetcher fetcherB;
    RefreshScheduler workerA;
    RefreshScheduler workerB;

    @BeforeEach
    void setUp() {
        server = new FixtureServer();
        DbSettings settings = TestDatabase.scaleOut(dir);
        first = Database.open(settings);
        second = Database.open(settings);
        for (int i = 0; i < FEEDS; i++) {
            String path = "/feed" + i + ".xml";
            server.route(
                    path,
                    FixtureServer.Route.ok(
                                    "application/rss+xml",
                                    ("<rss version=\"2.0\"><channel><title>Feed " + i + "</title><item><title>Post " + i
                                                    + "</title><guid>post-" + i + "</guid></item></channel></rss>")
                                            .getBytes())
                            .delayed(Duration.ofMillis(10)));
            first.feeds()
                    .subscribe(
                            new NewFeed(server.url(path), null, null),
                            Instant.now().minusSeconds(60));
        }
        FetchSettings local = FetchSettings.defaults().withAllowPrivate(true).withHostGap(Duration.ZERO);
        fetcherA = new FeedFetcher(local);
        fetcherB = new FeedFetcher(local);
        workerA = new RefreshScheduler(
                first.feeds(),
                TestRefresher.over(first, fetcherA, Clock.systemUTC()),
                "worker-a",
                3,
                Duration.ofMillis(100),
                Clock.systemUTC());
        workerB = new RefreshScheduler(
                second.feeds(),
                TestRefresher.over(second, fetcherB, Clock.systemUTC()),
                "worker-b",
                3,
                Duration.ofMillis(100),
                Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        workerA.close();
        workerB.close();
        fetcherA.close();
        fetcherB.close();
        second.close();
        first.close();
        server.close();
    }

    private void awaitAllFetched(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (first.feeds().all().stream().allMatch(f -> f.lastFetchedAt() != null)) {
                return;
            }
            Thread.sleep(50);
        }
    }

    @Test
    void twoWorkersFetchEveryFeedExactlyOnceAPass() throws Exception {
        workerA.start();
        workerB.start();
        awaitAllFetched(Duration.ofSeconds(60));
        Thread.sleep(500); // more ticks: nothing is due again for 30 minutes
        for (int i = 0; i < FEEDS; i++) {
            assertThat(server.hits("/feed" + i + ".xml")).as("feed %d", i).isEqualTo(1);
        }
        assertThat(first.postChanges().count()).isEqualTo(FEEDS);
        assertThat(workerA.status().refreshesDone())
                .as("worker A did its share")
                .isPositive();
        assertThat(workerB.status().refreshesDone())
                .as("worker B did its share")
                .isPositive();
        assertThat(workerA.status().refreshesDone() + workerB.status().refreshesDone())
                .isEqualTo(FEEDS);
    }

    @Test
    void aWorkerThatDiedMidPassLeavesItsFeedsToTheOtherWhenTheLeaseExpires() throws Exception {
        Instant now = Instant.now();
        Instant leaseEnds = now.plusSeconds(3);
        List<Feed> orphaned = first.feeds().claimDue("worker-that-died", now, leaseEnds, 30);
        assertThat(orphaned).hasSize(30);
        workerB.start();
        awaitAllFetched(Duration.ofSeconds(60));
        Set<Long> orphanIds = orphaned.stream().map(Feed::id).collect(Collectors.toSet());
        List<Feed> after = second.feeds().all();
        for (Feed feed : after) {
            assertThat(server.hits(java.net.URI.create(feed.url()).getPath()))
                    .as(feed.url())
                    .isEqualTo(1);
            if (orphanIds.contains(feed.id())) {
                assertThat(feed.lastFetchedAt())
                        .as("not before the dead worker's lease ran out")
                        .isAfterOrEqualTo(leaseEnds);
            }
        }
        assertThat(workerB.status().refreshesDone()).isEqualTo(FEEDS);
    }
}
