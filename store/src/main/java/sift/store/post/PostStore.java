package sift.store.post;

import static sift.store.sql.Sql.fit;
import static sift.store.sql.Sql.instant;
import static sift.store.sql.Sql.utc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Posts with their enclosures and facts. Each upsert is one transaction; the same post stored twice changes
 * nothing.
 */
public final class PostStore {
    private static final String SUMMARY_COLUMNS = """
            p.id, p.feed_id, COALESCE(f.title, f.url) AS feed_title, p.title, p.link, p.author,
            p.published_at, p.summary, p.kind, p.hype_score, p.stance,
            p.topic_ids, s.read_at IS NOT NULL AS is_read, s.starred_at IS NOT NULL AS is_starred""";

    /** An archived post has no text left; it is found by its title and summary. */
    private static final String INDEXABLE_COLUMNS = """
            p.id, p.title, COALESCE(c.text, p.summary) AS words, p.kind, p.topic_ids, p.stance, p.hype_score,
            p.published_at, p.changed_at, p.feed_id, COALESCE(f.title, f.url) AS feed_title, p.vector""";

    private static final String INSERT = """
            INSERT INTO posts (feed_id, guid, link, title, author, published_at, updated_at, summary,
                               content_hash, kind, hype_score, stance, topic_ids, vector, first_seen_at, changed_at)
            VALUES (:feedId, :guid, :link, :title, :author, :publishedAt, :updatedAt, :summary,
                    :hash, :kind, :hypeScore, :stance, :topicIds, :vector, :seenAt, CURRENT_TIMESTAMP)""";

    private static final String INSERT_CONTENT =
            "INSERT INTO post_contents (post_id, html, text) VALUES (:postId, :contentHtml, :contentText)";

    /** The posts joined with their content, which archived posts no longer have. */
    private static final String POSTS_WITH_CONTENT = """
            FROM posts p JOIN feeds f ON f.id = p.feed_id LEFT JOIN post_contents c ON c.post_id = p.id""";

    private final Jdbi jdbi;

    public PostStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Stores the post unless the feed already has it unchanged. A post is the same post when its GUID
     * matches, else its link, else its content; {@code seenAt} dates a post whose feed gives no date.
     */
    public Upsert upsert(PostDraft draft, Instant seenAt) {
        return jdbi.inTransaction(h -> upsert(h, draft, seenAt));
    }

    /**
     * Stores the posts of one fetch, each as {@link #upsert} does, in its own transaction: a post the database
     * refuses is handed to {@code refused} and the others are stored. The stored ones, in order. (One transaction
     * for the whole feed was faster on H2, but a process killed during such a transaction left the database
     * counting a post that was never committed; see docs/BENCHMARKS.md.)
     */
    public List<Upsert> upsertAll(List<PostDraft> drafts, Instant seenAt, BiConsumer<PostDraft, RuntimeException> refused) {
        List<Upsert> stored = new ArrayList<>(drafts.size());
        for (PostDraft draft : drafts) {
            try {
                stored.add(upsert(draft, seenAt));
            } catch (RuntimeException e) {
                refused.accept(draft, e);
            }
        }
        return stored;
    }

