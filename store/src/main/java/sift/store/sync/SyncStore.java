package sift.store.sync;

import static sift.store.sql.Sql.condition;
import static sift.store.sql.Sql.instant;
import static sift.store.sql.Sql.utc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import sift.store.post.Enclosure;
import sift.store.post.PostQueries;
import sift.store.post.PostRows;
import sift.store.post.RiverCursor;

/**
 * What the sync APIs (Google Reader and Fever) read and change of a reader's posts: pages of post ids in a
 * selection, the posts themselves, unread counts, the reader's own labels, and marking a whole selection read in
 * one statement. The marks are the reader's one state ({@code user_post_state}), the same the pages show.
 */
public final class SyncStore {
    /** In which order a page lists posts: by published time (the river's order) or by id (the order Sift stored them). */
    public enum Order {
        NEWEST,
        OLDEST,
        ID_UP,
        ID_DOWN
    }

    /** A post in a page of ids: its id and the sort key that a continuation carries. */
    public record Ref(long id, Instant publishedAt) {
        public RiverCursor cursor() {
            return new RiverCursor(publishedAt, id);
        }
    }

    /**
     * Unread posts that share a feed, kind, topics, stance and whether they are over the hype threshold: how many,
     * and when Sift stored the newest of them. The unread counts of feeds, folders and Sift's labels are sums of these.
     */
    public record UnreadGroup(
            long feedId, String kind, List<String> topics, String stance, boolean hype, int count, Instant newest) {
        public UnreadGroup {
            topics = List.copyOf(topics);
        }
    }

    /** A label of the reader's, how many posts carry it and how many of those are unread. */
    public record Label(String name, int posts, int unread) {}

    private final Jdbi jdbi;
    private final PostQueries posts;

    public SyncStore(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.posts = new PostQueries(jdbi);
    }

