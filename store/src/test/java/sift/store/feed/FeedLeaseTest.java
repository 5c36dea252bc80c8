package sift.store.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sift.store.Database;
import sift.store.DbSettings;
import sift.store.FreshDatabase;

/** Leases on due feeds, so that several workers on one database never fetch a feed twice at once. */
@ExtendWith(FreshDatabase.class)
class FeedLeaseTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final Duration TOOK = Duration.ofMillis(20);

    DbSettings settings;
    Database db;
    FeedStore feeds;

    @BeforeEach
    void open(Database db, DbSettings settings) {
        this.settings = settings;
        this.db = db;
        feeds = db.feeds();
        for (int i = 0; i < 10; i++) {
            feeds.subscribe(new NewFeed("https://f" + i + ".example/feed", "F" + i, null), NOW.minusSeconds(10 - i));
        }
    }

    private static Set<Long> ids(List<Feed> claimed) {
        Set<Long> ids = new HashSet<>();
        claimed.forEach(f -> ids.add(f.id()));
        return ids;
    }

    @Test
    void twoWorkersClaimDisjointFeedsUntilNoneIsLeft() {
        Set<Long> a = ids(feeds.claimDue("worker-a", NOW, NOW.plus(LEASE), 4));
        Set<Long> b = ids(feeds.claimDue("worker-b", NOW, NOW.plus(LEASE), 4));
        Set<Long> c = ids(feeds.claimDue("worker-a", NOW, NOW.plus(LEASE), 4));
        assertThat(a).hasSize(4);
        assertThat(b).hasSize(4).doesNotContainAnyElementsOf(a);
        assertThat(c).hasSize(2).doesNotContainAnyElementsOf(a).doesNotContainAnyElementsOf(b);
        assertThat(feeds.claimDue("worker-b", NOW, NOW.plus(LEASE), 4)).isEmpty();
    }

    @Test
    void recordingTheFetchReleasesTheLeaseAndTheNextFetchTimeDecides() {
        Feed first = feeds.claimDue("worker-a", NOW, NOW.plus(LEASE), 1).get(0);
        feeds.recordFailure(first.id(), "HTTP 503", NOW, NOW, TOOK);
        assertThat(ids(feeds.claimDue("worker-b", NOW, NOW.plus(LEASE), 10))).contains(first.id());
    }

    @Test
    void aDeadWorkersFeedsGoToAnotherWhenTheLeaseExpires() {
        Set<Long> dead = ids(feeds.claimDue("worker-dead", NOW, NOW.plus(LEASE), 10));
        assertThat(feeds.claimDue("worker-b", NOW.plus(Duration.ofMinutes(1)), NOW.plus(LEASE), 10))
                .isEmpty();
        Instant later = NOW.plus(LEASE).plusSeconds(1);
        assertThat(ids(feeds.claimDue("worker-b", later, later.plus(LEASE), 10)))
                .isEqualTo(dead);
    }

    @Test
    void aNodeStartingAgainAfterACrashVoidsItsOwnLeasesAtOnce() {
        Set<Long> before = ids(feeds.claimDue("node-1", NOW, NOW.plus(LEASE), 4));
        feeds.claimDue("node-2", NOW, NOW.plus(LEASE), 2);
        assertThat(feeds.releaseAll("node-1")).isEqualTo(4);
        assertThat(ids(feeds.claimDue("node-1", NOW, NOW.plus(LEASE), 10)))
                .containsAll(before)
                .hasSize(8);
    }

    @Test
    void aStoppingWorkerGivesItsFeedsBack() {
        Feed feed = feeds.claimDue("worker-a", NOW, NOW.plus(LEASE), 1).get(0);
        feeds.release(feed.id(), "worker-b");
        assertThat(ids(feeds.claimDue("worker-b", NOW, NOW.plus(LEASE), 10)))
                .as("only its owner releases a lease")
                .doesNotContain(feed.id());
        feeds.release(feed.id(), "worker-a");
        assertThat(ids(feeds.claimDue("worker-b", NOW, NOW.plus(LEASE), 10))).contains(feed.id());
    }

    @Test
    void skipsRowsAnotherTransactionHoldsInsteadOfWaiting() throws Exception {
        try (Connection other = DriverManager.getConnection(settings.url(), settings.user(), settings.password())) {
            other.setAutoCommit(false);
            long locked = feeds.all().get(3).id();
            try (ResultSet rs =
                    other.createStatement().executeQuery("SELECT id FROM feeds WHERE id = " + locked + " FOR UPDATE")) {
                assertThat(rs.next()).isTrue();
            }
            Set<Long> claimed = ids(feeds.claimDue("worker-b", NOW, NOW.plus(LEASE), 10));
            assertThat(claimed).hasSize(9).doesNotContain(locked);
            other.rollback();
        }
    }
}
