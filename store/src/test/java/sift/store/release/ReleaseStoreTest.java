package sift.store.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sift.store.Database;
import sift.store.FreshDatabase;
import sift.store.feed.NewFeed;
import sift.store.post.PostDraft;
import sift.store.post.PostFacts;
import sift.store.post.PostSummary;

@ExtendWith(FreshDatabase.class)
class ReleaseStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    Database db;
    ReleaseStore releases;
    long ana;
    long ben;
    long feed;

    @BeforeEach
    void open(Database db) {
        this.db = db;
        releases = db.releases();
        ana = db.users().add("ana", "$argon2id$hash-a", false, NOW);
        ben = db.users().add("ben", "$argon2id$hash-b", false, NOW);
        db.feeds().subscribe(new NewFeed("https://releases.example/feed", "Releases", null), NOW);
        feed = db.feeds().all().get(0).id();
    }

    private long release(String product, String version, boolean breaking, long daysAgo) {
        PostFacts facts = new PostFacts(
                "release",
                List.of(),
                0,
                "neutral",
                List.of(),
                new PostFacts.Release(
                        product,
                        version,
                        breaking,
                        List.of(
                                new ReleaseNote("New features", "New " + version, false),
                                new ReleaseNote(null, "Faster", false))),
                null);
        return db.posts()
                .upsert(
                        new PostDraft(
                                feed,
                                product + version,
                                null,
                                product + " " + version,
                                null,
                                NOW.minusSeconds(daysAgo * 86_400),
                                null,
                                null,
                                "<p>r</p>",
                                "r",
                                facts,
                                List.of()),
                        NOW)
                .postId();
    }

    @Test
    void productsShowTheirNewestReleaseWatchedOnesFirst() {
        release("netlab", "1.9.0", false, 30);
        release("netlab", "2.0.0", true, 3);
        release("FRRouting", "10.2", false, 1);

        assertThat(releases.products(ana))
                .extracting(
                        ReleaseStore.Product::name,
                        ReleaseStore.Product::releases,
                        ReleaseStore.Product::latestVersion,
                        ReleaseStore.Product::latestBreaking)
                .containsExactly(tuple("FRRouting", 1, "10.2", false), tuple("netlab", 2, "2.0.0", true));
        releases.watch(ana, "netlab", true, NOW);
        releases.watch(ana, "netlab", true, NOW); // twice is once
        assertThat(releases.products(ana))
                .extracting(ReleaseStore.Product::name, ReleaseStore.Product::watched)
                .containsExactly(tuple("netlab", true), tuple("FRRouting", false));
        assertThat(releases.products(ben))
                .extracting(ReleaseStore.Product::name)
                .containsExactly("FRRouting", "netlab");
        releases.watch(ana, "netlab", false, NOW);
        assertThat(releases.watched(ana)).isEmpty();
    }

    @Test
    void aTimelineListsAProductsVersionsNewestFirstWithHighlightsAndFlags() {
        release("netlab", "1.9.0", false, 30);
        long two = release("netlab", "2.0.0", true, 3);
        db.postStates().setRead(ana, two, true, NOW);

        assertThat(releases.timeline("netlab", ana, 10))
                .extracting(ReleaseStore.Release::version, ReleaseStore.Release::breaking, ReleaseStore.Release::read)
                .containsExactly(tuple("2.0.0", true, true), tuple("1.9.0", false, false));
        assertThat(releases.timeline("netlab", null, 10).get(0).sections())
                .containsExactly(
                        new ReleaseNote.Section(
                                "New features", List.of(new ReleaseNote("New features", "New 2.0.0", false))),
                        new ReleaseNote.Section(null, List.of(new ReleaseNote(null, "Faster", false))));
        assertThat(releases.exists("netlab")).isTrue();
        assertThat(releases.exists("junos")).isFalse();
    }

    @Test
    void newUnreadReleasesOfWatchedProductsLeadTheRiverOfTheirReaderOnly() {
        release("netlab", "1.9.0", false, 30);
        long fresh = release("netlab", "2.0.0", true, 3);
        long frr = release("FRRouting", "10.2", false, 1);
        releases.watch(ana, "netlab", true, NOW);

        List<PostSummary> lead = db.postQueries().watchedReleases(ana, NOW.minusSeconds(14 * 86_400), 5);
        assertThat(lead).extracting(PostSummary::id).containsExactly(fresh);
        assertThat(db.postQueries().watchedReleases(ben, NOW.minusSeconds(14 * 86_400), 5))
                .isEmpty();
        db.postStates().setRead(ana, fresh, true, NOW);
        assertThat(db.postQueries().watchedReleases(ana, NOW.minusSeconds(14 * 86_400), 5))
                .isEmpty();
        releases.watch(ana, "FRRouting", true, NOW);
        assertThat(db.postQueries().watchedReleases(ana, NOW.minusSeconds(14 * 86_400), 5))
                .extracting(PostSummary::id)
                .containsExactly(frr);
    }
}
