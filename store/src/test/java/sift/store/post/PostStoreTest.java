package sift.store.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sift.store.Database;
import sift.store.TestDatabase;
import sift.store.feed.NewFeed;

class PostStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    @TempDir
    Path dir;

    Database db;
    PostStore posts;
    long feedId;

    @BeforeEach
    void open() {
        db = TestDatabase.open(dir);
        posts = db.posts();
        db.feeds().subscribe(new NewFeed("https://blog.ipspace.net/atom.xml", "ipSpace.net", null), NOW);
        feedId = db.feeds().all().get(0).id();
    }

    @AfterEach
    void close() {
        db.close();
    }

    PostDraft draft(String guid, String link, String title, Instant published) {
        return new PostDraft(feedId, guid, link, title, "Ivan Pepelnjak", published, null, "A summary",
                "<p>Body of " + title + "</p>", "Body of " + title, "article", List.of());
    }

    @Nested
    class Upserting {
        @Test
        void storingTheSamePostTwiceChangesNothing() {
            PostDraft d = draft("tag:ipspace,1", "https://blog.ipspace.net/1", "EVPN myths", NOW);
            Upsert first = posts.upsert(d, NOW);
            Upsert second = posts.upsert(d, NOW.plusSeconds(3600));
            assertThat(first.outcome()).isEqualTo(Upsert.Outcome.CREATED);
            assertThat(second).isEqualTo(new Upsert(first.postId(), Upsert.Outcome.UNCHANGED));
            assertThat(posts.count()).isEqualTo(1);
        }

        @Test
        void aChangedPostIsUpdatedInPlace() {
            Upsert first = posts.upsert(draft("g1", null, "Draft title", NOW), NOW);
            Upsert second = posts.upsert(draft("g1", null, "Final title", null), NOW.plusSeconds(60));
            assertThat(second).isEqualTo(new Upsert(first.postId(), Upsert.Outcome.UPDATED));
            Post stored = posts.find(first.postId()).orElseThrow();
            assertThat(stored.title()).isEqualTo("Final title");
            assertThat(stored.publishedAt()).as("a missing date keeps the stored one").isEqualTo(NOW);
        }

        @Test
        void fallsBackToTheLinkWhenThereIsNoGuid() {
            posts.upsert(draft(null, "https://blog.ipspace.net/2", "No GUID", NOW), NOW);
            Upsert again = posts.upsert(draft("  ", "https://blog.ipspace.net/2", "No GUID, edited", NOW), NOW);
            assertThat(again.outcome()).isEqualTo(Upsert.Outcome.UPDATED);
            assertThat(posts.count()).isEqualTo(1);
        }

        @Test
        void fallsBackToTheContentWhenThereIsNeitherGuidNorLink() {
            posts.upsert(draft(null, null, "Anonymous", NOW), NOW);
            assertThat(posts.upsert(draft(null, null, "Anonymous", NOW), NOW).outcome())
                    .isEqualTo(Upsert.Outcome.UNCHANGED);
            assertThat(posts.upsert(draft(null, null, "Another", NOW), NOW).outcome())
                    .isEqualTo(Upsert.Outcome.CREATED);
            assertThat(posts.count()).isEqualTo(2);
        }

        @Test
        void datesAnUndatedPostByWhenItWasFirstSeen() {
            long id = posts.upsert(draft("g", null, "Undated", null), NOW).postId();
            assertThat(posts.find(id).orElseThrow().publishedAt()).isEqualTo(NOW);
        }

        @Test
        void storesEnclosuresInOrderAndReplacesThemOnUpdate() {
            var mp3 = new Enclosure("https://cdn.example/ep202.mp3", 52_428_800L, "audio/mpeg");
            PostDraft episode = new PostDraft(feedId, "ep202", null, "Episode 202", null, NOW, null, null,
                    "<p>Show notes</p>", "Show notes", "podcast", List.of(mp3));
            long id = posts.upsert(episode, NOW).postId();
            assertThat(posts.find(id).orElseThrow().enclosures()).containsExactly(mp3);

            var m4a = new Enclosure("https://cdn.example/ep202.m4a", null, "audio/mp4");
            posts.upsert(new PostDraft(feedId, "ep202", null, "Episode 202", null, NOW, null, null,
                    "<p>Show notes</p>", "Show notes", "podcast", List.of(m4a, mp3)), NOW);
            assertThat(posts.find(id).orElseThrow().enclosures()).containsExactly(m4a, mp3);
        }

        @Test
        void theSchemaRefusesAnUnknownKind() {
            PostDraft bad = new PostDraft(feedId, "x", null, "t", null, NOW, null, null, null, null, "rumour",
                    List.of());
            assertThatThrownBy(() -> posts.upsert(bad, NOW))
                    .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("posts_kind_known"));
            assertThat(posts.count()).isZero();
        }

        @Test
        void cutsAnOverlongTitleInsteadOfLosingThePost() {
            long id = posts.upsert(draft("long", null, "x".repeat(5000), NOW), NOW).postId();
            assertThat(posts.find(id).orElseThrow().title()).hasSize(1000).endsWith("…");
        }
    }

    @Nested
    class River {
        @Test
        void listsNewestFirstAndPagesWithACursor() {
            for (int i = 0; i < 5; i++) {
                posts.upsert(draft("g" + i, null, "Post " + i, NOW.minusSeconds(i * 60L)), NOW);
            }
            List<PostSummary> first = posts.river(2, null);
            assertThat(first).extracting(PostSummary::title).containsExactly("Post 0", "Post 1");
            assertThat(first.get(0).feedTitle()).isEqualTo("ipSpace.net");

            PostSummary last = first.get(1);
            RiverCursor cursor = RiverCursor.parse(new RiverCursor(last.publishedAt(), last.id()).token());
            assertThat(posts.river(10, cursor)).extracting(PostSummary::title)
                    .containsExactly("Post 2", "Post 3", "Post 4");
        }

        @Test
        void breaksTiesOnTheSameDateById() {
            for (int i = 0; i < 3; i++) {
                posts.upsert(draft("same" + i, null, "Same " + i, NOW), NOW);
            }
            List<PostSummary> first = posts.river(1, null);
            PostSummary top = first.get(0);
            assertThat(posts.river(10, new RiverCursor(top.publishedAt(), top.id())))
                    .hasSize(2)
                    .allSatisfy(p -> assertThat(p.id()).isLessThan(top.id()));
        }

        @Test
        void refusesAMalformedCursorNamingIt() {
            assertThatThrownBy(() -> RiverCursor.parse("yesterday")).hasMessageContaining("'yesterday'");
        }
    }
}
