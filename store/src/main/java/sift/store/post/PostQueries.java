package sift.store.post;

import static sift.store.sql.Sql.condition;
import static sift.store.sql.Sql.instant;
import static sift.store.sql.Sql.utc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The reader's queries of posts: the river, a post, its story, and what the pages and feeds show of posts. */
public final class PostQueries {
    private final Jdbi jdbi;

    public PostQueries(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The newest posts first, after the cursor when one is given. */
    public List<PostSummary> river(int limit, RiverCursor after) {
        return river(limit, after, RiverFilter.ALL, null);
    }

    /**
     * The newest posts that pass the filter, after the cursor when one is given, with what this reader did with
     * them (null: nobody is signed in, and then the filter must show all posts): keyset paging on
     * (published_at, id), so a page deep in the archive costs what the first one does.
     */
    public List<PostSummary> river(int limit, RiverCursor after, RiverFilter filter, Long readerId) {
        if (readerId == null && filter.show() != RiverFilter.Show.ALL) {
            throw new IllegalArgumentException(
                    "only a signed-in reader has " + filter.show().id() + " posts");
        }
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> binds = new HashMap<>();
        binds.put("reader", readerId == null ? -1L : readerId);
        if (after != null) {
            // the range on published_at alone lets the database walk the river's index from the cursor on (an OR
            // of the two cases would have H2 scan from the newest post)
            where.append(" AND p.published_at <= :at AND (p.published_at < :at OR p.id < :id)");
            binds.put("at", utc(after.publishedAt()));
            binds.put("id", after.id());
        }
        condition(
                where,
                binds,
                " AND EXISTS (SELECT 1 FROM post_topics t WHERE t.post_id = p.id AND t.topic = :topic)",
                "topic",
                filter.topic());
        condition(where, binds, " AND p.kind = :kind", "kind", filter.kind());
        condition(where, binds, " AND p.feed_id = :feed", "feed", filter.feedId());
        condition(where, binds, " AND p.stance = :stance", "stance", filter.stance());
        condition(where, binds, " AND p.hype_score <= :maxHype", "maxHype", filter.maxHype());
        where.append(
                switch (filter.show()) {
                    case ALL -> "";
                    case UNREAD -> " AND s.read_at IS NULL";
                    case STARRED -> " AND s.starred_at IS NOT NULL";
                });
        return jdbi.withHandle(h -> h.createQuery("SELECT " + PostRows.SUMMARY_COLUMNS + """

                        FROM posts p JOIN feeds f ON f.id = p.feed_id
                        LEFT JOIN user_post_state s ON s.post_id = p.id AND s.user_id = :reader""" + where
                        + " ORDER BY p.published_at DESC, p.id DESC LIMIT :limit")
                .bindMap(binds)
                .bind("limit", limit)
                .map(PostRows::mapSummary)
                .list());
    }

    /**
     * The reader's unread releases of the products the reader watches, published since {@code since}, newest
     * first: they lead the reader's river.
     */
    public List<PostSummary> watchedReleases(long readerId, Instant since, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + PostRows.SUMMARY_COLUMNS + """

                        FROM release_watches w
                        JOIN post_releases r ON r.product = w.product
                        JOIN posts p ON p.id = r.post_id
                        JOIN feeds f ON f.id = p.feed_id
                        LEFT JOIN user_post_state s ON s.post_id = p.id AND s.user_id = :reader
                        WHERE w.user_id = :reader AND p.published_at >= :since AND s.read_at IS NULL
                        ORDER BY p.published_at DESC, p.id DESC LIMIT :limit""")
                .bind("reader", readerId)
                .bind("since", utc(since))
                .bind("limit", limit)
                .map(PostRows::mapSummary)
                .list());
    }

    public Optional<Post> find(long id) {
        return jdbi.withHandle(h -> {
            List<Enclosure> enclosures = enclosures(h, id);
            return h.createQuery("""
                            SELECT p.*, c.html, COALESCE(f.title, f.url) AS feed_title
                            """ + PostRows.POSTS_WITH_CONTENT + " WHERE p.id = :id")
                    .bind("id", id)
                    .map((rs, ctx) -> PostRows.mapPost(
                            rs,
                            Facts.read(
                                    h,
                                    id,
                                    rs.getString("kind"),
                                    rs.getInt("hype_score"),
                                    rs.getString("stance"),
                                    rs.getBytes("vector")),
                            enclosures))
                    .findOne();
        });
    }

    /** Whether a post of this id is stored: cheap, for requests that change a reader's state of it. */
    public boolean exists(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM posts WHERE id = :id")
                        .bind("id", id)
                        .mapTo(Integer.class)
                        .one()
                > 0);
    }

    /** Posts of other feeds that tell the story this post tells, oldest first. */
    public List<PostSummary> sameStory(long postId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + PostRows.SUMMARY_COLUMNS + """

                        FROM posts o
                        JOIN posts p ON p.story_id = o.story_id AND p.feed_id <> o.feed_id
                        JOIN feeds f ON f.id = p.feed_id
                        LEFT JOIN user_post_state s ON s.post_id = p.id AND s.user_id = -1
                        WHERE o.id = :id
                        ORDER BY p.published_at, p.id LIMIT :limit""")
                .bind("id", postId)
                .bind("limit", limit)
                .map(PostRows::mapSummary)
                .list());
    }

    /** These posts as the river lists them, in the order of the ids given; ids of no post are left out. */
    public List<PostSummary> summaries(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, PostSummary> byId = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT " + PostRows.SUMMARY_COLUMNS + """

                        FROM posts p JOIN feeds f ON f.id = p.feed_id
                        LEFT JOIN user_post_state s ON s.post_id = p.id AND s.user_id = -1
                        WHERE p.id IN (<ids>)""")
                .bindList("ids", ids)
                .map(PostRows::mapSummary)
                .forEach(post -> byId.put(post.id(), post)));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** The shown (sanitised) HTML of these posts by id; archived posts have none. */
    public Map<Long, String> contents(List<Long> ids) {
        Map<Long, String> html = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbi.useHandle(h -> h.createQuery("SELECT post_id, html FROM post_contents WHERE post_id IN (<ids>)")
                    .bindList("ids", ids)
                    .map((rs, ctx) -> html.put(rs.getLong("post_id"), rs.getString("html")))
                    .forEach(ignored -> {}));
        }
        return html;
    }

    /** The enclosures of these posts by id, each post's in the feed's order. */
    public Map<Long, List<Enclosure>> enclosures(List<Long> ids) {
        Map<Long, List<Enclosure>> enclosures = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbi.useHandle(h -> h.createQuery("""
                            SELECT post_id, url, length, mime_type FROM post_enclosures
                            WHERE post_id IN (<ids>) ORDER BY post_id, position""")
                    .bindList("ids", ids)
                    .map((rs, ctx) -> enclosures
                            .computeIfAbsent(rs.getLong("post_id"), id -> new ArrayList<>())
                            .add(new Enclosure(
                                    rs.getString("url"),
                                    rs.getObject("length", Long.class),
                                    rs.getString("mime_type"))))
                    .forEach(ignored -> {}));
        }
        return enclosures;
    }

    /** The length of these episodes in seconds by post id, where their feeds say it. */
    public Map<Long, Integer> durations(List<Long> ids) {
        Map<Long, Integer> durations = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbi.useHandle(h -> h.createQuery("""
                            SELECT post_id, duration_seconds FROM post_episodes
                            WHERE post_id IN (<ids>) AND duration_seconds IS NOT NULL""")
                    .bindList("ids", ids)
                    .map((rs, ctx) -> durations.put(rs.getLong("post_id"), rs.getInt("duration_seconds")))
                    .forEach(ignored -> {}));
        }
        return durations;
    }

    /** The hype and skeptical claims said in these episodes by post id, each post's in the order they were said. */
    public Map<Long, List<PostFacts.Claim>> spokenClaims(List<Long> ids) {
        Map<Long, List<PostFacts.Claim>> claims = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbi.useHandle(h -> h.createQuery("""
                            SELECT post_id, part, span_start, span_end, sentence, score, stance, reasons, start_millis,
                                   speaker
                            FROM post_claims
                            WHERE post_id IN (<ids>) AND part = 'transcript' AND stance <> 'neutral'
                            ORDER BY post_id, position""")
                    .bindList("ids", ids)
                    .map((rs, ctx) -> claims.computeIfAbsent(rs.getLong("post_id"), id -> new ArrayList<>())
                            .add(Facts.claim(rs)))
                    .forEach(ignored -> {}));
        }
        return claims;
    }

    /**
     * When a post last changed and how many there are, as one word: any view of the posts can only change when
     * this does (re-exported feeds are cached and validated by it).
     */
    public String changeMark() {
        return jdbi.withHandle(h -> h.createQuery("SELECT MAX(changed_at) AS changed, COUNT(*) AS posts FROM posts")
                .map((rs, ctx) -> {
                    Instant changed = instant(rs, "changed");
                    return rs.getInt("posts") + "-" + (changed == null ? "none" : changed.toString());
                })
                .one());
    }

    private static List<Enclosure> enclosures(Handle h, long postId) {
        return h.createQuery("""
                        SELECT url, length, mime_type FROM post_enclosures
                        WHERE post_id = :postId ORDER BY position""")
                .bind("postId", postId)
                .map((rs, ctx) -> new Enclosure(
                        rs.getString("url"), rs.getObject("length", Long.class), rs.getString("mime_type")))
                .list();
    }
}
