package sift.store.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sift.store.Database;
import sift.store.TestDatabase;
import sift.store.feed.NewFeed;
import sift.store.post.PostDraft;
import sift.store.post.PostFacts;

/** Model versions (promoted and refused, one active, roll-back) and the claim sentences admins labelled. */
class ModelStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aPromotedVersionIsActiveARefusedOneIsKeptAndAnOlderOneComesBack() {
        try (Database db = TestDatabase.open(dir)) {
            ModelStore models = db.models();
            assertThat(models.active(ModelStore.HYPE)).isEmpty();

            ModelStore.Version first =
                    models.add(ModelStore.HYPE, new byte[] {1, 2, 3}, 1291, 6, "{\"first\":1}", "admin", true, NOW);
            ModelStore.Version refused =
                    models.add(ModelStore.HYPE, new byte[] {4}, 2100, 815, "{}", "admin", false, NOW.plusSeconds(60));
            assertThat(first.version()).isEqualTo(1);
            assertThat(refused.version()).isEqualTo(2);
            assertThat(models.active(ModelStore.HYPE))
                    .get()
                    .extracting(ModelStore.Version::id)
                    .isEqualTo(first.id());
            assertThat(models.bytes(first.id())).get().isEqualTo(new byte[] {1, 2, 3});
            assertThat(models.history(ModelStore.HYPE))
                    .extracting(ModelStore.Version::version, ModelStore.Version::active, ModelStore.Version::promoted)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(2, false, false),
                            org.assertj.core.groups.Tuple.tuple(1, true, true));
            assertThatThrownBy(() -> models.activate(refused.id(), NOW))
                    .hasMessage("version 2 of the hype model was refused at its evaluation and cannot be made active");

            ModelStore.Version third = models.add(ModelStore.HYPE, new byte[] {5}, 1292, 7, "{}", "admin", true, NOW);
            assertThat(models.active(ModelStore.HYPE))
                    .get()
                    .extracting(ModelStore.Version::version)
                    .isEqualTo(3);
            assertThat(models.activate(first.id(), NOW))
                    .get()
                    .extracting(ModelStore.Version::active)
                    .isEqualTo(true);
            assertThat(models.active(ModelStore.HYPE))
                    .get()
                    .extracting(ModelStore.Version::id)
                    .isEqualTo(first.id());
            assertThat(models.activate(third.id() + 100, NOW)).isEmpty();

            models.useBuilt(ModelStore.HYPE);
            assertThat(models.active(ModelStore.HYPE)).isEmpty();
            assertThat(models.history(ModelStore.HYPE)).hasSize(3).noneMatch(ModelStore.Version::active);
        }
    }

    @Test
    void claimSentencesAreTheNewestStanceOfEachSentenceAndPostLabelsAreNot() {
        try (Database db = TestDatabase.open(dir)) {
            long admin = db.users().add("admin", "hash", true, NOW);
            db.feeds().subscribe(new NewFeed("https://blog.example/feed", "Example", null), NOW);
            long feed = db.feeds().all().get(0).id();
            long one = post(db, feed, "1");
            long two = post(db, feed, "2");
            LabelStore labels = db.labels();
            labels.add(one, "stance", List.of("hype"), "Our AI ends outages.", true, admin, NOW);
            labels.add(one, "stance", List.of("skeptical"), "A title\nA whole post about AI.", false, admin, NOW);
            labels.add(two, "stance", List.of("neutral"), "We trained a classifier on syslog.", true, admin, NOW);
            labels.add(one, "stance", List.of("neutral"), "Our AI ends outages.", true, admin, NOW.plusSeconds(5));
            labels.add(one, "kind", List.of("news"), "A title\nA whole post about AI.", false, admin, NOW);

            assertThat(labels.sentences())
                    .containsExactly(
                            new LabelStore.Sentence("We trained a classifier on syslog.", "neutral"),
                            new LabelStore.Sentence("Our AI ends outages.", "neutral"));
        }
    }

    private static long post(Database db, long feed, String guid) {
        return db.posts()
                .upsert(
                        new PostDraft(
                                feed,
                                guid,
                                null,
                                "Post " + guid,
                                null,
                                NOW,
                                null,
                                null,
                                "<p>Text</p>",
                                "Text",
                                PostFacts.ofKind("article"),
                                List.of()),
                        NOW)
                .postId();
    }
}
