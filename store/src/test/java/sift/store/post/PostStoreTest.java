package sift.store.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sift.store.Database;
import sift.store.FreshDatabase;
import sift.store.feed.NewFeed;
import sift.store.release.ReleaseNote;

@ExtendWith(FreshDatabase.class)
class PostStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    Database db;
    PostStore posts;
    long feedId;

    @BeforeEach
    void open(Database db) {
        this.db = db;
        posts = db.posts();
        db.feeds().subscribe(new NewFeed("https://blog.ipspace.net/atom.xml", "ipSpace.net", null), NOW);
        feedId = db.feeds().all().get(0).id();
    }

    PostDraft draft(String guid, String link, String title, Instant published) {
        return new PostDraft(
                feedId,
                guid,
                link,
                title,
                "Ivan Pepelnjak",
                published,
                null,
                "A summary",
                "<p>Body of " + title + "</p>",
                "Body of " + title,
                PostFacts.ofKind("article"),
                List.of());
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
            assertThat(db.postChanges().count()).isEqualTo(1);
        }

        @Test
        void aChangedPostIsUpdatedInPlace() {
            Upsert first = posts.upsert(draft("g1", null, "Draft title", NOW), NOW);
            Upsert second = posts.upsert(draft("g1", null, "Final title", null), NOW.plusSeconds(60));
            assertThat(second).isEqualTo(new Upsert(first.postId(), Upsert.Outcome.UPDATED));
            Post stored = db.postQueries().find(first.postId()).orElseThrow();
            assertThat(stored.title()).isEqualTo("Final title");
            assertThat(stored.publishedAt())
                    .as("a missing date keeps the stored one")
                    .isEqualTo(NOW);
        }

        @Test
        void aPostDatedInTheFutureIsDatedWhenItWasSeen() {
            Instant future = Instant.parse("2031-01-01T00:00:00Z");
            Upsert first = posts.upsert(draft("g-future", null, "From a server with a wrong clock", future), NOW);
            assertThat(db.postQueries().find(first.postId()).orElseThrow().publishedAt())
                    .as("not at the head of the river until 2031")
                    .isEqualTo(NOW);

            posts.upsert(draft("g-future", null, "Edited, still from the future", future), NOW.plusSeconds(60));
            assertThat(db.postQueries().find(first.postId()).orElseThrow().publishedAt())
                    .as("an update does not move it into the future either")
                    .isEqualTo(NOW.plusSeconds(60));
        }

        @Test
        void aTeaserIsStoredWithItsArticleAndSeenAgainIsTheSamePost() {
            PostDraft teaser = draft("g1", "https://blog.ipspace.net/1", "EVPN myths", NOW);
            Upsert first = posts.upsert(teaser.withArticle("<p>The whole article</p>", "The whole article"), NOW);
            assertThat(db.postQueries().find(first.postId()).orElseThrow().contentHtml())
                    .isEqualTo("<p>The whole article</p>");

            assertThat(posts.alreadyStored(List.of(teaser))).containsExactly(true);
            assertThat(posts.upsert(teaser, NOW.plusSeconds(60)).outcome()).isEqualTo(Upsert.Outcome.UNCHANGED);
            assertThat(db.postQueries().find(first.postId()).orElseThrow().contentHtml())
                    .isEqualTo("<p>The whole article</p>");
        }

        @Test
        void fallsBackToTheLinkWhenThereIsNoGuid() {
            posts.upsert(draft(null, "https://blog.ipspace.net/2", "No GUID", NOW), NOW);
            Upsert again = posts.upsert(draft("  ", "https://blog.ipspace.net/2", "No GUID, edited", NOW), NOW);
            assertThat(again.outcome()).isEqualTo(Upsert.Outcome.UPDATED);
            assertThat(db.postChanges().count()).isEqualTo(1);
        }

        @Test
        void fallsBackToTheContentWhenThereIsNeitherGuidNorLink() {
            posts.upsert(draft(null, null, "Anonymous", NOW), NOW);
            assertThat(posts.upsert(draft(null, null, "Anonymous", NOW), NOW).outcome())
                    .isEqualTo(Upsert.Outcome.UNCHANGED);
            assertThat(posts.upsert(draft(null, null, "Another", NOW), NOW).outcome())
                    .isEqualTo(Upsert.Outcome.CREATED);
            assertThat(db.postChanges().count()).isEqualTo(2);
        }

        @Test
        void datesAnUndatedPostByWhenItWasFirstSeen() {
            long id = posts.upsert(draft("g", null, "Undated", null), NOW).postId();
            assertThat(db.postQueries().find(id).orElseThrow().publishedAt()).isEqualTo(NOW);
        }

        @Test
        void storesEnclosuresInOrderAndReplacesThemOnUpdate() {
            var mp3 = new Enclosure("https://cdn.example/ep202.mp3", 52_428_800L, "audio/mpeg");
            PostDraft episode = new PostDraft(
                    feedId,
                    "ep202",
                    null,
                    "Episode 202",
                    null,
                    NOW,
                    null,
                    null,
                    "<p>Show notes</p>",
                    "Show notes",
                    PostFacts.ofKind("podcast"),
                    List.of(mp3));
            long id = posts.upsert(episode, NOW).postId();
            assertThat(db.postQueries().find(id).orElseThrow().enclosures()).containsExactly(mp3);

            var m4a = new Enclosure("https://cdn.example/ep202.m4a", null, "audio/mp4");
            posts.upsert(
                    new PostDraft(
                            feedId,
                            "ep202",
                            null,
                            "Episode 202",
                            null,
                            NOW,
                            null,
                            null,
                            "<p>Show notes</p>",
                            "Show notes",
                            PostFacts.ofKind("podcast"),
                            List.of(m4a, mp3)),
                    NOW);
            assertThat(db.postQueries().find(id).orElseThrow().enclosures()).containsExactly(m4a, mp3);
        }

        @Test
        void theSchemaRefusesAnUnknownKind() {
            PostDraft bad = new PostDraft(
                    feedId, "x", null, "t", null, NOW, null, null, null, null, PostFacts.ofKind("rumour"), List.of());
            assertThatThrownBy(() -> posts.upsert(bad, NOW))
                    .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("posts_kind_known"));
            assertThat(db.postChanges().count()).isZero();
        }

        @Test
        void cutsAnOverlongTitleInsteadOfLosingThePost() {
            long id = posts.upsert(draft("long", null, "x".repeat(5000), NOW), NOW)
                    .postId();
            assertThat(db.postQueries().find(id).orElseThrow().title())
                    .hasSize(1000)
                    .endsWith("…");
        }
    }

    @Nested
    class River {
        @Test
        void showsEachPostsTopicsBestFirst() {
            PostFacts facts = new PostFacts(
                    "article",
                    List.of(new PostFacts.TopicScore("internet", 0.4), new PostFacts.TopicScore("routing", 0.9)),
                    0,
                    "neutral",
                    List.of(),
                    null,
                    null);
            posts.upsert(draft("g1", null, "With topics", NOW).withFacts(facts), NOW);
            posts.upsert(draft("g2", null, "Without", NOW.minusSeconds(60)), NOW);
            assertThat(db.postQueries().river(10, null))
                    .extracting(PostSummary::topics)
                    .containsExactly(List.of("routing", "internet"), List.of());
        }

        @Test
        void listsNewestFirstAndPagesWithACursor() {
            for (int i = 0; i < 5; i++) {
                posts.upsert(draft("g" + i, null, "Post " + i, NOW.minusSeconds(i * 60L)), NOW);
            }
            List<PostSummary> first = db.postQueries().river(2, null);
            assertThat(first).extracting(PostSummary::title).containsExactly("Post 0", "Post 1");
            assertThat(first.get(0).feedTitle()).isEqualTo("ipSpace.net");

            PostSummary last = first.get(1);
            RiverCursor cursor = RiverCursor.parse(new RiverCursor(last.publishedAt(), last.id()).token());
            assertThat(db.postQueries().river(10, cursor))
                    .extracting(PostSummary::title)
                    .containsExactly("Post 2", "Post 3", "Post 4");
        }

        @Test
        void filtersByTopicKindFeedStanceAndHypeAndPagesWithinTheFilter() {
            PostFacts hypeRouting = new PostFacts(
                    "article", List.of(new PostFacts.TopicScore("routing", 0.9)), 80, "hype", List.of(), null, null);
            PostFacts soberRouting = new PostFacts(
                    "article", List.of(new PostFacts.TopicScore("routing", 0.8)), 5, "neutral", List.of(), null, null);
            PostFacts podcast = new PostFacts(
                    "podcast", List.of(new PostFacts.TopicScore("career", 0.7)), 0, "neutral", List.of(), null, null);
            for (int i = 0; i < 3; i++) {
                posts.upsert(
                        draft("h" + i, null, "Hype " + i, NOW.minusSeconds(i * 60L))
                                .withFacts(hypeRouting),
                        NOW);
                posts.upsert(
                        draft("s" + i, null, "Sober " + i, NOW.minusSeconds(i * 60L + 10))
                                .withFacts(soberRouting),
                        NOW);
            }
            posts.upsert(draft("p", null, "Episode", NOW.minusSeconds(5)).withFacts(podcast), NOW);

            assertThat(db.postQueries()
                            .river(
                                    10,
                                    null,
                                    new RiverFilter("routing", null, null, null, null, RiverFilter.Show.ALL),
                                    null))
                    .hasSize(6);
            assertThat(db.postQueries()
                            .river(
                                    10,
                                    null,
                                    new RiverFilter(null, "podcast", null, null, null, RiverFilter.Show.ALL),
                                    null))
                    .extracting(PostSummary::title)
                    .containsExactly("Episode");
            assertThat(db.postQueries()
                            .river(
                                    10,
                                    null,
                                    new RiverFilter(null, null, null, "hype", null, RiverFilter.Show.ALL),
                                    null))
                    .extracting(PostSummary::title)
                    .containsExactly("Hype 0", "Hype 1", "Hype 2");
            assertThat(db.postQueries()
                            .river(
                                    10,
                                    null,
                                    new RiverFilter("routing", null, null, null, 40, RiverFilter.Show.ALL),
                                    null))
                    .extracting(PostSummary::title)
                    .containsExactly("Sober 0", "Sober 1", "Sober 2");
            assertThat(db.postQueries()
                            .river(
                                    10,
                                    null,
                                    new RiverFilter(null, null, feedId + 1000, null, null, RiverFilter.Show.ALL),
                                    null))
                    .isEmpty();
            assertThat(db.postQueries()
                            .river(
                                    10,
                                    null,
                                    new RiverFilter(null, null, feedId, null, null, RiverFilter.Show.ALL),
                                    null))
                    .hasSize(7);

            RiverFilter hype = new RiverFilter("routing", "article", feedId, "hype", 100, RiverFilter.Show.ALL);
            PostSummary first = db.postQueries().river(1, null, hype, null).get(0);
            assertThat(db.postQueries().river(10, new RiverCursor(first.publishedAt(), first.id()), hype, null))
                    .extracting(PostSummary::title)
                    .containsExactly("Hype 1", "Hype 2");
        }

        @Test
        void aFilterWithAnUnknownValueIsRefusedNamingIt() {
            assertThatThrownBy(() -> new RiverFilter("bgp", null, null, null, null, RiverFilter.Show.ALL))
                    .hasMessageContaining("'bgp'");
            assertThatThrownBy(() -> new RiverFilter(null, "video", null, null, null, RiverFilter.Show.ALL))
                    .hasMessageContaining("'video'");
            assertThatThrownBy(() -> new RiverFilter(null, null, null, "angry", null, RiverFilter.Show.ALL))
                    .hasMessageContaining("'angry'");
            assertThatThrownBy(() -> new RiverFilter(null, null, null, null, 101, RiverFilter.Show.ALL))
                    .hasMessageContaining("101");
        }

        @Test
        void breaksTiesOnTheSameDateById() {
            for (int i = 0; i < 3; i++) {
                posts.upsert(draft("same" + i, null, "Same " + i, NOW), NOW);
            }
            List<PostSummary> first = db.postQueries().river(1, null);
            PostSummary top = first.get(0);
            assertThat(db.postQueries().river(10, new RiverCursor(top.publishedAt(), top.id())))
                    .hasSize(2)
                    .allSatisfy(p -> assertThat(p.id()).isLessThan(top.id()));
        }

        @Test
        void refusesAMalformedCursorNamingIt() {
            assertThatThrownBy(() -> RiverCursor.parse("yesterday")).hasMessageContaining("'yesterday'");
        }
    }

    @Nested
    class Facts {
        static final PostFacts RICH = new PostFacts(
                "release",
                List.of(new PostFacts.TopicScore("automation", 0.91), new PostFacts.TopicScore("ai-ml", 0.4)),
                78,
                "hype",
                List.of(
                        new PostFacts.Claim(
                                "text",
                                0,
                                39,
                                "Our AI copilot eliminates every outage.",
                                78,
                                "hype",
                                List.of("absolute: 'eliminates'", "scope: 'every outage'")),
                        new PostFacts.Claim(
                                PostFacts.Claim.TRANSCRIPT,
                                120,
                                170,
                                "Honestly, the model will replace the whole NOC.",
                                88,
                                "hype",
                                List.of("replacement: 'replace the whole NOC'"),
                                754_250,
                                "Raj")),
                new PostFacts.Release(
                        "netlab",
                        "25.11",
                        true,
                        List.of(
                                new ReleaseNote("New features", "New EVPN labs", false),
                                new ReleaseNote("Breaking changes", "Dropped Python 3.8", true))),
                new PostFacts.Episode(
                        "Software Gone Wild",
                        3,
                        142,
                        3_540,
                        null,
                        null,
                        null,
                        List.of(new PostFacts.Chapter(0, "Intro"), new PostFacts.Chapter(754, "Route servers"))));

        PostDraft withFacts(String guid, String title, PostFacts facts) {
            return new PostDraft(
                    feedId, guid, null, title, null, NOW, null, null, "<p>" + title + "</p>", title, facts, List.of());
        }

        @Test
        void storesEveryFactWithThePostAndReadsThemBack() {
            long id = posts.upsert(withFacts("r1", "netlab 25.11", RICH), NOW).postId();
            assertThat(db.postQueries().find(id).orElseThrow().facts()).isEqualTo(RICH);
            PostFacts tabbed = new PostFacts(
                    "podcast",
                    List.of(),
                    0,
                    "neutral",
                    List.of(),
                    null,
                    new PostFacts.Episode(
                            "Show",
                            null,
                            1,
                            60,
                            null,
                            null,
                            null,
                            List.of(new PostFacts.Chapter(5, "Route\tservers\nand more"))),
                    null);
            long other = posts.upsert(withFacts("r2", "Show 1", tabbed), NOW).postId();
            assertThat(db.postQueries()
                            .find(other)
                            .orElseThrow()
                            .facts()
                            .episode()
                            .chapters())
                    .as("a title keeps to its line")
                    .containsExactly(new PostFacts.Chapter(5, "Route servers and more"));
        }

        PostFacts episode(PostFacts.Transcript transcript) {
            return new PostFacts(
                    "podcast",
                    List.of(),
                    0,
                    "neutral",
                    List.of(),
                    null,
                    new PostFacts.Episode(
                            "Software Gone Wild", null, 142, 3_540, null, null, null, List.of(), transcript),
                    null);
        }

        @Test
        void theDigestReadsASpokenHypeClaimWithItsTimeAndSpeaker() {
            posts.upsert(withFacts("r1", "netlab 25.11", RICH), NOW);
            assertThat(db.digests().hypeClaims(NOW.minusSeconds(60), NOW.plusSeconds(60), 10))
                    .extracting(c -> c.sentence() + " " + c.spoken() + " @" + c.startMillis() + " " + c.speaker())
                    .containsExactly(
                            "Honestly, the model will replace the whole NOC. true @754250 Raj",
                            "Our AI copilot eliminates every outage. false @null null");
        }

        @Test
        void anEpisodesTranscriptIsStoredCueByCueReadBackInOrderAndReplacedWithThePost() {
            PostFacts.Transcript read = new PostFacts.Transcript(
                    "https://blog.ipspace.net/podcast/142.vtt",
                    "1 cue with a broken time left out",
                    List.of(
                            new PostFacts.Cue(0, "Ivan Pepelnjak", "Welcome to Software Gone Wild."),
                            new PostFacts.Cue(754_250, null, "Route servers, EVPN and the rest."),
                            new PostFacts.Cue(null, "Sander", "A cue without a time.")),
                    "\"v1\"",
                    "Wed, 25 Nov 2026 10:00:00 GMT");
            long id = posts.upsert(withFacts("e1", "Episode 142", episode(read)), NOW)
                    .postId();
            assertThat(db.postQueries().find(id).orElseThrow().facts().episode().transcript())
                    .isEqualTo(read);

            PostFacts.Transcript unreadable = new PostFacts.Transcript(
                    "https://blog.ipspace.net/podcast/142.vtt",
                    "an HTML page, not a transcript of type text/vtt",
                    List.of());
            posts.upsert(withFacts("e1", "Episode 142, corrected", episode(unreadable)), NOW);
            assertThat(db.postQueries().find(id).orElseThrow().facts().episode().transcript())
                    .as("the changed post's transcript, none of the old cues")
                    .isEqualTo(unreadable);

            posts.upsert(withFacts("e1", "Episode 142, again", episode(null)), NOW);
            assertThat(db.postQueries().find(id).orElseThrow().facts().episode().transcript())
                    .isNull();
        }

        @Test
        void theIndexWalkReadsWhatWasSaidAndTheStoryWalkDoesNot() {
            PostFacts.Transcript read = new PostFacts.Transcript(
                    "https://example.net/t.vtt", null, List.of(new PostFacts.Cue(1_000, "Ana", "A hijack drill.")));
            posts.upsert(withFacts("e1", "Episode", episode(read)), NOW);
            assertThat(db.postChanges().afterId(0, 10))
                    .singleElement()
                    .satisfies(p -> assertThat(p.transcript()).isEqualTo(read.cues()));
            assertThat(db.postChanges().withoutStory(0, 10))
                    .singleElement()
                    .satisfies(p -> assertThat(p.transcript()).isEmpty());
        }

        @Test
        void newFactsOfTheSameEpisodeKeepTheTranscriptTheyCarry() {
            PostFacts.Transcript read = new PostFacts.Transcript(
                    "https://example.net/t.srt", null, List.of(new PostFacts.Cue(1_000, null, "Hello.")));
            long id =
                    posts.upsert(withFacts("e1", "Episode", episode(read)), NOW).postId();
            PostFacts stored = db.postQueries().find(id).orElseThrow().facts();
            assertThat(posts.replaceFacts(
                            id,
                            new PostFacts(
                                    stored.kind(),
                                    stored.topics(),
                                    90,
                                    "hype",
                                    List.of(),
                                    stored.release(),
                                    stored.episode(),
                                    stored.vector())))
                    .isTrue();
            assertThat(db.postQueries().find(id).orElseThrow().facts().episode().transcript())
                    .as("re-scored, as Rescore does it")
                    .isEqualTo(read);
        }

        @Test
        void storingTheSamePostAgainKeepsItsFacts() {
            long id = posts.upsert(withFacts("r1", "netlab 25.11", RICH), NOW).postId();
            Upsert again = posts.upsert(withFacts("r1", "netlab 25.11", PostFacts.ofKind("article")), NOW);
            assertThat(again.outcome()).isEqualTo(Upsert.Outcome.UNCHANGED);
            assertThat(db.postQueries().find(id).orElseThrow().facts()).isEqualTo(RICH);
        }

        @Test
        void aChangedPostGetsItsNewFactsOnly() {
            long id = posts.upsert(withFacts("r1", "netlab 25.11", RICH), NOW).postId();
            posts.upsert(withFacts("r1", "netlab 25.11, corrected", PostFacts.ofKind("article")), NOW);
            assertThat(db.postQueries().find(id).orElseThrow().facts()).isEqualTo(PostFacts.ofKind("article"));
        }

        @Test
        void newFactsReplaceTheOldOnesAndMarkThePostChanged() {
            long id = posts.upsert(withFacts("r1", "netlab 25.11", PostFacts.ofKind("article")), NOW)
                    .postId();
            Instant before =
                    db.postChanges().changedAfter(Instant.EPOCH, 0, 10).get(0).changedAt();
            assertThat(posts.replaceFacts(id, RICH)).isTrue();
            assertThat(db.postQueries().find(id).orElseThrow().facts()).isEqualTo(RICH);
            IndexablePost indexed =
                    db.postChanges().changedAfter(Instant.EPOCH, 0, 10).get(0);
            assertThat(indexed.changedAt()).isAfterOrEqualTo(before);
            assertThat(indexed.topics()).containsExactly("automation", "ai-ml");
            assertThat(indexed.stance()).isEqualTo("hype");
            assertThat(indexed.hypeScore()).isEqualTo(78);
            assertThat(posts.replaceFacts(id + 1, RICH)).as("no such post").isFalse();
        }

        @Test
        void anUnknownTopicFailsThePostAndItsFactsTogether() {
            PostFacts bad = new PostFacts(
                    "article", List.of(new PostFacts.TopicScore("gossip", 0.9)), 0, "neutral", List.of(), null, null);
            assertThatThrownBy(() -> posts.upsert(withFacts("g", "Gossip", bad), NOW))
                    .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("post_topics_known"));
            assertThat(db.postChanges().count())
                    .as("the post went with its facts")
                    .isZero();
        }

        @Test
        void aFetchOfNewChangedUnchangedAndRepeatedPostsIsStoredAsOneByOneWouldInOrder() {
            posts.upsert(withFacts("kept", "Kept", RICH), NOW);
            long edited = posts.upsert(withFacts("edited", "Before", RICH), NOW).postId();
            List<Upsert> stored = posts.upsertAll(
                    List.of(
                            withFacts("new", "New", RICH),
                            withFacts("kept", "Kept", RICH),
                            withFacts("edited", "After", RICH),
                            withFacts("twice", "Once", RICH),
                            withFacts("twice", "Once", RICH)),
                    NOW,
                    (draft, e) -> {
                        throw new AssertionError(draft.guid() + " refused", e);
                    });
            assertThat(stored)
                    .extracting(Upsert::outcome)
                    .containsExactly(
                            Upsert.Outcome.CREATED,
                            Upsert.Outcome.UNCHANGED,
                            Upsert.Outcome.UPDATED,
                            Upsert.Outcome.CREATED,
                            Upsert.Outcome.UNCHANGED);
            assertThat(stored.get(2).postId()).isEqualTo(edited);
            assertThat(stored.get(4).postId()).isEqualTo(stored.get(3).postId());
            assertThat(db.postChanges().count()).isEqualTo(4);
            assertThat(posts.guids(feedId)).hasSize(4);
        }

        @Test
        void aPostTheStoreRefusesCostsTheOthersOfItsFeedNothing() {
            PostFacts bad = new PostFacts(
                    "article", List.of(new PostFacts.TopicScore("gossip", 0.9)), 0, "neutral", List.of(), null, null);
            List<String> refused = new java.util.ArrayList<>();
            List<Upsert> stored = posts.upsertAll(
                    List.of(
                            withFacts("a", "First", RICH),
                            withFacts("b", "Gossip", bad),
                            withFacts("c", "Third", RICH)),
                    NOW,
                    (draft, e) -> refused.add(draft.guid()));
            assertThat(stored)
                    .extracting(Upsert::outcome)
                    .containsExactly(Upsert.Outcome.CREATED, Upsert.Outcome.CREATED);
            assertThat(refused).containsExactly("b");
            assertThat(db.postChanges().count()).isEqualTo(2);
            assertThat(posts.alreadyStored(List.of(
                            withFacts("a", "First", RICH),
                            withFacts("a", "First, edited", RICH),
                            withFacts("b", "Gossip", RICH))))
                    .containsExactly(true, false, false);
        }

        @Test
        void theSchemaRefusesAHypeScoreOutOfRange() {
            PostFacts bad = new PostFacts("article", List.of(), 140, "hype", List.of(), null, null);
            assertThatThrownBy(() -> posts.upsert(withFacts("g", "Too much", bad), NOW))
                    .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("posts_hype_range"));
        }

        @Test
        void aBulkInsertStoresTheFactsAndEnclosuresOfEachPost() {
            var mp3 = new Enclosure("https://cdn.example/ep1.mp3", 1_000L, "audio/mpeg");
            PostDraft episode = new PostDraft(
                    feedId,
                    "b2",
                    null,
                    "two",
                    null,
                    NOW,
                    null,
                    null,
                    "<p>two</p>",
                    "two",
                    PostFacts.ofKind("podcast"),
                    List.of(mp3));
            posts.insertBatch(List.of(withFacts("b1", "one", RICH), episode), NOW);
            List<IndexablePost> stored = db.postChanges().changedAfter(Instant.EPOCH, 0, 10);
            assertThat(stored).extracting(IndexablePost::title).containsExactly("one", "two");
            assertThat(db.postQueries().find(stored.get(0).id()).orElseThrow().facts())
                    .isEqualTo(RICH);
            Post second = db.postQueries().find(stored.get(1).id()).orElseThrow();
            assertThat(second.facts()).isEqualTo(PostFacts.ofKind("podcast"));
            assertThat(second.enclosures()).containsExactly(mp3);
        }
    }

    @Nested
    class Retention {
        @Test
        void archivesOldUnstarredPostsAndKeepsTheirIdentity() {
            long old = posts.upsert(draft("old", null, "Old news", NOW.minus(Duration.ofDays(400))), NOW)
                    .postId();
            long starred = posts.upsert(draft("kept", null, "Old but starred", NOW.minus(Duration.ofDays(500))), NOW)
                    .postId();
            long fresh = posts.upsert(draft("new", null, "Fresh", NOW.minus(Duration.ofDays(3))), NOW)
                    .postId();
            long reader = db.users().add("ana", "hash", false, NOW);
            db.postStates().setStarred(reader, starred, true, NOW);

            assertThat(posts.archiveBefore(NOW.minus(Duration.ofDays(365)))).isEqualTo(1);

            Post archived = db.postQueries().find(old).orElseThrow();
            assertThat(archived.archivedAt()).isNotNull();
            assertThat(archived.contentHtml()).isNull();
            assertThat(archived.title()).isEqualTo("Old news");
            assertThat(archived.summary()).isEqualTo("A summary");
            assertThat(db.postQueries().find(starred).orElseThrow().contentHtml())
                    .isNotNull();
            assertThat(db.postQueries().find(fresh).orElseThrow().archivedAt()).isNull();
            assertThat(posts.upsert(draft("old", null, "Old news", NOW.minus(Duration.ofDays(400))), NOW)
                            .outcome())
                    .as("the feed still lists it: it does not come back")
                    .isEqualTo(Upsert.Outcome.UNCHANGED);
            assertThat(posts.archiveBefore(NOW.minus(Duration.ofDays(365))))
                    .as("nothing twice")
                    .isZero();
            assertThat(db.postChanges().changedAfter(Instant.EPOCH, 0, 10))
                    .filteredOn(p -> p.id() == old)
                    .singleElement()
                    .satisfies(
                            p -> assertThat(p.text()).as("found by its summary").isEqualTo("A summary"));
        }

        @Test
        void anArchivedEpisodeLetsItsTranscriptGoAndSaysSo() {
            PostDraft old = draft("ep", null, "Old episode", NOW.minus(Duration.ofDays(400)));
            PostFacts.Transcript read = new PostFacts.Transcript(
                    "https://example.net/t.vtt", null, List.of(new PostFacts.Cue(0, "Ivan", "Hello.")));
            long id = posts.upsert(
                            old.withFacts(new PostFacts(
                                    "podcast",
                                    List.of(),
                                    0,
                                    "neutral",
                                    List.of(),
                                    null,
                                    new PostFacts.Episode("Show", null, 1, 60, null, null, null, List.of(), read),
                                    null)),
                            NOW)
                    .postId();

            assertThat(posts.archiveBefore(NOW.minus(Duration.ofDays(365)))).isEqualTo(1);

            assertThat(db.postQueries().find(id).orElseThrow().facts().episode().transcript())
                    .isEqualTo(new PostFacts.Transcript(
                            "https://example.net/t.vtt", PostStore.TRANSCRIPT_ARCHIVED, List.of()));
        }
    }
}
