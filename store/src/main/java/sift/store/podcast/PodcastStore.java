package sift.store.podcast;

import static sift.store.sql.Sql.instant;
import static sift.store.sql.Sql.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import sift.store.post.RiverCursor;

/**
 * Podcast shows and their episodes, with what one reader did with them (null: nobody is signed in, and then
 * nothing is played). An episode is a post with an episode fact.
 */
public final class PodcastStore {
    private static final String EPISODE_COLUMNS = """
            p.id, p.title, p.published_at, p.summary, e.show_name, e.season, e.episode_number, e.duration_seconds,
            s.played_at IS NOT NULL AS played, COALESCE(s.play_position_seconds, 0) AS position""";
    private static final String EPISODES = """
            FROM post_episodes e JOIN posts p ON p.id = e.post_id
            LEFT JOIN user_post_state s ON s.post_id = e.post_id AND s.user_id = :reader""";

    private final Jdbi jdbi;

    public PodcastStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** What a show's feed says of it: its description and artwork (either may be null), and its site. */
    public record About(String description, String imageUrl, String siteUrl) {}

    /** A show's description, artwork and site, from the feed of its newest episode; empty for an unknown show. */
    public Optional<About> about(String show) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT f.description, f.image_url, f.site_url
                        FROM post_episodes e JOIN posts p ON p.id = e.post_id JOIN feeds f ON f.id = p.feed_id
                        WHERE e.show_name = :show ORDER BY p.published_at DESC, p.id DESC LIMIT 1""")
                .bind("show", show)
                .map((rs, ctx) ->
                        new About(rs.getString("description"), rs.getString("image_url"), rs.getString("site_url")))
                .findOne());
    }

    /** A show: how many episodes Sift has, how many of them the reader has not played, and the newest one's date. */
    public record Show(String name, int episodes, int unplayed, Instant latest) {}

    /** An episode as a list shows it: number, date, duration, show notes (the summary) and the reader's state. */
    public record Episode(
            long postId,
            String title,
            String show,
            Instant publishedAt,
            String summary,
            Integer season,
            Integer number,
            Integer durationSeconds,
            boolean played,
            int positionSeconds) {
        /** Started and not finished. */
        public boolean inProgress() {
            return !played && positionSeconds > 0;
        }
    }

    /** Every show, the one with the newest episode first. */
    public List<Show> shows(Long readerId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT e.show_name, COUNT(*) AS episodes, MAX(p.published_at) AS latest,
                               SUM(CASE WHEN s.played_at IS NULL THEN 1 ELSE 0 END) AS unplayed
                        """ + EPISODES + """

                        GROUP BY e.show_name ORDER BY latest DESC, e.show_name""")
                .bind("reader", reader(readerId))
                .map((rs, ctx) -> new Show(
                        rs.getString("show_name"), rs.getInt("episodes"), rs.getInt("unplayed"), instant(rs, "latest")))
                .list());
    }

    /** A show's episodes, newest first, after the cursor when one is given (keyset paging, as the river). */
    public List<Episode> episodes(String show, Long readerId, int limit, RiverCursor after) {
        String page = after == null ? "" : " AND p.published_at <= :at AND (p.published_at < :at OR p.id < :id)";
        return jdbi.withHandle(
                h -> h.createQuery("SELECT " + EPISODE_COLUMNS + "\n" + EPISODES + "\nWHERE e.show_name = :show" + page
                                + " ORDER BY p.published_at DESC, p.id DESC LIMIT :limit")
                        .bind("reader", reader(readerId))
                        .bind("show", show)
                        .bind("at", after == null ? null : utc(after.publishedAt()))
                        .bind("id", after == null ? 0 : after.id())
                        .bind("limit", limit)
                        .map(PodcastStore::map)
                        .list());
    }

    /** The episodes the reader started and has not finished, the one paused last first. */
    public List<Episode> inProgress(long readerId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + EPISODE_COLUMNS + "\n" + EPISODES + """

                        WHERE s.play_position_seconds > 0 AND s.played_at IS NULL
                        ORDER BY s.changed_at DESC LIMIT :limit""")
                .bind("reader", readerId)
                .bind("limit", limit)
                .map(PodcastStore::map)
                .list());
    }

    private static long reader(Long readerId) {
        return readerId == null ? -1 : readerId;
    }

    private static Episode map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Episode(
                rs.getLong("id"),
                rs.getString("title"),
                rs.getString("show_name"),
                instant(rs, "published_at"),
                rs.getString("summary"),
                rs.getObject("season", Integer.class),
                rs.getObject("episode_number", Integer.class),
                rs.getObject("duration_seconds", Integer.class),
                rs.getBoolean("played"),
                rs.getInt("position"));
    }
}
