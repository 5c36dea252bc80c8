package sift.store.user;

import static sift.store.sql.Sql.instant;
import static sift.store.sql.Sql.utc;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import sift.store.sql.Sql;

/**
 * Each reader's state of each post: one row per reader and post that the reader did something with. Every
 * change is a single statement on that row, made after making sure the row exists; when two first changes
 * race to create the row, the loser finds it on its second try.
 */
public final class PostStateStore {
    private final Jdbi jdbi;

    public PostStateStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public PostState state(long userId, long postId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT read_at, starred_at, play_position_seconds, played_at FROM user_post_state
                        WHERE user_id = :userId AND post_id = :postId""")
                .bind("userId", userId)
                .bind("postId", postId)
                .map((rs, ctx) -> new PostState(
                        instant(rs, "read_at"),
                        instant(rs, "starred_at"),
                        rs.getInt("play_position_seconds"),
                        instant(rs, "played_at")))
                .findOne()
                .orElse(PostState.UNTOUCHED));
    }

    /** Marks the post read (keeping the first time it was read) or unread. */
    public void setRead(long userId, long postId, boolean read, Instant now) {
        change(userId, postId, now, read ? "read_at = COALESCE(read_at, :now)" : "read_at = NULL");
    }

    /** Marks these posts read (or unread) in one transaction; ids of posts that do not exist are skipped. */
    public void setRead(long userId, List<Long> postIds, boolean read, Instant now) {
        inTransaction(h -> {
            for (long postId : postIds) {
                boolean exists = h.createQuery("SELECT COUNT(*) FROM posts WHERE id = :id")
                                .bind("id", postId)
                                .mapTo(Integer.class)
                                .one()
                        > 0;
                if (exists) {
                    ensureRow(h, userId, postId, now);
                    update(h, userId, postId, now, read ? "read_at = COALESCE(read_at, :now)" : "read_at = NULL");
                }
            }
        });
    }

    public void setStarred(long userId, long postId, boolean starred, Instant now) {
        change(userId, postId, now, starred ? "starred_at = COALESCE(starred_at, :now)" : "starred_at = NULL");
    }

    /** Remembers where the reader paused the episode, so that playing resumes there. */
    public void savePlayPosition(long userId, long postId, int seconds, Instant now) {
        if (seconds < 0) {
            throw new IllegalArgumentException("a play position is never negative, got " + seconds + " s");
        }
        inTransaction(h -> {
            ensureRow(h, userId, postId, now);
            h.createUpdate("""
                            UPDATE user_post_state SET play_position_seconds = :seconds, changed_at = :now
                            WHERE user_id = :userId AND post_id = :postId""")
                    .bind("seconds", seconds)
                    .bind("now", utc(now))
                    .bind("userId", userId)
                    .bind("postId", postId)
                    .execute();
        });
    }

    /** Marks the episode played (it then starts from the beginning again) or not played. */
    public void setPlayed(long userId, long postId, boolean played, Instant now) {
        change(
                userId,
                postId,
                now,
                played ? "played_at = COALESCE(played_at, :now), play_position_seconds = 0" : "played_at = NULL");
    }

    private void change(long userId, long postId, Instant now, String assignment) {
        inTransaction(h -> {
            ensureRow(h, userId, postId, now);
            update(h, userId, postId, now, assignment);
        });
    }

    private static void update(Handle h, long userId, long postId, Instant now, String assignment) {
        h.createUpdate("UPDATE user_post_state SET " + assignment + ", changed_at = :now"
                        + " WHERE user_id = :userId AND post_id = :postId")
                .bind("now", utc(now))
                .bind("userId", userId)
                .bind("postId", postId)
                .execute();
    }

    private void inTransaction(HandleConsumer<RuntimeException> work) {
        try {
            jdbi.useTransaction(work);
        } catch (JdbiException e) {
            if (!Sql.uniqueViolation(e)) {
                throw e;
            }
            jdbi.useTransaction(work);
        }
    }

    private static void ensureRow(Handle h, long userId, long postId, Instant now) {
        h.createUpdate("""
                        INSERT INTO user_post_state (user_id, post_id, changed_at)
                        SELECT :userId, :postId, :now
                        WHERE NOT EXISTS (SELECT 1 FROM user_post_state WHERE user_id = :userId AND post_id = :postId)""")
                .bind("userId", userId)
                .bind("postId", postId)
                .bind("now", utc(now))
                .execute();
    }
}
