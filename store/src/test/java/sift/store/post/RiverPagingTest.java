package sift.store.post;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sift.store.Database;
import sift.store.FreshDatabase;
import sift.store.feed.NewFeed;

/** Keyset paging of the river walks every post once, however many share a time (issue 20); on H2 and PostgreSQL. */
@ExtendWith(FreshDatabase.class)
class RiverPagingTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00.123456Z");

    Database db;
    PostStore posts;
    long feedId;

    @BeforeEach
    void open(Database db) {
        this.db = db;
        posts = db.posts();
        db.feeds().subscribe(new NewFeed("https://undated.example/feed", "Undated", null), NOW);
        feedId = db.feeds().all().get(0).id();
    }

    /** Stores {@code count} posts in one go, the i-th published at {@code time.apply(i)}; their ids. */
    private List<Long> store(int count, IntFunction<Instant> time) {
        List<PostDraft> drafts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            drafts.add(new PostDraft(
                    feedId,
                    "g" + i,
                    null,
                    "Post " + i,
                    null,
                    time.apply(i),
                    null,
                    null,
                    "<p>" + i + "</p>",
                    String.valueOf(i),
                    PostFacts.ofKind("article"),
                    List.of()));
        }
        posts.insertBatch(drafts, NOW);
        return db.postQueries().river(count + 1, null).stream()
                .map(PostSummary::id)
                .toList();
    }

    /** Every page of the river, {@code size} a page, each after the token of the page before. */
    private List<Long> walk(int size) {
        List<Long> seen = new ArrayList<>();
        RiverCursor after = null;
        for (int pages = 0; pages < 10_000; pages++) {
            List<PostSummary> page = db.postQueries().river(size + 1, after);
            page.subList(0, Math.min(size, page.size())).forEach(p -> seen.add(p.id()));
            if (page.size() <= size) {
                return seen;
            }
            PostSummary last = page.get(size - 1);
            after = RiverCursor.parse(new RiverCursor(last.publishedAt(), last.id()).token());
        }
        throw new AssertionError("the river never ended");
    }

    @Test
    void issue20_pagingThroughAThousandPostsThatShareOneTimestampListsEachOnce() {
        List<Long> all = store(1000, i -> NOW);
        assertThat(all).hasSize(1000);
        assertThat(walk(50)).containsExactlyElementsOf(all);
        assertThat(walk(7)).containsExactlyElementsOf(all);
    }

    @Test
    void issue20_postsAMicrosecondOrANanosecondApartAreEachListedOnce() {
        // three posts a nanosecond apart in each microsecond, the microseconds within one millisecond
        List<Long> all = store(1000, i -> NOW.plusNanos((i / 3) * 1_000L + i % 3));
        assertThat(all).hasSize(1000);
        assertThat(walk(50)).containsExactlyElementsOf(all);
        assertThat(walk(7)).containsExactlyElementsOf(all);
    }

    @Test
    void theDatabaseKeepsMicrosecondsAndTheCursorCarriesExactlyWhatItReadsBack() {
        Instant micros = Instant.parse("2026-11-26T12:00:00.123456Z");
        long id = posts.upsert(
                        new PostDraft(
                                feedId,
                                "micro",
                                null,
                                "Micro",
                                null,
                                micros,
                                null,
                                null,
                                "<p>m</p>",
                                "m",
                                PostFacts.ofKind("article"),
                                List.of()),
                        NOW)
                .postId();
        PostSummary stored = db.postQueries().river(1, null).get(0);
        assertThat(stored.publishedAt()).isEqualTo(micros);
        assertThat(db.postQueries().find(id).orElseThrow().publishedAt()).isEqualTo(micros);
        RiverCursor cursor = new RiverCursor(stored.publishedAt(), stored.id());
        assertThat(RiverCursor.parse(cursor.token())).isEqualTo(cursor);
        // the cursor of the only post, read back, has nothing after it, and the post is just before it
        assertThat(db.postQueries().river(10, cursor)).isEmpty();
        assertThat(db.postQueries().river(10, new RiverCursor(micros, id + 1)))
                .extracting(PostSummary::id)
                .containsExactly(id);

        // nanoseconds are more than either database keeps: they come back to the microsecond
        posts.upsert(
                new PostDraft(
                        feedId,
                        "nano",
                        null,
                        "Nano",
                        null,
                        micros.plusSeconds(1).plusNanos(400),
                        null,
                        null,
                        "<p>n</p>",
                        "n",
                        PostFacts.ofKind("article"),
                        List.of()),
                NOW);
        assertThat(db.postQueries().river(1, null).get(0).publishedAt()).isEqualTo(micros.plusSeconds(1));
    }
}
