package sift.web.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as a reader sees them: "3 h ago" beside the full date, in UTC. */
public final class Dates {
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private Dates() {}

    /** A date as a page shows it: ISO-8601 for {@code <time datetime>}, in full, and relative to now. */
    public record Shown(String iso, String full, String relative) {}

    public static Shown shown(Instant at, Instant now) {
        return new Shown(at.toString(), full(at), relative(at, now));
    }

    private static String full(Instant at) {
        return FULL.format(at);
    }

    private static String relative(Instant at, Instant now) {
        Duration ago = Duration.between(at, now);
        if (ago.isNegative()) {
            return "in the future";
        }
        if (ago.toMinutes() < 1) {
            return "just now";
        }
        if (ago.toHours() < 1) {
            return ago.toMinutes() + " min ago";
        }
        if (ago.toDays() < 1) {
            return ago.toHours() + " h ago";
        }
        if (ago.toDays() < 30) {
            return ago.toDays() == 1 ? "yesterday" : ago.toDays() + " days ago";
        }
        return DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
                .withZone(ZoneOffset.UTC)
                .format(at);
    }
}
