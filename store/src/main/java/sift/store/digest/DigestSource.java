package sift.store.digest;

import static sift.store.sql.Sql.instant;
import static sift.store.sql.Sql.utc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import sift.store.post.PostFacts;
import sift.store.post.PostRows;
import sift.store.sql.Sql;

/**
 * What a daily digest is made of: the posts of a day with their facts, story, feed weight and how readers took
 * them; the day's hype-laden AI claims; one reader's interests and watched products; and which digests were sent.
 */
public final class DigestSource {
    private final Jdbi jdbi;

    public DigestSource(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * A post of the day as the digest weighs it.
     *
     * @param storyId the story it tells (its own id when no other post tells it)
     * @param feedWeight the admin's weight of its feed (1: neutral)
     * @param readers how many readers read it; {@code stars} how many starred it
     * @param product the release's product and {@code version}, or null when not a release
     * @param show the podcast's show name, or null when not an episode
     */
    public record Candidate(
            long id,
            long feedId,
            String feedTitle,
            double feedWeight,
            String title,
            String link,
            String summary,
            String kind,
            int hypeScore,
            String stance,
            List<String> topics,
            long storyId,
            Instant publishedAt,
            int readers,
            int stars,
            String product,
            String version,
            boolean breaking,
            String show,
            Integer durationSeconds) {

        public Candidate {
            topics = List.copyOf(topics);
        }
    }

    /**
     * An AI claim called hype, with its reasons and the post it is in; one {@code spoken} in an episode has the
     * time it was said at ({@code startMillis}, null when the transcript gives none) and its speaker, if named.
     */
    public record HypeClaim(
            long postId,
            String sentence,
            int score,
            List<String> reasons,
            boolean spoken,
            Integer startMillis,
            String speaker) {
        public HypeClaim {
            reasons = List.copyOf(reasons);
        }
    }

    /** When the oldest post stored was published; empty while there is none. */
    public Optional<Instant> oldestPublished() {
        return jdbi.withHandle(h -> h.createQuery("SELECT MIN(published_at) AS oldest FROM posts")
                .map((rs, ctx) -> Optional.ofNullable(instant(rs, "oldest")))
                .one());
    }

    /** The posts published in [from, to). */
    public List<Candidate> posts(Instant from, Instant to) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT p.id, p.feed_id, COALESCE(f.title, f.url) AS feed_title, f.source_weight, p.title, p.link,
                               p.summary, p.kind, p.hype_score, p.stance, p.topic_ids, COALESCE(p.story_id, p.id) AS story,
                               p.published_at,
                               (SELECT COUNT(*) FROM user_post_state s WHERE s.post_id = p.id AND s.read_at IS NOT NULL) AS readers,
                               (SELECT COUNT(*) FROM user_post_state s WHERE s.post_id = p.id AND s.starred_at IS NOT NULL) AS stars,
                               r.product, r.version, r.breaking, e.show_name, e.duration_seconds
                        FROM posts p JOIN feeds f ON f.id = p.feed_id
                        LEFT JOIN post_releases r ON r.post_id = p.id
                        LEFT JOIN post_episodes e ON e.post_id = p.id
                        WHERE p.published_at >= :from AND p.published_at < :to
                        ORDER BY p.published_at DESC, p.id DESC""")
                .bind("from", utc(from))
                .bind("to", utc(to))
                .map((rs, ctx) -> new Candidate(
                        rs.getLong("id"),
                        rs.getLong("feed_id"),
                        rs.getString("feed_title"),
                        rs.getDouble("source_weight"),
                        rs.getString("title"),
                        rs.getString("link"),
                        rs.getString("summary"),
                        rs.getString("kind"),
                        rs.getInt("hype_score"),
                        rs.getString("stance"),
                        PostRows.topicIds(rs),
                        rs.getLong("story"),
                        instant(rs, "published_at"),
                        rs.getInt("readers"),
                        rs.getInt("stars"),
                        rs.getString("product"),
                        rs.getString("version"),
                        rs.getBoolean("breaking"),
                        rs.getString("show_name"),
                        rs.getObject("duration_seconds", Integer.class)))
                .list());
    }

    /** The most hype-laden AI claims of posts published in [from, to), highest score first. */
    public List<HypeClaim> hypeClaims(Instant from, Instant to, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT c.post_id, c.sentence, c.score, c.reasons, c.part, c.start_millis, c.speaker
                        FROM post_claims c JOIN posts p ON p.id = c.post_id
                        WHERE p.published_at >= :from AND p.published_at < :to AND c.stance = 'hype'
                        ORDER BY c.score DESC, c.post_id, c.position LIMIT :limit""")
                .bind("from", utc(from))
                .bind("to", utc(to))
                .bind("limit", limit)
                .map((rs, ctx) -> new HypeClaim(
                        rs.getLong("post_id"),
                        rs.getString("sentence"),
                        rs.getInt("score"),
                        Sql.items(rs.getString("reasons")),
                        rs.getString("part").equals(PostFacts.Claim.TRANSCRIPT),
                        rs.getObject("start_millis", Integer.class),
                        rs.getString("speaker")))
                .list());
    }

    /**
     * How much the reader cares for each topic, from what the reader did since {@code since}: a post read counts 1
     * for each of its topics, a starred one 3.
     */
    public Map<String, Double> interests(long userId, Instant since) {
        Map<String, Double> interests = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                        SELECT t.topic, SUM(CASE WHEN s.starred_at IS NOT NULL THEN 3 ELSE 1 END) AS weight
                        FROM user_post_state s JOIN post_topics t ON t.post_id = s.post_id
                        WHERE s.user_id = :user AND s.changed_at >= :since
                          AND (s.read_at IS NOT NULL OR s.starred_at IS NOT NULL)
                        GROUP BY t.topic""")
                .bind("user", userId)
                .bind("since", utc(since))
                .map((rs, ctx) -> interests.put(rs.getString("topic"), rs.getDouble("weight")))
                .forEach(ignored -> {}));
        return interests;
    }

    public Set<String> watchedProducts(long userId) {
        return new HashSet<>(
                jdbi.withHandle(h -> h.createQuery("SELECT product FROM release_watches WHERE user_id = :user")
                        .bind("user", userId)
                        .mapTo(String.class)
                        .list()));
    }

    /** Notes that the reader's digest of this day was sent; false when it had been already (then nothing changes). */
    public boolean markSent(long userId, LocalDate day, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO digest_deliveries (user_id, digest_day, sent_at)
                        SELECT :user, :day, :now WHERE NOT EXISTS
                            (SELECT 1 FROM digest_deliveries WHERE user_id = :user AND digest_day = :day)""")
                        .bind("user", userId)
                        .bind("day", day)
                        .bind("now", utc(now))
                        .execute())
                > 0;
    }

    public boolean sent(long userId, LocalDate day) {
        return jdbi.withHandle(h -> h.createQuery(
                                "SELECT COUNT(*) FROM digest_deliveries WHERE user_id = :user AND digest_day = :day")
                        .bind("user", userId)
                        .bind("day", day)
                        .mapTo(Integer.class)
                        .one())
                > 0;
    }
}
