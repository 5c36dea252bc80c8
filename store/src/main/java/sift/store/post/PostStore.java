package sift.store.post;

import static sift.store.sql.Sql.fit;
import static sift.store.sql.Sql.utc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import sift.store.sql.Sql;

/**
 * The writes of posts with their enclosures and facts. Each upsert is one transaction (the posts of one fetch: one
 * for them all); the same post stored twice changes nothing. The reader's queries are {@link PostQueries}, the
 * search index's change feed {@link PostChanges}.
 */
public final class PostStore {
    private final Jdbi jdbi;

    /** How far ahead of Sift's clock a feed's date may be (servers' clocks differ) before it is not believed. */
    static final java.time.Duration CLOCK_SKEW = java.time.Duration.ofHours(1);
    /** The problem of an archived episode's transcript, whose cues went with the post's content. */
    public static final String TRANSCRIPT_ARCHIVED = "let go when the post was archived";

    public PostStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    private static final String INSERT = """
            INSERT INTO posts (feed_id, guid, link, title, author, published_at, updated_at, summary,
                               content_hash, kind, hype_score, stance, topic_ids, vector, first_seen_at, changed_at)
            VALUES (:feedId, :guid, :link, :title, :author, :publishedAt, :updatedAt, :summary,
                    :hash, :kind, :hypeScore, :stance, :topicIds, :vector, :seenAt, CURRENT_TIMESTAMP)""";

    private static final String INSERT_CONTENT =
            "INSERT INTO post_contents (post_id, html, text) VALUES (:postId, :contentHtml, :contentText)";

    /**
     * Stores the post unless the feed already has it unchanged. A post is the same post when its GUID
     * matches, else its link, else its content; {@code seenAt} dates a post whose feed gives no date.
     */
    public Upsert upsert(PostDraft draft, Instant seenAt) {
        return jdbi.inTransaction(h -> upsert(h, draft, seenAt));
    }

