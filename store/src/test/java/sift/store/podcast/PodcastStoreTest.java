package sift.store.podcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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
import sift.store.post.RiverCursor;

@ExtendWith(FreshDatabase.class)
class PodcastStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    Database db;
    PodcastStore podcasts;
    long ana;
    long feed;

    @BeforeEach
    void open(Database db) {
        this.db = db;
        podcasts = db.podcasts();
        ana = db.users().add("ana", "$argon2id$hash", false, NOW);
        db.feeds().subscribe(new NewFeed("https://pods.example/feed", "Pods", null), NOW);
        feed = db.feeds().all().get(0).id();
    }

    private long episode(String show, int number, long hoursAgo) {
        PostFacts facts = new PostFacts(
                "podcast",
                List.of(),
                0,
                "neutral",
                List.of(),
                null,
                new PostFacts.Episode(
                        show, 2, number, 3_000, "https://pods.example/t.vtt", "text/vtt", null, List.of()));
        return db.posts()
                .upsert(
                        new PostDraft(
                                feed,
                                show + number,
                                null,
                                show + " " + number,
                                null,
                                NOW.minusSeconds(hoursAgo * 3600),
                                null,
                                "Notes of " + number,
                                "<p>n</p>",
                                "n",
                                facts,
                                List.of()),
                        NOW)
                .postId();
    }

    @Test
    void showsCountTheirEpisodesAndWhatTheReaderHasNotPlayedNewestShowFirst() {
        long first = episode("Software Gone Wild", 1, 48);
        episode("Software Gone Wild", 2, 24);
        episode("Heavy Networking", 800, 2);
        db.postStates().setPlayed(ana, first, true, NOW);

        assertThat(podcasts.shows(ana))
                .extracting(PodcastStore.Show::name, PodcastStore.Show::episodes, PodcastStore.Show::unplayed)
                .containsExactly(tuple("Heavy Networking", 1, 1), tuple("Software Gone Wild", 2, 1));
        assertThat(podcasts.shows(null)).extracting(PodcastStore.Show::unplayed).containsExactly(1, 2);
    }

    @Test
    void aShowsEpisodesComeNewestFirstInPagesWithTheReadersPlaceAndTheFeedsTranscript() {
        for (int n = 1; n <= 5; n++) {
            episode("Software Gone Wild", n, 100 - n);
        }
        List<PodcastStore.Episode> page = podcasts.episodes("Software Gone Wild", ana, 2, null);
        assertThat(page).extracting(PodcastStore.Episode::number).containsExactly(5, 4);
        PodcastStore.Episode last = page.get(1);
        assertThat(podcasts.episodes("Software Gone Wild", ana, 10, new RiverCursor(last.publishedAt(), last.postId())))
                .extracting(PodcastStore.Episode::number)
                .containsExactly(3, 2, 1);
        assertThat(db.postQueries()
                        .find(last.postId())
                        .orElseThrow()
                        .facts()
                        .episode()
                        .transcriptUrl())
                .isEqualTo("https://pods.example/t.vtt");

        db.postStates().savePlayPosition(ana, last.postId(), 754, NOW);
        assertThat(podcasts.episodes("Software Gone Wild", ana, 2, null).get(1))
                .extracting(PodcastStore.Episode::positionSeconds, PodcastStore.Episode::inProgress)
                .containsExactly(754, true);
        assertThat(podcasts.inProgress(ana, 5))
                .extracting(PodcastStore.Episode::postId)
                .containsExactly(last.postId());
        db.postStates().setPlayed(ana, last.postId(), true, NOW);
        assertThat(podcasts.inProgress(ana, 5)).isEmpty();
        assertThat(podcasts.episodes("No such show", ana, 10, null)).isEmpty();
    }

    @Test
    void issue20_pagingThroughEpisodesThatShareOneTimestampListsEachOnce() {
        Instant shared = NOW.plusNanos(123_456_000);
        List<PostDraft> drafts = new ArrayList<>();
        for (int n = 1; n <= 300; n++) {
            drafts.add(new PostDraft(
                    feed,
                    "same" + n,
                    null,
                    "Same " + n,
                    null,
                    shared,
                    null,
                    null,
                    "<p>n</p>",
                    "n",
                    new PostFacts(
                            "podcast",
                            List.of(),
                            0,
                            "neutral",
                            List.of(),
                            null,
                            new PostFacts.Episode("Undated", null, n, null)),
                    List.of()));
        }
        db.posts().insertBatch(drafts, NOW);
        List<Long> all = podcasts.episodes("Undated", null, 301, null).stream()
                .map(PodcastStore.Episode::postId)
                .toList();
        assertThat(all).hasSize(300);

        List<Long> seen = new ArrayList<>();
        RiverCursor after = null;
        List<PodcastStore.Episode> page;
        do {
            page = podcasts.episodes("Undated", null, 8, after);
            page.stream().limit(7).forEach(e -> seen.add(e.postId()));
            PodcastStore.Episode last = page.get(Math.min(6, page.size() - 1));
            after = RiverCursor.parse(new RiverCursor(last.publishedAt(), last.postId()).token());
        } while (page.size() > 7);
        assertThat(seen).containsExactlyElementsOf(all);
    }
}
