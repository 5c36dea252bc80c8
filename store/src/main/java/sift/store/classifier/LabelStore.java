package sift.store.classifier;

import static sift.store.sql.Sql.instant;
import static sift.store.sql.Sql.utc;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * What admins taught Sift from the reader: a claim's or a post's stance, a post's kind, a post's topics. Each label
 * keeps its text (so it outlives its post), who gave it and when; retraining reads them with the bundled corpus.
 * A post's topics are a set: the rows of one labelling share their time, and the newest set is the post's.
 */
public final class LabelStore {
    public static final List<String> TARGETS = List.of("stance", "topic", "kind");

    private final Jdbi jdbi;

    public LabelStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A label as the post page lists it. */
    public record Label(String target, String label, String text, String userName, Instant at) {}

    /**
     * Stores one labelling (several labels for a post's topics), in one transaction; {@code sentence} says that the
     * text is one sentence (a claim's), not a whole post.
     */
    public void add(
            long postId, String target, List<String> labels, String text, boolean sentence, long userId, Instant now) {
        if (!TARGETS.contains(target) || labels.isEmpty()) {
            throw new IllegalArgumentException("a label is for one of " + TARGETS + " and names at least one label");
        }
        jdbi.useTransaction(h -> {
            var batch = h.prepareBatch("""
                    INSERT INTO labels (post_id, target, label, text, sentence, user_id, created_at)
                    VALUES (:post, :target, :label, :text, :sentence, :user, :at)""");
            for (String label : labels) {
                batch.bind("post", postId)
                        .bind("target", target)
                        .bind("label", label)
                        .bind("text", text)
                        .bind("sentence", sentence)
                        .bind("user", userId)
                        .bind("at", utc(now))
                        .add();
            }
            batch.execute();
        });
    }

    /** A sentence and the stance an admin gave it. */
    public record Sentence(String text, String stance) {}

    /**
     * The stance of every labelled claim sentence, in the order of its newest label; a sentence labelled again counts
     * with its newest stance only.
     */
    public List<Sentence> sentences() {
        Map<String, String> newest = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                        SELECT text, label FROM labels WHERE target = 'stance' AND sentence ORDER BY id""")
                .map((rs, ctx) -> new Sentence(rs.getString("text"), rs.getString("label")))
                .forEach(s -> {
                    newest.remove(s.text());
                    newest.put(s.text(), s.stance());
                }));
        return newest.entrySet().stream()
                .map(e -> new Sentence(e.getKey(), e.getValue()))
                .toList();
    }

    /** The labels given from this post, newest first. */
    public List<Label> forPost(long postId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT l.target, l.label, l.text, COALESCE(u.name, 'a removed account') AS who, l.created_at
                        FROM labels l LEFT JOIN users u ON u.id = l.user_id
                        WHERE l.post_id = :post ORDER BY l.created_at DESC, l.id DESC""")
                .bind("post", postId)
                .map((rs, ctx) -> new Label(
                        rs.getString("target"),
                        rs.getString("label"),
                        rs.getString("text"),
                        rs.getString("who"),
                        instant(rs, "created_at")))
                .list());
    }
}
