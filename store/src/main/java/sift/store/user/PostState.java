package sift.store.user;

import java.time.Instant;

/** What one reader did with one post: read, starred, how far into its episode, played. */
public record PostState(Instant readAt, Instant starredAt, int playPositionSeconds, Instant playedAt) {
    /** A post the reader has not touched. */
    public static final PostState UNTOUCHED = new PostState(null, null, 0, null);

    public boolean read() {
        return readAt != null;
    }

    public boolean starred() {
        return starredAt != null;
    }

    public boolean played() {
        return playedAt != null;
    }
}
