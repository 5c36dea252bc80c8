package sift.store.post;

import java.time.Instant;
import java.util.Objects;

/** Where a page of the river ends: the sort key of its last post. Keyset paging stays fast deep down. */
public record RiverCursor(Instant publishedAt, long id) {
    public RiverCursor {
        Objects.requireNonNull(publishedAt, "publishedAt");
    }

    /** The cursor as a URL-safe token: epoch milliseconds and id. */
    public String token() {
        return publishedAt.toEpochMilli() + "-" + id;
    }

    /** Reads a token made by {@link #token()}; a malformed one is refused with the token named. */
    public static RiverCursor parse(String token) {
        int dash = token.lastIndexOf('-');
        try {
            if (dash <= 0) {
                throw new NumberFormatException();
            }
            return new RiverCursor(
                    Instant.ofEpochMilli(Long.parseLong(token.substring(0, dash))),
                    Long.parseLong(token.substring(dash + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a page cursor: '" + token + "'");
        }
    }
}