    /** A page of the selection in this order, after the cursor when one is given (published-time orders only). */
    public List<Ref> page(long readerId, Selection selection, Order order, RiverCursor after, int limit) {
        Map<String, Object> binds = new HashMap<>();
        StringBuilder where = where(readerId, selection, binds);
        if (after != null) {
            binds.put("at", utc(after.publishedAt()));
            binds.put("afterId", after.id());
            where.append(
                    switch (order) {
                        case NEWEST, ID_DOWN ->
                            " AND p.published_at <= :at AND (p.published_at < :at OR p.id < :afterId)";
                        case OLDEST, ID_UP ->
                            " AND p.published_at >= :at AND (p.published_at > :at OR p.id > :afterId)";
                    });
        }
        String orderBy = switch (order) {
            case NEWEST -> "p.published_at DESC, p.id DESC";
            case OLDEST -> "p.published_at, p.id";
            case ID_UP -> "p.id";
            case ID_DOWN -> "p.id DESC";
        };
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT p.id, p.published_at " + FROM + where + " ORDER BY " + orderBy + " LIMIT :limit")
                .bindMap(binds)
                .bind("limit", limit)
                .map((rs, ctx) -> new Ref(rs.getLong("id"), instant(rs, "published_at")))
                .list());
    }

    /** How many posts the selection holds. */
    public int count(long readerId, Selection selection) {
        Map<String, Object> binds = new HashMap<>();
        StringBuilder where = where(readerId, selection, binds);
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) " + FROM + where)
                .bindMap(binds)
                .mapTo(Integer.class)
                .one());
    }

    /** These posts with the reader's marks and labels, in the order of the ids given; ids of no post are left out. */
    public List<SyncItem> items(long readerId, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, List<String>> labels = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                        SELECT post_id, label FROM user_post_labels WHERE user_id = :reader AND post_id IN (<ids>)
                        ORDER BY label""")
                .bind("reader", readerId)
                .bindList("ids", ids)
                .map((rs, ctx) -> labels.computeIfAbsent(rs.getLong("post_id"), k -> new ArrayList<>())
                        .add(rs.getString("label")))
                .forEach(ignored -> {}));
        Map<Long, List<Enclosure>> enclosures = posts.enclosures(ids);
        Map<Long, SyncItem> byId = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                        SELECT p.id, p.feed_id, COALESCE(f.title, f.url) AS feed_title, f.url AS feed_url, f.site_url,
                               p.title, p.link, p.author, p.published_at, p.first_seen_at, p.changed_at,
                               COALESCE(c.html, p.summary) AS html,
                               p.kind, p.topic_ids, p.hype_score, p.stance, s.read_at, s.starred_at
                        FROM posts p JOIN feeds f ON f.id = p.feed_id
                        LEFT JOIN post_contents c ON c.post_id = p.id
                        LEFT JOIN user_post_state s ON s.post_id = p.id AND s.user_id = :reader
                        WHERE p.id IN (<ids>)""")
                .bind("reader", readerId)
                .bindList("ids", ids)
                .map((rs, ctx) -> {
                    long id = rs.getLong("id");
                    return new SyncItem(
                            id,
                            rs.getLong("feed_id"),
                            rs.getString("feed_title"),
                            rs.getString("feed_url"),
                            rs.getString("site_url"),
                            rs.getString("title"),
                            rs.getString("link"),
                            rs.getString("author"),
                            instant(rs, "published_at"),
                            instant(rs, "first_seen_at"),
                            instant(rs, "changed_at"),
                            Objects.requireNonNullElse(rs.getString("html"), ""),
                            rs.getString("kind"),
                            PostRows.topicIds(rs),
                            rs.getInt("hype_score"),
                            rs.getString("stance"),
                            rs.getObject("read_at") != null,
                            rs.getObject("starred_at") != null,
                            labels.getOrDefault(id, List.of()),
                            enclosures.getOrDefault(id, List.of()));
                })
                .forEach(item -> byId.put(item.id(), item)));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** The reader's unread posts in groups (see {@link UnreadGroup}); hype is a score of {@code hypeThreshold} or more. */
    public List<UnreadGroup> unread(long readerId, int hypeThreshold) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT feed_id, kind, topic_ids, stance, hype, COUNT(*) AS n, MAX(first_seen_at) AS newest
                        FROM (SELECT p.feed_id, p.kind, p.topic_ids, p.stance, p.first_seen_at,
                                     CASE WHEN p.hype_score >= :threshold THEN 1 ELSE 0 END AS hype
                              FROM posts p LEFT JOIN user_post_state s ON s.post_id = p.id AND s.user_id = :reader
                              WHERE s.read_at IS NULL) u
                        GROUP BY feed_id, kind, topic_ids, stance, hype""")
                .bind("reader", readerId)
                .bind("threshold", hypeThreshold)
                .map((rs, ctx) -> new UnreadGroup(
                        rs.getLong("feed_id"),
                        rs.getString("kind"),
                        PostRows.topicIds(rs),
                        rs.getString("stance"),
                        rs.getInt("hype") == 1,
                        rs.getInt("n"),
                        instant(rs, "newest")))
                .list());
    }

    /** The reader's labels by name, with how many posts carry each and how many of those are unread. */
    public List<Label> labels(long readerId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT l.label, COUNT(*) AS n, SUM(CASE WHEN s.read_at IS NULL THEN 1 ELSE 0 END) AS unread
                        FROM user_post_labels l
                        LEFT JOIN user_post_state s ON s.post_id = l.post_id AND s.user_id = l.user_id
                        WHERE l.user_id = :reader GROUP BY l.label ORDER BY l.label""")
                .bind("reader", readerId)
                .map((rs, ctx) -> new Label(rs.getString("label"), rs.getInt("n"), rs.getInt("unread")))
                .list());
    }

    /** Gives these posts the reader's label, or takes it away; ids of no post are skipped. */
    public void label(long readerId, List<Long> ids, String label, boolean add, Instant now) {
        if (ids.isEmpty()) {
            return;
        }
        jdbi.useTransaction(h -> {
            if (add) {
                h.createUpdate("""
                                INSERT INTO user_post_labels (user_id, post_id, label, labelled_at)
                                SELECT :reader, p.id, :label, :now FROM posts p
                                WHERE p.id IN (<ids>) AND NOT EXISTS (SELECT 1 FROM user_post_labels l
                                    WHERE l.user_id = :reader AND l.label = :label AND l.post_id = p.id)""")
                        .bind("reader", readerId)
                        .bind("label", label)
                        .bind("now", utc(now))
                        .bindList("ids", ids)
                        .execute();
            } else {
                h.createUpdate(
                                "DELETE FROM user_post_labels WHERE user_id = :reader AND label = :label AND post_id IN (<ids>)")
                        .bind("reader", readerId)
                        .bind("label", label)
                        .bindList("ids", ids)
                        .execute();
            }
        });
    }

    /** The reader's labels of one post, by name. */
    public List<String> labels(long readerId, long postId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT label FROM user_post_labels WHERE user_id = :reader AND post_id = :post ORDER BY label")
                .bind("reader", readerId)
                .bind("post", postId)
                .mapTo(String.class)
                .list());
    }

    /**
     * Marks every post of the selection read (or unread, or starred, or not starred) for the reader, in one
     * transaction of two statements whatever its size; returns how many posts changed.
     */
    public int mark(long readerId, Selection selection, Mark mark, boolean on, Instant now) {
        Map<String, Object> binds = new HashMap<>();
        StringBuilder where = where(readerId, selection, binds);
        String column = mark == Mark.READ ? "read_at" : "starred_at";
        return jdbi.inTransaction(h -> {
            int changed = 0;
            if (on) {
                changed += h.createUpdate("INSERT INTO user_post_state (user_id, post_id, " + column + ", changed_at)"
                                + " SELECT :reader, p.id, :now, :now " + FROM + where + " AND s.post_id IS NULL")
                        .bindMap(binds)
                        .bind("now", utc(now))
                        .execute();
            }
            // the rows that exist: found as a page is, then changed one by one by their key (an UPDATE that
            // checks its rows against the selection, by IN or EXISTS, took seconds at 100,000 posts on H2)
            List<Long> rows = h.createQuery("SELECT p.id " + FROM + where + " AND s.post_id IS NOT NULL AND s." + column
                            + (on ? " IS NULL" : " IS NOT NULL"))
                    .bindMap(binds)
                    .mapTo(Long.class)
                    .list();
            if (!rows.isEmpty()) {
                PreparedBatch batch = h.prepareBatch("UPDATE user_post_state SET " + column
                        + " = :at, changed_at = :now" + " WHERE user_id = :reader AND post_id = :post");
                for (long post : rows) {
                    batch.bind("at", on ? utc(now) : null)
                            .bind("now", utc(now))
                            .bind("reader", readerId)
                            .bind("post", post)
                            .add();
                }
                changed += Arrays.stream(batch.execute()).sum();
            }
            return changed;
        });
    }

    /** What {@link #mark} sets. */
    public enum Mark {
        READ,
        STARRED
    }

    private static final String FROM =
            "FROM posts p LEFT JOIN user_post_state s ON s.post_id = p.id AND s.user_id = :reader";

    /** The conditions of a selection, with their values; lists are written into the SQL (ids are numbers). */
    private static StringBuilder where(long readerId, Selection s, Map<String, Object> binds) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        binds.put("reader", readerId);
        inList(where, "p.feed_id", s.feedIds());
        inList(where, "p.id", s.ids());
        condition(
                where,
                binds,
                " AND (p.feed_id IN (SELECT id FROM feeds WHERE category = :label) OR EXISTS (SELECT 1 FROM"
                        + " user_post_labels l WHERE l.user_id = :reader AND l.label = :label AND l.post_id = p.id))",
                "label",
                s.label());
        condition(
                where,
                binds,
                " AND EXISTS (SELECT 1 FROM post_topics t WHERE t.post_id = p.id AND t.topic = :topic)",
                "topic",
                s.topic());
        condition(where, binds, " AND p.kind = :kind", "kind", s.kind());
        condition(where, binds, " AND p.hype_score >= :minHype", "minHype", s.minHype());
        condition(where, binds, " AND p.stance = :stance", "stance", s.stance());
        if (s.read() != null) {
            where.append(s.read() ? " AND s.read_at IS NOT NULL" : " AND s.read_at IS NULL");
        }
        if (s.starred() != null) {
            where.append(s.starred() ? " AND s.starred_at IS NOT NULL" : " AND s.starred_at IS NULL");
        }
        condition(where, binds, " AND p.first_seen_at >= :seenFrom", "seenFrom", utc(s.seenFrom()));
        condition(where, binds, " AND p.first_seen_at < :seenBefore", "seenBefore", utc(s.seenBefore()));
        condition(where, binds, " AND p.id > :aboveId", "aboveId", s.aboveId());
        condition(where, binds, " AND p.id < :belowId", "belowId", s.belowId());
        return where;
    }

    private static void inList(StringBuilder where, String column, List<Long> values) {
        if (values != null) {
            where.append(values.isEmpty() ? " AND 1 = 0" : " AND " + column + " IN (");
            for (int i = 0; i < values.size(); i++) {
                where.append(i == 0 ? "" : ", ").append(values.get(i).longValue());
            }
            where.append(values.isEmpty() ? "" : ")");
        }
    }
}
