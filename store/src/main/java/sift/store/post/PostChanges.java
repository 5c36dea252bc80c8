package sift.store.post;

import static sift.store.sql.Sql.instant;
import static sift.store.sql.Sql.utc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The posts as the search index follows them: what changed after a point, walks over the archive in the order posts
 * were stored, and the stories the index links posts into.
 */
public final class PostChanges {
    private final Jdbi jdbi;

    public PostChanges(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public int count() {
        return jdbi.withHandle(h ->
                h.createQuery("SELECT COUNT(*) FROM posts").mapTo(Integer.class).one());
    }

    /**
     * Posts changed after the given change, in the order of their changes ({@code changed_at}, then id): the
     * search index follows the posts table with it.
     */
    public List<IndexablePost> changedAfter(Instant at, long id, int limit) {
        // two index range scans instead of one OR, which neither database can walk in index order
        return jdbi.withHandle(h -> withTranscripts(h, changedAfter(h, at, id, limit)));
    }

    private static List<IndexablePost> changedAfter(Handle h, Instant at, long id, int limit) {
        List<IndexablePost> page = new ArrayList<>(
                h.createQuery("SELECT " + PostRows.INDEXABLE_COLUMNS + "\n" + PostRows.POSTS_WITH_CONTENT + """

                        WHERE p.changed_at = :at AND p.id > :id
                        ORDER BY p.id LIMIT :limit""")
                        .bind("at", utc(at))
                        .bind("id", id)
                        .bind("limit", limit)
                        .map(PostRows::mapIndexable)
                        .list());
        if (page.size() < limit) {
            page.addAll(h.createQuery("SELECT " + PostRows.INDEXABLE_COLUMNS + "\n" + PostRows.POSTS_WITH_CONTENT + """

                            WHERE p.changed_at > :at
                            ORDER BY p.changed_at, p.id LIMIT :limit""")
                    .bind("at", utc(at))
                    .bind("limit", limit - page.size())
                    .map(PostRows::mapIndexable)
                    .list());
        }
        return page;
    }

    /** The posts with what was said in those that are episodes with a transcript: one query for all of them. */
    private static List<IndexablePost> withTranscripts(Handle h, List<IndexablePost> posts) {
        if (posts.isEmpty()) {
            return posts;
        }
        Map<Long, List<PostFacts.Cue>> cues = new HashMap<>();
        h.createQuery("""
                        SELECT post_id, start_millis, speaker, words FROM episode_cues
                        WHERE post_id IN (<ids>) ORDER BY post_id, position""")
                .bindList("ids", posts.stream().map(IndexablePost::id).toList())
                .map((rs, ctx) -> cues.computeIfAbsent(rs.getLong("post_id"), id -> new ArrayList<>())
                        .add(new PostFacts.Cue(
                                rs.getObject("start_millis", Integer.class),
                                rs.getString("speaker"),
                                rs.getString("words"))))
                .forEach(ignored -> {});
        return cues.isEmpty()
                ? posts
                : posts.stream()
                        .map(p -> cues.containsKey(p.id()) ? p.withTranscript(cues.get(p.id())) : p)
                        .toList();
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
        return jdbi.withHandle(h -> withTranscripts(
                h,
                h.createQuery("SELECT " + PostRows.INDEXABLE_COLUMNS + "\n" + PostRows.POSTS_WITH_CONTENT
                                + " WHERE p.id IN (<ids>)")
                        .bindList("ids", ids)
                        .map(PostRows::mapIndexable)
                        .list()));
    }

    /**
     * Posts not linked to a story yet, after {@code afterId} in the order they were stored, without what was said in
     * them: the search index links them ({@code SearchIndex.linkStories}).
     */
    public List<IndexablePost> withoutStory(long afterId, int limit) {
        return walk(true, afterId, limit);
    }

    /** Posts after {@code afterId} in the order they were stored, with their words: a walk over the archive. */
    public List<IndexablePost> afterId(long afterId, int limit) {
        return walk(false, afterId, limit);
    }

    /**
     * The ids of a walk's next batch, read in the order of an index so that the database stops at the limit instead
     * of sorting what matches: the posts without a story by {@code posts_story} (story_id, id), all of them by the
     * primary key. Ordered by id alone, H2 read the unlinked posts by {@code posts_story} and sorted all of them for
     * each batch of story linking (5.7 s a batch at a million posts, and garbage that paused the reader's requests).
     */
    static String walkIds(boolean withoutStory) {
        return withoutStory
                ? "SELECT p.id FROM posts p WHERE p.story_id IS NULL AND p.id > :after ORDER BY p.story_id, p.id"
                        + " LIMIT :limit"
                : "SELECT p.id FROM posts p WHERE p.id > :after ORDER BY p.id LIMIT :limit";
    }

    private List<IndexablePost> walk(boolean withoutStory, long afterId, int limit) {
        return jdbi.withHandle(h -> {
            // the ids first, from the posts alone; then their rows. Asked in one query with the joins, H2 read and
            // sorted the whole archive for each batch (30-50 s at a million posts)
            List<Long> ids = h.createQuery(walkIds(withoutStory))
                    .bind("after", afterId)
                    .bind("limit", limit)
                    .mapTo(Long.class)
                    .list();
            if (ids.isEmpty()) {
                return List.<IndexablePost>of();
            }
            List<IndexablePost> posts = h.createQuery("SELECT " + PostRows.INDEXABLE_COLUMNS + "\n"
                            + PostRows.POSTS_WITH_CONTENT + " WHERE p.id IN (<ids>) ORDER BY p.id")
                    .bindList("ids", ids)
                    .map(PostRows::mapIndexable)
                    .list();
            // stories are linked by what was written: what was said is read only for the index and re-scoring
            return withoutStory ? posts : withTranscripts(h, posts);
        });
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
            storyByPost.forEach(
                    (id, story) -> batch.bind("id", id).bind("story", story).add());
            batch.execute();
        });
    }
}
