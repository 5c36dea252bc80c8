package sift.store.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sift.store.Database;
import sift.store.FreshDatabase;
import sift.store.feed.NewFeed;
import sift.store.post.PostDraft;
import sift.store.post.PostFacts;
import sift.store.sync.SyncStore.Mark;
import sift.store.sync.SyncStore.Order;
import sift.store.sync.SyncStore.Ref;

@ExtendWith(FreshDatabase.class)
class SyncStoreTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    Database db;
    SyncStore sync;
    long ana;
    long ben;
    long blog;
    long podcast;
    /** Ids of blog posts 0..4 (published an hour apart, the newest last) and of the two podcast episodes. */
    final List<Long> posts = new ArrayList<>();

    @BeforeEach
    void open(Database db) {
        this.db = db;
        sync = db.sync();
        ana = db.users().add("ana", "$argon2id$hash-a", false, NOW);
        ben = db.users().add("ben", "$argon2id$hash-b", false, NOW);
        db.feeds().subscribe(new NewFeed("https://blog.example/feed", "Blog", "Networking"), NOW);
        db.feeds().subscribe(new NewFeed("https://pod.example/feed", "Pod", "Podcasts"), NOW);
        blog = db.feeds().all().stream()
                .filter(f -> f.title().equals("Blog"))
                .findFirst()
                .orElseThrow()
                .id();
        podcast = db.feeds().all().stream()
                .filter(f -> f.title().equals("Pod"))
                .findFirst()
                .orElseThrow()
                .id();
        for (int i = 0; i < 5; i++) {
            PostFacts facts = i == 4
                    ? new PostFacts(
                            "article",
                            List.of(new PostFacts.TopicScore("ai-ml", 0.9)),
                            80,
                            "hype",
                            List.of(),
                            null,
                            null)
                    : new PostFacts(
                            "article",
                            List.of(new PostFacts.TopicScore("routing", 0.8)),
                            0,
                            "neutral",
                            List.of(),
                            null,
                            null);
            posts.add(store(blog, "b" + i, NOW.minus(Duration.ofHours(5 - i)), facts));
        }
        for (int i = 0; i < 2; i++) {
            posts.add(store(podcast, "p" + i, NOW.minus(Duration.ofMinutes(30 - i)), PostFacts.ofKind("podcast")));
        }
    }

    long store(long feed, String guid, Instant published, PostFacts facts) {
        return db.posts()
                .upsert(
                        new PostDraft(
                                feed,
                                guid,
                                null,
                                "Post " + guid,
                                null,
                                published,
                                null,
                                "summary " + guid,
                                "<p>" + guid + "</p>",
                                guid,
                                facts,
                                List.of()),
                        published)
                .postId();
    }

    List<Long> ids(List<Ref> refs) {
        return refs.stream().map(Ref::id).toList();
    }

    @Test
    void pagesWalkTheSelectionInEachOrderToTheEnd() {
        List<Long> newestFirst = List.of(
                posts.get(6), posts.get(5), posts.get(4), posts.get(3), posts.get(2), posts.get(1), posts.get(0));
        List<Long> seen = new ArrayList<>();
        List<Ref> page = sync.page(ana, Selection.ALL, Order.NEWEST, null, 3);
        while (!page.isEmpty()) {
            seen.addAll(ids(page));
            page = sync.page(
                    ana, Selection.ALL, Order.NEWEST, page.get(page.size() - 1).cursor(), 3);
        }
        assertThat(seen).isEqualTo(newestFirst);

        List<Ref> oldest = sync.page(ana, Selection.ALL, Order.OLDEST, null, 2);
        assertThat(ids(oldest)).containsExactly(posts.get(0), posts.get(1));
        assertThat(ids(sync.page(ana, Selection.ALL, Order.OLDEST, oldest.get(1).cursor(), 2)))
                .containsExactly(posts.get(2), posts.get(3));
        assertThat(ids(sync.page(ana, Selection.ALL.idsBetween(posts.get(4), null), Order.ID_UP, null, 10)))
                .containsExactly(posts.get(5), posts.get(6));
        assertThat(ids(sync.page(ana, Selection.ALL.idsBetween(null, posts.get(2)), Order.ID_DOWN, null, 10)))
                .containsExactly(posts.get(1), posts.get(0));
        assertThat(ids(sync.page(
                        ana,
                        Selection.ALL
                                .seenFrom(NOW.minus(Duration.ofHours(2)))
                                .seenBefore(NOW.minus(Duration.ofMinutes(30))),
                        Order.NEWEST,
                        null,
                        10)))
                .as("stored from (included) and before (excluded)")
                .containsExactly(posts.get(4), posts.get(3));
    }

    @Test
    void selectionsByFeedFolderLabelAndSiftsJudgement() {
        assertThat(ids(sync.page(ana, Selection.ALL.feeds(List.of(podcast)), Order.NEWEST, null, 10)))
                .containsExactly(posts.get(6), posts.get(5));
        assertThat(sync.page(ana, Selection.ALL.feeds(List.of()), Order.NEWEST, null, 10))
                .isEmpty();
        assertThat(ids(sync.page(ana, Selection.ALL.label("Podcasts"), Order.NEWEST, null, 10)))
                .as("a folder")
                .containsExactly(posts.get(6), posts.get(5));
        sync.label(ana, List.of(posts.get(0), -5L), "Podcasts", true, NOW);
        sync.label(ben, List.of(posts.get(1)), "Podcasts", true, NOW);
        assertThat(ids(sync.page(ana, Selection.ALL.label("Podcasts"), Order.NEWEST, null, 10)))
                .as("the folder and ana's own label, not ben's")
                .containsExactly(posts.get(6), posts.get(5), posts.get(0));
        assertThat(ids(sync.page(ana, Selection.ALL.topic("ai-ml"), Order.NEWEST, null, 10)))
                .containsExactly(posts.get(4));
        assertThat(ids(sync.page(ana, Selection.ALL.kind("podcast"), Order.NEWEST, null, 10)))
                .hasSize(2);
        assertThat(ids(sync.page(ana, Selection.ALL.minHype(60), Order.NEWEST, null, 10)))
                .containsExactly(posts.get(4));
        assertThat(ids(sync.page(ana, Selection.ALL.stance("hype"), Order.NEWEST, null, 10)))
                .containsExactly(posts.get(4));
        assertThat(ids(sync.page(ana, Selection.ALL.ids(List.of(posts.get(2), 999_999L)), Order.NEWEST, null, 10)))
                .containsExactly(posts.get(2));
        assertThat(sync.labels(ana, posts.get(0))).containsExactly("Podcasts");
        assertThat(sync.labels(ana)).containsExactly(new SyncStore.Label("Podcasts", 1, 1));
        sync.label(ana, List.of(posts.get(0)), "Podcasts", false, NOW);
        assertThat(sync.labels(ana)).isEmpty();
    }

    @Test
    void markingASelectionChangesOnlyThatReadersPostsSeenBeforeTheTime() {
        db.postStates().setRead(ben, posts.get(0), true, NOW);
        db.postStates().setStarred(ana, posts.get(1), true, NOW);
        int changed =
                sync.mark(ana, Selection.ALL.feeds(List.of(blog)).seenBefore(NOW.plusSeconds(1)), Mark.READ, true, NOW);
        assertThat(changed).isEqualTo(5);
        assertThat(sync.mark(ana, Selection.ALL.feeds(List.of(blog)), Mark.READ, true, NOW))
                .as("again: nothing left to change")
                .isZero();
        assertThat(sync.mark(ana, Selection.ALL.seenBefore(NOW.minus(Duration.ofHours(6))), Mark.READ, true, NOW))
                .as("stored later than that")
                .isZero();
        assertThat(sync.count(ana, Selection.ALL.read(false))).isEqualTo(2);
        assertThat(sync.count(ben, Selection.ALL.read(false))).isEqualTo(6);
        assertThat(db.postStates().state(ana, posts.get(1)).starred())
                .as("the star stays")
                .isTrue();

        sync.mark(ana, Selection.ALL.ids(List.of(posts.get(2))), Mark.READ, false, NOW);
        sync.mark(ana, Selection.ALL.ids(List.of(posts.get(2), posts.get(3))), Mark.STARRED, true, NOW);
        assertThat(sync.count(ana, Selection.ALL.read(false))).isEqualTo(3);
        assertThat(sync.count(ana, Selection.ALL.starred(true))).isEqualTo(3);
        assertThat(db.postStates().state(ana, posts.get(2)).read()).isFalse();

        List<SyncStore.UnreadGroup> unread = sync.unread(ana, 60);
        assertThat(unread.stream().mapToInt(SyncStore.UnreadGroup::count).sum()).isEqualTo(3);
        assertThat(unread)
                .filteredOn(g -> g.feedId() == podcast)
                .singleElement()
                .satisfies(g -> {
                    assertThat(g.count()).isEqualTo(2);
                    assertThat(g.kind()).isEqualTo("podcast");
                    assertThat(g.newest()).isEqualTo(NOW.minus(Duration.ofMinutes(29)));
                });
        assertThat(sync.unread(ben, 60))
                .filteredOn(SyncStore.UnreadGroup::hype)
                .singleElement()
                .satisfies(g -> assertThat(g.topics()).containsExactly("ai-ml"));
    }

    @Test
    void itemsCarryContentJudgementMarksAndLabelsInTheOrderAsked() {
        db.postStates().setStarred(ana, posts.get(4), true, NOW);
        sync.label(ana, List.of(posts.get(4)), "to-try", true, NOW);
        List<SyncItem> items = sync.items(ana, List.of(posts.get(4), 12345L, posts.get(5)));
        assertThat(items).extracting(SyncItem::id).containsExactly(posts.get(4), posts.get(5));
        SyncItem hype = items.get(0);
        assertThat(hype.feedTitle()).isEqualTo("Blog");
        assertThat(hype.feedUrl()).isEqualTo("https://blog.example/feed");
        assertThat(hype.html()).contains("b4");
        assertThat(hype.topics()).containsExactly("ai-ml");
        assertThat(hype.stance()).isEqualTo("hype");
        assertThat(hype.hypeScore()).isEqualTo(80);
        assertThat(hype.starred()).isTrue();
        assertThat(hype.read()).isFalse();
        assertThat(hype.labels()).containsExactly("to-try");
        assertThat(sync.items(ben, List.of(posts.get(4))).get(0).labels()).isEmpty();
    }
}
