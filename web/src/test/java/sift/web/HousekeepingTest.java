package sift.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sift.store.Database;
import sift.store.DbSettings;
import sift.store.feed.NewFeed;
import sift.store.post.PostDraft;
import sift.store.post.PostFacts;

class HousekeepingTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void archivesOnlyWithARetentionSetting() {
        try (Database db = Database.open(DbSettings.embedded(dir))) {
            db.feeds().subscribe(new NewFeed("https://blog.ipspace.net/atom.xml", "ipSpace.net", null), NOW);
            long feed = db.feeds().all().get(0).id();
            long old = db.posts()
                    .upsert(
                            new PostDraft(
                                    feed,
                                    "old",
                                    null,
                                    "Old",
                                    null,
                                    NOW.minus(Duration.ofDays(40)),
                                    null,
                                    "Summary",
                                    "<p>Body</p>",
                                    "Body",
                                    PostFacts.ofKind("article"),
                                    List.of()),
                            NOW)
                    .postId();

            Housekeeping.run(db, Duration.ZERO, NOW);
            assertThat(db.postQueries().find(old).orElseThrow().archivedAt())
                    .as("0 keeps every post")
                    .isNull();

            Housekeeping.run(db, Duration.ofDays(30), NOW);
            assertThat(db.postQueries().find(old).orElseThrow().archivedAt()).isNotNull();
        }
    }

    @Test
    void readsTheRetentionFromTheEnvironmentAndRefusesANegativeOne() {
        assertThat(SiftConfig.from(dir, null, false, Map.of("SIFT_RETENTION_DAYS", "90"))
                        .retention())
                .isEqualTo(Duration.ofDays(90));
        assertThat(SiftConfig.from(dir, null, false, Map.of()).retention())
                .as("unset: keep every post")
                .isZero();
        assertThatThrownBy(() -> SiftConfig.from(dir, null, false, Map.of("SIFT_RETENTION_DAYS", "-1")))
                .hasMessageContaining("SIFT_RETENTION_DAYS must be 0 (keep every post) or more, was -1");
    }
}
