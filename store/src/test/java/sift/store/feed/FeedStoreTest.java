package sift.store.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sift.store.Database;
import sift.store.FreshDatabase;

@ExtendWith(FreshDatabase.class)
class FeedStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final Duration TOOK = Duration.ofMillis(42);

    Database db;
    FeedStore feeds;

    @BeforeEach
    void open(Database db) {
        this.db = db;
        feeds = db.feeds();
    }

    @Test
    void subscribesEachUrlOnce() {
        assertThat(feeds.subscribe(new NewFeed("https://blog.cloudflare.com/rss/", "Cloudflare", "Blogs"), NOW))
                .isTrue();
        assertThat(feeds.subscribe(new NewFeed(" https://blog.cloudflare.com/rss/ ", null, null), NOW))
                .isFalse();
        assertThat(feeds.all()).singleElement().satisfies(f -> {
            assertThat(f.title()).isEqualTo("Cloudflare");
            assertThat(f.category()).isEqualTo("Blogs");
            assertThat(f.nextFetchAt()).isEqualTo(NOW);
            assertThat(f.lastStatus()).isNull();
        });
    }

    @Test
    void teasersGetTheirFullTextUnlessTheFeedsSwitchIsOff() {
        feeds.subscribe(new NewFeed("https://blog.example/feed", null, null), NOW);
        Feed feed = feeds.all().get(0);
        assertThat(feed.fullText()).isTrue();
        assertThat(feed.fullTextSelector()).isNull();

        assertThat(feeds.setFullText(feed.id(), false, " article .entry-content "))
                .isTrue();
        assertThat(feeds.find(feed.id()).orElseThrow()).satisfies(f -> {
            assertThat(f.fullText()).isFalse();
            assertThat(f.fullTextSelector()).isEqualTo("article .entry-content");
        });
        assertThat(feeds.setFullText(feed.id(), true, " ")).isTrue();
        assertThat(feeds.find(feed.id()).orElseThrow().fullTextSelector()).isNull();
        assertThat(feeds.setFullText(feed.id() + 1, true, null)).isFalse();
        assertThatThrownBy(() -> feeds.setFullText(feed.id(), true, "p".repeat(501)))
                .hasMessage("a full-text selector has at most 500 characters, this one has 501");
    }

    @Test
    void listsOnlyDueFeedsLongestOverdueFirst() {
        feeds.subscribe(new NewFeed("https://a.example/feed", "A", null), NOW);
        feeds.subscribe(new NewFeed("https://b.example/feed", "B", null), NOW.minusSeconds(60));
        long a = feeds.all().get(0).id();
        feeds.recordSuccess(
                a,
                new FetchSuccess(
                        FetchStatus.OK, null, null, null, null, NOW, NOW.plus(Duration.ofHours(1)), 0, 0, TOOK));

        assertThat(feeds.claimDue("w1", NOW, NOW.plusSeconds(60), 10))
                .extracting(Feed::title)
                .containsExactly("B");
        Instant later = NOW.plus(Duration.ofHours(2));
        assertThat(feeds.claimDue("w2", later, later.plusSeconds(60), 10))
                .extracting(Feed::title)
                .containsExactly("B", "A");
    }

    @Test
    void claimingPassesOverTheBusyHostsAndAMovedFeedTakesItsNewHost() {
        feeds.subscribe(new NewFeed("https://Crowded.Example/1.xml", "C1", null), NOW.minusSeconds(3));
        feeds.subscribe(new NewFeed("https://crowded.example:8443/2.xml", "C2", null), NOW.minusSeconds(2));
        feeds.subscribe(new NewFeed("https://quiet.example/feed", "Q", null), NOW.minusSeconds(1));
        assertThat(feeds.all()).extracting(Feed::host).contains("crowded.example", "quiet.example");

        assertThat(feeds.claimDue("w1", NOW, NOW.plusSeconds(60), 10, Set.of("crowded.example")))
                .extracting(Feed::title)
                .containsExactly("Q");
        Feed c1 = feeds.claimDue("w1", NOW, NOW.plusSeconds(60), 10, Set.of("other.example"))
                .get(0);
        assertThat(c1.title()).isEqualTo("C1");

        assertThat(feeds.changeUrl(c1.id(), "https://moved.example/1.xml")).isTrue();
        feeds.release(c1.id(), "w1");
        assertThat(feeds.claimDue("w2", NOW, NOW.plusSeconds(60), 10, Set.of("crowded.example")))
                .extracting(Feed::title)
                .containsExactly("C1");
    }

    @Test
    void aFeedScheduledByAClockThatMovedBackIsDueOnceNow() {
        feeds.subscribe(new NewFeed("https://fetched.example/feed", "Fetched", null), NOW);
        long fetched =
                feeds.findByUrl("https://fetched.example/feed").orElseThrow().id();
        feeds.recordSuccess(
                fetched,
                new FetchSuccess(
                        FetchStatus.OK, null, null, null, null, NOW, NOW.plus(Duration.ofHours(1)), 0, 0, TOOK));

        Instant aMinuteEarlier = NOW.minus(Duration.ofMinutes(1));
        assertThat(feeds.claimDue("w", aMinuteEarlier, aMinuteEarlier.plusSeconds(60), 10))
                .as("a minute of difference is no clock change")
                .isEmpty();
        feeds.subscribe(new NewFeed("https://new.example/feed", "New", null), NOW.plus(Duration.ofHours(3)));
        Instant movedBack = NOW.minus(Duration.ofHours(2));
        assertThat(feeds.claimDue("w", movedBack, movedBack.plusSeconds(60), 10))
                .extracting(Feed::title)
                .containsExactlyInAnyOrder("Fetched", "New");
        feeds.recordSuccess(
                fetched,
                new FetchSuccess(
                        FetchStatus.OK,
                        null,
                        null,
                        null,
                        null,
                        movedBack,
                        movedBack.plus(Duration.ofHours(1)),
                        0,
                        0,
                        TOOK));
        Instant later = movedBack.plus(Duration.ofMinutes(10));
        assertThat(feeds.claimDue("w2", later, later.plusSeconds(60), 10))
                .as("fetched again by today's clock: due when that clock says")
                .extracting(Feed::title)
                .doesNotContain("Fetched");
    }

    @Test
    void aDisabledFeedIsNeverDueAndKeepsItsReason() {
        feeds.subscribe(new NewFeed("https://a.example/feed", "A", null), NOW);
        long a = feeds.all().get(0).id();
        feeds.disable(a, "HTTP 410 Gone", NOW, TOOK);
        Instant later = NOW.plus(Duration.ofDays(30));
        assertThat(feeds.claimDue("w", later, later.plusSeconds(60), 10)).isEmpty();
        Feed disabled = feeds.find(a).orElseThrow();
        assertThat(disabled.lastError()).isEqualTo("HTTP 410 Gone");
        assertThat(disabled.lastStatus()).isEqualTo(FetchStatus.FAILED);
        assertThat(feeds.fetchLog(a, 5))
                .singleElement()
                .satisfies(e -> assertThat(e.error()).isEqualTo("HTTP 410 Gone"));
    }

    @Test
    void countsConsecutiveFailuresAndClearsThemOnSuccess() {
        feeds.subscribe(new NewFeed("https://broken.example/feed", null, null), NOW);
        long id = feeds.all().get(0).id();

        feeds.recordFailure(id, "HTTP 404 Not Found from https://broken.example/feed", NOW, NOW.plusSeconds(600), TOOK);
        feeds.recordFailure(id, "connection refused", NOW, NOW.plusSeconds(1200), TOOK);
        Feed failing = feeds.find(id).orElseThrow();
        assertThat(failing.lastStatus()).isEqualTo(FetchStatus.FAILED);
        assertThat(failing.lastError()).isEqualTo("connection refused");
        assertThat(failing.consecutiveFailures()).isEqualTo(2);

        feeds.recordSuccess(
                id,
                new FetchSuccess(
                        FetchStatus.OK,
                        "\"v1\"",
                        "Wed, 25 Nov 2026 10:00:00 GMT",
                        "Broken no more",
                        "https://broken.example/",
                        NOW,
                        NOW.plusSeconds(1800),
                        0,
                        0,
                        TOOK));
        Feed healed = feeds.find(id).orElseThrow();
        assertThat(healed.lastError()).isNull();
        assertThat(healed.consecutiveFailures()).isZero();
        assertThat(healed.etag()).isEqualTo("\"v1\"");
        assertThat(healed.title()).isEqualTo("Broken no more");
        assertThat(healed.siteUrl()).isEqualTo("https://broken.example/");
    }

    @Test
    void keepsTheTitleWhenTheFeedWasNotModified() {
        feeds.subscribe(new NewFeed("https://a.example/feed", "Kept", null), NOW);
        long id = feeds.all().get(0).id();
        feeds.recordSuccess(
                id,
                new FetchSuccess(
                        FetchStatus.NOT_MODIFIED, "e", null, null, null, NOW, NOW.plusSeconds(60), 0, 0, TOOK));
        assertThat(feeds.find(id).orElseThrow().title()).isEqualTo("Kept");
    }

    @Test
    void logsEveryFetchNewestFirstAndPrunesOldEntries() {
        feeds.subscribe(new NewFeed("https://a.example/feed", "A", null), NOW);
        long id = feeds.all().get(0).id();
        feeds.recordSuccess(
                id,
                new FetchSuccess(
                        FetchStatus.OK,
                        "e1",
                        null,
                        null,
                        null,
                        NOW.minus(Duration.ofDays(100)),
                        NOW,
                        12,
                        1,
                        Duration.ofMillis(350)));
        feeds.recordFailure(id, "HTTP 503 from https://a.example/feed", NOW.minusSeconds(60), NOW, TOOK);
        feeds.recordSuccess(
                id, new FetchSuccess(FetchStatus.NOT_MODIFIED, "e1", null, null, null, NOW, NOW, 0, 0, TOOK));

        assertThat(feeds.fetchLog(id, 10))
                .containsExactly(
                        new FetchLogEntry(NOW, FetchStatus.NOT_MODIFIED, TOOK, 0, 0, null),
                        new FetchLogEntry(
                                NOW.minusSeconds(60),
                                FetchStatus.FAILED,
                                TOOK,
                                0,
                                0,
                                "HTTP 503 from https://a.example/feed"),
                        new FetchLogEntry(
                                NOW.minus(Duration.ofDays(100)), FetchStatus.OK, Duration.ofMillis(350), 12, 1, null));
        assertThat(feeds.pruneFetchLog(NOW.minus(Duration.ofDays(90)))).isEqualTo(1);
        assertThat(feeds.fetchLog(id, 10)).hasSize(2);
    }

    @Test
    void movesAFeedToANewUrlUnlessAnotherFeedHasIt() {
        feeds.subscribe(new NewFeed("http://old.example/feed", "Old", null), NOW);
        feeds.subscribe(new NewFeed("http://other.example/feed", "Other", null), NOW);
        long old = feeds.all().stream()
                .filter(f -> f.title().equals("Old"))
                .findFirst()
                .orElseThrow()
                .id();
        assertThat(feeds.changeUrl(old, "https://new.example/feed")).isTrue();
        assertThat(feeds.find(old).orElseThrow().url()).isEqualTo("https://new.example/feed");
        assertThat(feeds.changeUrl(old, "http://other.example/feed")).isFalse();
    }
}
