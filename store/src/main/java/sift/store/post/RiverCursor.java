package sift.store.post;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a page of the river ends: the sort key of its last post. Keyset paging stays fast deep down.
 *
 * <p>The cursor keeps the instant exactly as the database gave it back (microseconds on H2 and PostgreSQL): a
 * cursor cut to milliseconds skipped every post within the millisecond of a page's last post, and so a whole
 * undated feed stored in one go (issue 20).
 */
public record RiverCursor(Instant publishedAt, long id) {
    /** The instants a cursor may name: what both databases can compare a timestamp with. */
    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    /** Epoch second, then {@code .} and the nanosecond of that second in nine digits, then {@code -} and the id. */
    private static final Pattern TOKEN = Pattern.compile("(-?\\d{1,19})(?:\\.(\\d{9}))?-(\\d{1,19})");

    public RiverCursor {
        Objects.requireNonNull(publishedAt, "publishedAt");
    }

    /**
     * The cursor as a URL-safe token (digits, {@code .} and {@code -}): the epoch second and the nanosecond within
     * it ({@link Instant#getEpochSecond()}, {@link Instant#getNano()}), then the id, e.g.
     * {@code 1764158400.123456000-42}.
     */
    public String token() {
        return publishedAt.getEpochSecond() + "." + String.format("%09d", publishedAt.getNano()) + "-" + id;
    }

    /**
     * Reads a token made by {@link #token()}; a token without the {@code .} is one of the epoch milliseconds that
     * Sift made before issue 20, read as such. A malformed token, or one outside the years 1 to 9999, is refused
     * with the token named.
     */
    public static RiverCursor parse(String token) {
        Matcher m = TOKEN.matcher(token);
        if (!m.matches()) {
            throw refused(token, "");
        }
        try {
            long time = Long.parseLong(m.group(1));
            Instant at = m.group(2) == null
                    ? Instant.ofEpochMilli(time)
                    : Instant.ofEpochSecond(time, Integer.parseInt(m.group(2)));
            if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
                throw refused(token, ": its time is outside the years 1 to 9999");
            }
            return new RiverCursor(at, Long.parseLong(m.group(3)));
        } catch (NumberFormatException | DateTimeException e) {
            throw refused(token, ": a number in it is too large");
        }
    }

    private static IllegalArgumentException refused(String token, String why) {
        String shown = token.length() > 80 ? token.substring(0, 80) + "…" : token;
        return new IllegalArgumentException("not a page cursor: '" + shown + "'" + why);
    }
}
