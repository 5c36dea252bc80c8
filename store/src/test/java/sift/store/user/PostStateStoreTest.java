package sift.store.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sift.store.Database;
import sift.store.DbSettings;
import sift.store.FreshDatabase;
import sift.store.feed.NewFeed;
import sift.store.post.PostDraft;
import sift.store.post.PostFacts;
import sift.store.post.PostSummary;
import sift.store.post.RiverFilter;

@ExtendWith(FreshDatabase.class)
class PostStateStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    DbSettings settings;
    Database db;
    PostStateStore states;
    long ana;
    long ben;
    long episode;

    @BeforeEach
    void open(Database db, DbSettings settings) {
        this.settings = settings;
        this.db = db;
        states = db.postStates();
        ana = db.users().add("ana", "$argon2id$hash-a", true, NOW);
        ben = db.users().add("ben", "$argon2id$hash-b", false, NOW);
        db.feeds().subscribe(new NewFeed("https://sgw.example/feed", "Software Gone Wild", null), NOW);
        long feed = db.feeds().all().get(0).id();
        episode = db.posts()
                .upsert(
                        new PostDraft(
                                feed,
                                "ep1",
                                null,
                                "Episode 1",
                                null,
                                NOW,
                                null,
                                null,
                                "<p>x</p>",
                                "x",
                                PostFacts.ofKind("podcast"),
                                List.of()),
                        NOW)
                .postId();
    }

    @Test
    void theRiverShowsEachReadersOwnReadAndStarredPostsAndFiltersByThem() {
        long feed = db.feeds().all().get(0).id();
        long second = db.posts()
                .upsert(
                        new PostDraft(
                                feed,
                                "ep2",
                                null,
                                "Episode 2",
                                null,
                                NOW.plusSeconds(60),
                                null,
                                null,
                                "<p>y</p>",
                                "y",
                                PostFacts.ofKind("podcast"),
                                List.of()),
                        NOW)
                .postId();
        states.setRead(ana, List.of(episode, second, 999_999L), true, NOW); // a missing post is skipped
        states.setRead(ana, second, false, NOW);
        states.setStarred(ana, episode, true, NOW);

        var all = db.postQueries().river(10, null, RiverFilter.ALL, ana);
        assertThat(all)
                .extracting(PostSummary::title, PostSummary::read, PostSummary::starred)
                .containsExactly(tuple("Episode 2", false, false), tuple("Episode 1", true, true));
        assertThat(db.postQueries().river(10, null, RiverFilter.ALL.with(RiverFilter.Show.UNREAD), ana))
                .extracting(PostSummary::title)
                .containsExactly("Episode 2");
        assertThat(db.postQueries().river(10, null, RiverFilter.ALL.with(RiverFilter.Show.STARRED), ana))
                .extracting(PostSummary::title)
                .containsExactly("Episode 1");
        // ben did nothing: everything is unread for him, nothing starred
        assertThat(db.postQueries().river(10, null, RiverFilter.ALL.with(RiverFilter.Show.UNREAD), ben))
                .hasSize(2);
        assertThat(db.postQueries().river(10, null, RiverFilter.ALL.with(RiverFilter.Show.STARRED), ben))
                .isEmpty();
        assertThat(db.postQueries().river(10, null, RiverFilter.ALL, null))
                .extracting(PostSummary::read)
                .containsExactly(false, false);
        assertThatThrownBy(() -> db.postQueries().river(10, null, RiverFilter.ALL.with(RiverFilter.Show.UNREAD), null))
                .hasMessageContaining("signed-in reader");
    }

    @Test
    void anUntouchedPostIsUnreadUnstarredAndUnplayed() {
        assertThat(states.state(ana, episode)).isEqualTo(PostState.UNTOUCHED);
    }

    @Test
    void keepsEachReadersStateApart() {
        states.setRead(ana, episode, true, NOW);
        states.setStarred(ana, episode, true, NOW.plusSeconds(5));
        states.savePlayPosition(ben, episode, 754, NOW);

        assertThat(states.state(ana, episode)).isEqualTo(new PostState(NOW, NOW.plusSeconds(5), 0, null));
        assertThat(states.state(ben, episode)).isEqualTo(new PostState(null, null, 754, null));
    }

    @Test
    void twoFirstChangesAtTheSameTimeBothLand() throws Exception {
        try (Connection other = DriverManager.getConnection(settings.url(), settings.user(), settings.password())) {
            other.setAutoCommit(false);
            other.createStatement()
                    .executeUpdate("INSERT INTO user_post_state (user_id, post_id, read_at, changed_at)" + " VALUES ("
                            + ana + ", " + episode + ", CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            CompletableFuture<Void> star = CompletableFuture.runAsync(() -> states.setStarred(ana, episode, true, NOW));
            Thread.sleep(300); // the star is waiting on the row the other transaction has not committed yet
            other.commit();
            star.get(20, TimeUnit.SECONDS);
        }
        PostState state = states.state(ana, episode);
        assertThat(state.read()).isTrue();
        assertThat(state.starred()).isTrue();
    }

    @Test
    void keepsTheFirstReadTimeAndUndoes() {
        states.setRead(ana, episode, true, NOW);
        states.setRead(ana, episode, true, NOW.plusSeconds(60));
        assertThat(states.state(ana, episode).readAt()).isEqualTo(NOW);
        states.setRead(ana, episode, false, NOW.plusSeconds(120));
        assertThat(states.state(ana, episode).read()).isFalse();
    }

    @Test
    void playingToTheEndMarksPlayedAndRewinds() {
        states.savePlayPosition(ana, episode, 3_000, NOW);
        states.setPlayed(ana, episode, true, NOW.plusSeconds(10));
        assertThat(states.state(ana, episode)).isEqualTo(new PostState(null, null, 0, NOW.plusSeconds(10)));
        assertThatThrownBy(() -> states.savePlayPosition(ana, episode, -1, NOW)).hasMessageContaining("-1 s");
    }

    @Test
    void aUsersNameIsUniqueAndTheirStateGoesWithThem() {
        assertThat(db.users().find("ana").orElseThrow().admin()).isTrue();
        assertThatThrownBy(() -> db.users().add("ana", "other", false, NOW))
                .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("users_name_unique"));
        assertThat(db.users().count()).isEqualTo(2);
    }

    @Test
    void stateOfAPostThatDoesNotExistIsRefusedByTheSchema() {
        assertThatThrownBy(() -> states.setRead(ana, episode + 99, true, NOW)).isInstanceOf(RuntimeException.class);
    }
}