    /**
     * Stores the posts of one fetch (of one feed), each as {@link #upsert} would, in one transaction: the new ones
     * in JDBC batches. If the database refuses one of them, that transaction is rolled back and each post is
     * stored in a transaction of its own: the one refused is handed to {@code refused}, the others are stored.
     * The stored ones, in order.
     *
     * <p>No savepoints: with several transactions writing at once, H2 2.5 came back from a {@code kill -9} with
     * part of a transaction that used savepoints and never committed (bench/h2-kill, docs/OPERATIONS.md).
     */
    public List<Upsert> upsertAll(
            List<PostDraft> drafts, Instant seenAt, BiConsumer<PostDraft, RuntimeException> refused) {
        if (drafts.isEmpty()) {
            return List.of();
        }
        try {
            return jdbi.inTransaction(h -> upsertAll(h, drafts, seenAt));
        } catch (RuntimeException batchRefused) {
            if (Sql.unreachable(batchRefused) || Sql.diskFull(batchRefused)) {
                throw batchRefused; // not a post's fault: the feed is given back and tried again
            }
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
    }

    /**
     * The posts of one feed in the transaction of {@code h}: the new ones (the first of each identity) inserted
     * in batches, the others one by one, as {@link #upsert} does.
     */
    private static List<Upsert> upsertAll(Handle h, List<PostDraft> drafts, Instant seenAt) {
        List<String> hashes = drafts.stream().map(PostStore::contentHash).toList();
        List<String> identities = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            identities.add(fit(identity(drafts.get(i), hashes.get(i)), 2048));
        }
        Map<String, String> stored = storedHashes(h, drafts.get(0).feedId(), identities);
        Upsert[] done = new Upsert[drafts.size()];
        List<Integer> fresh = new ArrayList<>();
        Set<String> firsts = new HashSet<>();
        for (int i = 0; i < drafts.size(); i++) {
            if (drafts.get(i).feedId() == drafts.get(0).feedId()
                    && !stored.containsKey(identities.get(i))
                    && firsts.add(identities.get(i))) {
                fresh.add(i);
            }
        }
        if (!fresh.isEmpty()) {
            var batch = h.prepareBatch(INSERT);
            for (int i : fresh) {
                bindNew(batch, drafts.get(i), identities.get(i), hashes.get(i), seenAt);
            }
            List<Long> ids = batch.executePreparedBatch("id").mapTo(Long.class).list();
            insertDetails(h, ids, fresh.stream().map(drafts::get).toList());
            for (int k = 0; k < fresh.size(); k++) {
                done[fresh.get(k)] = new Upsert(ids.get(k), Upsert.Outcome.CREATED);
            }
        }
        List<Upsert> all = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            all.add(done[i] != null ? done[i] : upsert(h, drafts.get(i), seenAt));
        }
        return all;
    }

    /** The content hash of each of these identities the feed has stored. */
    private static Map<String, String> storedHashes(Handle h, long feedId, List<String> identities) {
        Map<String, String> stored = new HashMap<>();
        List<String> distinct = identities.stream().distinct().toList();
        for (int from = 0; from < distinct.size(); from += 500) {
            h.createQuery("SELECT guid, content_hash FROM posts WHERE feed_id = :feedId AND guid IN (<guids>)")
                    .bind("feedId", feedId)
                    .bindList("guids", distinct.subList(from, Math.min(distinct.size(), from + 500)))
                    .map((rs, ctx) -> Map.entry(rs.getString("guid"), rs.getString("content_hash")))
                    .forEach(row -> stored.put(row.getKey(), row.getValue()));
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
            byIdentity
                    .computeIfAbsent(fit(identity(drafts.get(i), hash), 2048), k -> new ArrayList<>())
                    .add(i);
        }
        long feedId = drafts.get(0).feedId();
        Map<String, String> stored =
                jdbi.withHandle(h -> storedHashes(h, feedId, new ArrayList<>(byIdentity.keySet())));
        stored.forEach((identity, storedHash) -> {
            for (int i : byIdentity.get(identity)) {
                same[i] = hashes.get(i).equals(storedHash) && drafts.get(i).feedId() == feedId;
            }
        });
        return same;
    }

    /**
     * The transcript stored with the post that {@code draft} is a new version of, or null (a new post, or an episode
     * without one): its validators let the file be asked for conditionally, and its cues serve when it has not
     * changed.
     */
    public PostFacts.Transcript storedTranscript(PostDraft draft) {
        String identity = fit(identity(draft, contentHash(draft)), 2048);
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT p.id, e.transcript_read_url, e.transcript_problem, e.transcript_etag,
                               e.transcript_last_modified
                        FROM posts p JOIN post_episodes e ON e.post_id = p.id
                        WHERE p.feed_id = :feedId AND p.guid = :guid AND e.transcript_read_url IS NOT NULL""")
                .bind("feedId", draft.feedId())
                .bind("guid", identity)
                .map((rs, ctx) -> Facts.transcript(h, rs.getLong("id"), rs))
                .findOne()
                .orElse(null));
    }

    private static Upsert upsert(Handle h, PostDraft draft, Instant seenAt) {
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
        update(h, id, draft, hash, seenAt);
        // replaced whole; an archived post that changed has its content again
        for (String table : List.of("post_contents", "post_enclosures")) {
            h.createUpdate("DELETE FROM " + table + " WHERE post_id = :id")
                    .bind("id", id)
                    .execute();
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
                bindNew(batch, d, fit(identity(d, hash), 2048), hash, seenAt);
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
     * Archives posts published before the cutoff that no reader starred or labelled: their full content goes (an
     * episode's transcript too, its problem then {@link #TRANSCRIPT_ARCHIVED}), their title, link, summary, facts
     * and identity stay (so that their feed does not bring them back). Works in
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
                                  AND NOT EXISTS (SELECT 1 FROM user_post_labels l WHERE l.post_id = p.id)
                                ORDER BY p.published_at LIMIT 1000""")
                        .bind("cutoff", utc(cutoff))
                        .mapTo(Long.class)
                        .list();
                if (!ids.isEmpty()) {
                    h.createUpdate("""
                                    UPDATE posts SET archived_at = CURRENT_TIMESTAMP, changed_at = CURRENT_TIMESTAMP
                                    WHERE id IN (<ids>)""").bindList("ids", ids).execute();
                    h.createUpdate("DELETE FROM post_contents WHERE post_id IN (<ids>)")
                            .bindList("ids", ids)
                            .execute();
                    // a transcript is content too: its cues go, and the episode says so
                    h.createUpdate("DELETE FROM episode_cues WHERE post_id IN (<ids>)")
                            .bindList("ids", ids)
                            .execute();
                    h.createUpdate("""
                                    UPDATE post_episodes SET transcript_problem = :archived
                                    WHERE post_id IN (<ids>) AND transcript_read_url IS NOT NULL""")
                            .bind("archived", TRANSCRIPT_ARCHIVED)
                            .bindList("ids", ids)
                            .execute();
                }
                return ids.size();
            });
            total += archived;
        } while (archived > 0);
        return total;
    }

    /** The identities of a feed's posts (GUID, else link, else content hash), for checks and exports. */
    public List<String> guids(long feedId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT guid FROM posts WHERE feed_id = :feedId ORDER BY id")
                .bind("feedId", feedId)
                .mapTo(String.class)
                .list());
    }

    private static void bindNew(PreparedBatch batch, PostDraft d, String identity, String hash, Instant seenAt) {
        batch.bind("feedId", d.feedId())
                .bind("guid", identity)
                .bindMap(postValues(d, hash))
                .bind("publishedAt", publishedAt(d, seenAt))
                .bind("seenAt", utc(seenAt))
                .add();
    }

    private static long insert(Handle h, PostDraft d, String identity, String hash, Instant seenAt) {
        return h.createUpdate(INSERT)
                .bind("feedId", d.feedId())
                .bind("guid", identity)
                .bindMap(postValues(d, hash))
                .bind("publishedAt", publishedAt(d, seenAt))
                .bind("seenAt", utc(seenAt))
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    /**
     * When the post says it was published; when Sift saw it if it says nothing, or a time more than
     * {@link #CLOCK_SKEW} after that: a post dated in the future (a wrong clock on the feed's server, a scheduled
     * post) would otherwise head the river until that day.
     */
    private static java.time.OffsetDateTime publishedAt(PostDraft d, Instant seenAt) {
        Instant claimed = d.publishedAt();
        return utc(claimed == null || claimed.isAfter(seenAt.plus(CLOCK_SKEW)) ? seenAt : claimed);
    }

    private static void update(Handle h, long id, PostDraft d, String hash, Instant seenAt) {
        h.createUpdate("""
                        UPDATE posts SET link = :link, title = :title, author = :author,
                            published_at = COALESCE(:publishedAt, published_at), updated_at = :updatedAt,
                            summary = :summary, content_hash = :hash, kind = :kind, hype_score = :hypeScore, stance = :stance,
                            topic_ids = :topicIds, vector = :vector,
                            archived_at = NULL, changed_at = CURRENT_TIMESTAMP
                        WHERE id = :id""")
                .bind("id", id)
                .bindMap(postValues(d, hash))
                .bind("publishedAt", d.publishedAt() == null ? null : publishedAt(d, seenAt))
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
                enclosures
                        .bind("postId", ids.get(i))
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

    private record Stored(long id, String contentHash) {}
}
