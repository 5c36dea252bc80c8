package sift.store.post;

import static sift.store.sql.Sql.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.statement.StatementContext;

/** The rows of posts as the stores read them: the columns each view selects, and how a row becomes a record. */
public final class PostRows {
    private PostRows() {}

    static final String SUMMARY_COLUMNS = """
            p.id, p.feed_id, COALESCE(f.title, f.url) AS feed_title, p.title, p.link, p.author,
            p.published_at, p.summary, p.kind, p.hype_score, p.stance,
            p.topic_ids, s.read_at IS NOT NULL AS is_read, s.starred_at IS NOT NULL AS is_starred""";

    /** An archived post has no text left; it is found by its title and summary. */
    static final String INDEXABLE_COLUMNS = """
            p.id, p.title, COALESCE(c.text, p.summary) AS words, p.kind, p.topic_ids, p.stance, p.hype_score,
            p.published_at, p.changed_at, p.feed_id, COALESCE(f.title, f.url) AS feed_title, p.vector""";

    /** The posts joined with their content, which archived posts no longer have. */
    static final String POSTS_WITH_CONTENT = """
            FROM posts p JOIN feeds f ON f.id = p.feed_id LEFT JOIN post_contents c ON c.post_id = p.id""";

    static PostSummary mapSummary(ResultSet rs, StatementContext ctx) throws SQLException {
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

    static IndexablePost mapIndexable(ResultSet rs, StatementContext ctx) throws SQLException {
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
                Vectors.vector(rs.getBytes("vector")),
                List.of());
    }

    static Post mapPost(ResultSet rs, PostFacts facts, List<Enclosure> enclosures) throws SQLException {
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
}