    /**
     * Which of these posts (of one feed) are stored already exactly as they are: those need no analysis and no
     * write. Same identity and content hash as {@link #upsert} uses.
     */
    public boolean[] alreadyStored(List<PostDraft> drafts) {
        boolean[] same = new boolean[drafts.size()];
        if (drafts.isEmpty()) {
            return same;
        }
        // a feed may list the same GUID twice: each of them is compared
        Map<String, List<Integer>> byIdentity = new HashMap<>();
        List<String> hashes = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            String hash = contentHash(drafts.get(i));
            hashes.add(hash);
            byIdentity.computeIfAbsent(fit(identity(drafts.get(i), hash), 2048), k -> new ArrayList<>()).add(i);
        }
        long feedId = drafts.get(0).feedId();
        List<String> identities = new ArrayList<>(byIdentity.keySet());
        jdbi.useHandle(h -> {
            for (int from = 0; from < identities.size(); from += 500) {
                h.createQuery("SELECT guid, content_hash FROM posts WHERE feed_id = :feedId AND guid IN (<guids>)")
                        .bind("feedId", feedId)
                        .bindList("guids", identities.subList(from, Math.min(identities.size(), from + 500)))
                        .map((rs, ctx) -> Map.entry(rs.getString("guid"), rs.getString("content_hash")))
                        .forEach(row -> {
                            for (int i : byIdentity.get(row.getKey())) {
                                same[i] = hashes.get(i).equals(row.getValue()) && drafts.get(i).feedId() == feedId;
                            }
                        });
            }
        });
        return same;
    }

    private Upsert upsert(Handle h, PostDraft draft, Instant seenAt) {
        String hash = contentHash(draft);
        String identity = identity(draft, hash);
        Optional<Stored> stored = h.createQuery(
                        "SELECT id, content_hash FROM posts WHERE feed_id = :feedId AND guid = :guid")
                .bind("feedId", draft.feedId())
                .bind("guid", fit(identity, 2048))
                .map((rs, ctx) -> new Stored(rs.getLong("id"), rs.getString("content_hash")))
                .findOne();
        if (stored.isEmpty()) {
            long id = insert(h, draft, fit(identity, 2048), hash, seenAt);
            insertDetails(h, List.of(id), List.of(draft));
            return new Upsert(id, Upsert.Outcome.CREATED);
        }
        long id = stored.get().id();
        if (stored.get().contentHash().equals(hash)) {
            return new Upsert(id, Upsert.Outcome.UNCHANGED);
        }
        update(h, id, draft, hash);
        // replaced whole; an archived post that changed has its content again
        for (String table : List.of("post_contents", "post_enclosures")) {
            h.createUpdate("DELETE FROM " + table + " WHERE post_id = :id").bind("id", id).execute();
        }
        Facts.delete(h, id);
        insertDetails(h, List.of(id), List.of(draft));
        return new Upsert(id, Upsert.Outcome.UPDATED);
    }

    /**
     * Inserts new posts with their content, enclosures and facts in one transaction, for bulk loads such as
     * {@code sift bench-data}: no lookup of
     * existing posts, so a post already stored fails the whole batch on the feed+GUID constraint.
     */
    public void insertBatch(List<PostDraft> drafts, Instant seenAt) {
        jdbi.useTransaction(h -> {
            var batch = h.prepareBatch(INSERT);
            for (PostDraft d : drafts) {
                String hash = contentHash(d);
                batch.bind("feedId", d.feedId())
                        .bind("guid", fit(identity(d, hash), 2048))
                        .bindMap(postValues(d, hash))
                        .bind("publishedAt", utc(d.publishedAt() != null ? d.publishedAt() : seenAt))
                        .bind("seenAt", utc(seenAt))
                        .add();
            }
            insertDetails(h, batch.executePreparedBatch("id").mapTo(Long.class).list(), drafts);
        });
    }

    /**
     * Replaces what the NLP found out about a post, e.g. after a new model, in one transaction; the post
     * counts as changed, so the search index follows. False when there is no such post.
     */
    public boolean replaceFacts(long postId, PostFacts facts) {
        return jdbi.inTransaction(h -> {
            int updated = h.createUpdate("""
                            UPDATE posts SET kind = :kind, hype_score = :hypeScore, stance = :stance, topic_ids = :topicIds,
                                vector = :vector, changed_at = CURRENT_TIMESTAMP
                            WHERE id = :id""")
                    .bind("id", postId)
                    .bindMap(Facts.postValues(facts))
                    .execute();
            if (updated == 1) {
                Facts.replace(h, postId, facts);
            }
            return updated == 1;
        });
    }

    /**
     * Archives posts published before the cutoff that no reader starred: their full content goes, their
     * title, link, summary, facts and identity stay (so that their feed does not bring them back). Works in
     * batches of a thousand posts, each its own transaction, and returns how many it archived.
     */
    public int archiveBefore(Instant cutoff) {
        int total = 0;
        int archived;
        do {
            archived = jdbi.inTransaction(h -> {
                List<Long> ids = h.createQuery("""
                                SELECT p.id FROM posts p
                                WHERE p.archived_at IS NULL AND p.published_at < :cutoff
                                  AND NOT EXISTS (SELECT 1 FROM user_post_state s
                                                  WHERE s.post_id = p.id AND s.starred_at IS NOT NULL)
                                ORDER BY p.published_at LIMIT 1000""")
                        .bind("cutoff", utc(cutoff))
                        .mapTo(Long.class)
                        .list();
                if (!ids.isEmpty()) {
                    h.createUpdate("""
                                    UPDATE posts SET archived_at = CURRENT_TIMESTAMP, changed_at = CURRENT_TIMESTAMP
                                    WHERE id IN (<ids>)""")
                            .bindList("ids", ids)
                            .execute();
                    h.createUpdate("DELETE FROM post_contents WHERE post_id IN (<ids>)").bindList("ids", ids).execute();
                }
                return ids.size();
            });
            total += archived;
        } while (archived > 0);
        return total;
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
            throw new IllegalArgumentException("only a signed-in reader has " + filter.show().id() + " posts");
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
        condition(where, binds, " AND EXISTS (SELECT 1 FROM post_topics t WHERE t.post_id = p.id AND t.topic = :topic)",
                "topic", filter.topic());
        condition(where, binds, " AND p.kind = :kind", "kind", filter.kind());
        condition(where, binds, " AND p.feed_id = :feed", "feed", filter.feedId());
        condition(where, binds, " AND p.stance = :stance", "stance", filter.stance());
        condition(where, binds, " AND p.hype_score <= :maxHype", "maxHype", filter.maxHype());
        where.append(switch (filter.show()) {
            case ALL -> "";
            case UNREAD -> " AND s.read_at IS NULL";
            case STARRED -> " AND s.starred_at IS NOT NULL";
        });
        return jdbi.withHandle(h -> h.createQuery("SELECT " + SUMMARY_COLUMNS + """

                        FROM posts p JOIN feeds f ON f.id = p.feed_id
                        LEFT JOIN user_post_state s ON s.post_id = p.id AND s.user_id = :reader""" + where
                        + " ORDER BY p.published_at DESC, p.id DESC LIMIT :limit")
                .bindMap(binds)
                .bind("limit", limit)
                .map(PostStore::mapSummary)
                .list());
    }

    /**
     * The reader's unread releases of the products the reader watches, published since {@code since}, newest
     * first: they lead the reader's river.
     */
    public List<PostSummary> watchedReleases(long readerId, Instant since, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + SUMMARY_COLUMNS + """

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
                .map(PostStore::mapSummary)
                .list());
    }

    /** Adds a condition of the river's filter and its value, when the filter sets one. */
    private static void condition(StringBuilder where, Map<String, Object> binds, String sql, String name, Object value) {
        if (value != null) {
            where.append(sql);
            binds.put(name, value);
        }
    }

    public Optional<Post> find(long id) {
        return jdbi.withHandle(h -> {
            List<Enclosure> enclosures = enclosures(h, id);
            return h.createQuery("""
                            SELECT p.*, c.html, COALESCE(f.title, f.url) AS feed_title
                            """ + POSTS_WITH_CONTENT + " WHERE p.id = :id")
                    .bind("id", id)
                    .map((rs, ctx) -> mapPost(rs, Facts.read(h, id, rs.getString("kind"), rs.getInt("hype_score"),
                            rs.getString("stance"), rs.getBytes("vector")), enclosures))
                    .findOne();
        });
    }

    /** Whether a post of this id is stored: cheap, for requests that change a reader's state of it. */
    public boolean exists(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM posts WHERE id = :id")
                .bind("id", id).mapTo(Integer.class).one() > 0);
    }

    public int count() {
        return jdbi.withHandle(
                h -> h.createQuery("SELECT COUNT(*) FROM posts").mapTo(Integer.class).one());
    }

    /**
     * Posts changed after the given change, in the order of their changes ({@code changed_at}, then id): the
     * search index follows the posts table with it.
     */
    public List<IndexablePost> changedAfter(Instant at, long id, int limit) {
        // two index range scans instead of one OR, which neither database can walk in index order
        return jdbi.withHandle(h -> changedAfter(h, at, id, limit));
    }

    private static List<IndexablePost> changedAfter(Handle h, Instant at, long id, int limit) {
        List<IndexablePost> page = new ArrayList<>(h.createQuery("SELECT " + INDEXABLE_COLUMNS + "\n"
                        + POSTS_WITH_CONTENT + """

                        WHERE p.changed_at = :at AND p.id > :id
                        ORDER BY p.id LIMIT :limit""")
                .bind("at", utc(at))
                .bind("id", id)
                .bind("limit", limit)
                .map(PostStore::mapIndexable)
                .list());
        if (page.size() < limit) {
            page.addAll(h.createQuery("SELECT " + INDEXABLE_COLUMNS + "\n"
                            + POSTS_WITH_CONTENT + """

                            WHERE p.changed_at > :at
                            ORDER BY p.changed_at, p.id LIMIT :limit""")
                    .bind("at", utc(at))
                    .bind("limit", limit - page.size())
                    .map(PostStore::mapIndexable)
                    .list());
        }
        return page;
    }

    /** The ids and change times of posts changed within [from, to]: cheap, read from the index alone. */
    public Map<Long, Instant> changesBetween(Instant from, Instant to) {
        return jdbi.withHandle(h -> {
            Map<Long, Instant> changes = new HashMap<>();
            h.createQuery("SELECT id, changed_at FROM posts WHERE changed_at >= :from AND changed_at <= :to")
                    .bind("from", utc(from))
                    .bind("to", utc(to))
                    .map((rs, ctx) -> changes.put(rs.getLong("id"), instant(rs, "changed_at")))
                    .forEach(ignored -> {});
            return changes;
        });
    }

    /** The posts of these ids, in no particular order; ids of posts that no longer exist are left out. */
    public List<IndexablePost> byIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + INDEXABLE_COLUMNS + "\n" + POSTS_WITH_CONTENT + " WHERE p.id IN (<ids>)")
                .bindList("ids", ids)
                .map(PostStore::mapIndexable)
                .list());
    }

    /**
     * Posts not linked to a story yet, after {@code afterId} in the order they were stored: the search index
     * links them ({@code SearchIndex.linkStories}).
     */
    public List<IndexablePost> withoutStory(long afterId, int limit) {
        return walk("p.story_id IS NULL AND ", afterId, limit);
    }

    /** Posts after {@code afterId} in the order they were stored, with their words: a walk over the archive. */
    public List<IndexablePost> afterId(long afterId, int limit) {
        return walk("", afterId, limit);
    }

    private List<IndexablePost> walk(String condition, long afterId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + INDEXABLE_COLUMNS + "\n" + POSTS_WITH_CONTENT
                        + " WHERE " + condition + "p.id > :after ORDER BY p.id LIMIT :limit")
                .bind("after", afterId)
                .bind("limit", limit)
                .map(PostStore::mapIndexable)
                .list());
    }

    /** The stories of these posts, by post id; posts not linked to a story yet are left out. */
    public Map<Long, Long> stories(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbi.withHandle(h -> {
            Map<Long, Long> stories = new HashMap<>();
            h.createQuery("SELECT id, story_id FROM posts WHERE story_id IS NOT NULL AND id IN (<ids>)")
                    .bindList("ids", List.copyOf(ids))
                    .map((rs, ctx) -> stories.put(rs.getLong("id"), rs.getLong("story_id")))
                    .forEach(ignored -> {});
            return stories;
        });
    }

    /** Links posts to their stories (post id to story id); a post's change time stays, as nothing shown changed. */
    public void linkStories(Map<Long, Long> storyByPost) {
        jdbi.useTransaction(h -> {
            var batch = h.prepareBatch("UPDATE posts SET story_id = :story WHERE id = :id");
            storyByPost.forEach((id, story) -> batch.bind("id", id).bind("story", story).add());
            batch.execute();
        });
    }

    /** Posts of other feeds that tell the story this post tells, oldest first. */
    public List<PostSummary> sameStory(long postId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + SUMMARY_COLUMNS + """

                        FROM posts o
                        JOIN posts p ON p.story_id = o.story_id AND p.feed_id <> o.feed_id
                        JOIN feeds f ON f.id = p.feed_id
                        LEFT JOIN user_post_state s ON s.post_id = p.id AND s.user_id = -1
                        WHERE o.id = :id
                        ORDER BY p.published_at, p.id LIMIT :limit""")
                .bind("id", postId)
                .bind("limit", limit)
                .map(PostStore::mapSummary)
                .list());
    }

    /** These posts as the river lists them, in the order of the ids given; ids of no post are left out. */
    public List<PostSummary> summaries(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, PostSummary> byId = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT " + SUMMARY_COLUMNS + """

                        FROM posts p JOIN feeds f ON f.id = p.feed_id
                        LEFT JOIN user_post_state s ON s.post_id = p.id AND s.user_id = -1
                        WHERE p.id IN (<ids>)""")
                .bindList("ids", ids)
                .map(PostStore::mapSummary)
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
                    .map((rs, ctx) -> enclosures.computeIfAbsent(rs.getLong("post_id"), id -> new ArrayList<>()).add(
                            new Enclosure(rs.getString("url"), rs.getObject("length", Long.class), rs.getString("mime_type"))))
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

    /** The identities of a feed's posts (GUID, else link, else content hash), for checks and exports. */
    public List<String> guids(long feedId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT guid FROM posts WHERE feed_id = :feedId ORDER BY id")
                .bind("feedId", feedId)
                .mapTo(String.class)
                .list());
    }

    private static long insert(Handle h, PostDraft d, String identity, String hash, Instant seenAt) {
        return h.createUpdate(INSERT)
                .bind("feedId", d.feedId())
                .bind("guid", identity)
                .bindMap(postValues(d, hash))
                .bind("publishedAt", utc(d.publishedAt() != null ? d.publishedAt() : seenAt))
                .bind("seenAt", utc(seenAt))
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    private static void update(Handle h, long id, PostDraft d, String hash) {
        h.createUpdate("""
                        UPDATE posts SET link = :link, title = :title, author = :author,
                            published_at = COALESCE(:publishedAt, published_at), updated_at = :updatedAt,
                            summary = :summary, content_hash = :hash, kind = :kind, hype_score = :hypeScore, stance = :stance,
                            topic_ids = :topicIds, vector = :vector,
                            archived_at = NULL, changed_at = CURRENT_TIMESTAMP
                        WHERE id = :id""")
                .bind("id", id)
                .bindMap(postValues(d, hash))
                .bind("publishedAt", utc(d.publishedAt()))
                .execute();
    }

    private static Map<String, Object> contentValues(PostDraft d) {
        var values = new HashMap<String, Object>();
        values.put("contentHtml", fit(d.shownHtml(), 1_000_000));
        values.put("contentText", fit(d.shownText(), 1_000_000));
        return values;
    }

    private static Map<String, Object> postValues(PostDraft d, String hash) {
        var values = new HashMap<String, Object>();
        values.put("link", fit(d.link(), 2048));
        values.put("title", fit(d.title(), 1000));
        values.put("author", fit(d.author(), 500));
        values.put("updatedAt", utc(d.updatedAt()));
        values.put("summary", fit(d.summary(), 4000));
        values.put("hash", hash);
        values.putAll(Facts.postValues(d.facts()));
        return values;
    }

    /** Inserts the content, enclosures and facts of new posts: the i-th draft belongs to the i-th id. */
    private static void insertDetails(Handle h, List<Long> ids, List<PostDraft> drafts) {
        var contents = h.prepareBatch(INSERT_CONTENT);
        var enclosures = h.prepareBatch("""
                INSERT INTO post_enclosures (post_id, position, url, length, mime_type)
                VALUES (:postId, :position, :url, :length, :mimeType)""");
        for (int i = 0; i < ids.size(); i++) {
            PostDraft d = drafts.get(i);
            contents.bind("postId", ids.get(i)).bindMap(contentValues(d)).add();
            for (int position = 0; position < d.enclosures().size(); position++) {
                Enclosure e = d.enclosures().get(position);
                enclosures.bind("postId", ids.get(i))
                        .bind("position", position)
                        .bind("url", fit(e.url(), 2048))
                        .bind("length", e.length())
                        .bind("mimeType", fit(e.mimeType(), 200))
                        .add();
            }
        }
        contents.execute();
        if (enclosures.size() > 0) {
            enclosures.execute();
        }
        Facts.insert(h, ids, drafts.stream().map(PostDraft::facts).toList());
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

    /** The post's identity within its feed: its GUID, else its link, else its content hash. */
    private static String identity(PostDraft d, String hash) {
        return d.guid() != null ? d.guid() : d.link() != null ? d.link() : "sha256:" + hash;
    }

    /**
     * SHA-256 over what the feed says of the post: a changed title, link, summary or content is a change. The
     * article fetched in place of a teaser is left out, so the same teaser seen again is the same post.
     */
    static String contentHash(PostDraft d) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {d.title(), d.link(), d.summary(), d.contentHtml(), d.author()}) {
                sha.update(Objects.toString(part, "").getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            for (Enclosure e : d.enclosures()) {
                sha.update((e.url() + ' ' + e.length() + ' ' + e.mimeType()).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static PostSummary mapSummary(ResultSet rs, StatementContext ctx) throws SQLException {
        return new PostSummary(
                rs.getLong("id"),
                rs.getLong("feed_id"),
                rs.getString("feed_title"),
                rs.getString("title"),
                rs.getString("link"),
                rs.getString("author"),
                instant(rs, "published_at"),
                rs.getString("summary"),
                rs.getString("kind"),
                rs.getInt("hype_score"),
                rs.getString("stance"),
                topicIds(rs),
                rs.getBoolean("is_read"),
                rs.getBoolean("is_starred"));
    }

    /** The post row's topic ids, best first (written with its facts). */
    public static List<String> topicIds(ResultSet rs) throws SQLException {
        String ids = rs.getString("topic_ids");
        return ids.isEmpty() ? List.of() : List.of(ids.split(","));
    }

    private static IndexablePost mapIndexable(ResultSet rs, StatementContext ctx) throws SQLException {
        return new IndexablePost(
                rs.getLong("id"),
                rs.getLong("feed_id"),
                rs.getString("feed_title"),
                rs.getString("title"),
                rs.getString("words"),
                rs.getString("kind"),
                topicIds(rs),
                rs.getString("stance"),
                rs.getInt("hype_score"),
                instant(rs, "published_at"),
                instant(rs, "changed_at"),
                Vectors.vector(rs.getBytes("vector")));
    }

    private static Post mapPost(ResultSet rs, PostFacts facts, List<Enclosure> enclosures) throws SQLException {
        return new Post(
                rs.getLong("id"),
                rs.getLong("feed_id"),
                rs.getString("feed_title"),
                rs.getString("guid"),
                rs.getString("link"),
                rs.getString("title"),
                rs.getString("author"),
                instant(rs, "published_at"),
                instant(rs, "updated_at"),
                rs.getString("summary"),
                rs.getString("html"),
                facts,
                enclosures,
                instant(rs, "archived_at"));
    }

    private record Stored(long id, String contentHash) {}
}
