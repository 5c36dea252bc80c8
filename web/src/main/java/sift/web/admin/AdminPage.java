package sift.web.admin;

import java.time.Duration;
import java.time.Instant;
import sift.store.feed.FeedHealth;
import sift.web.http.Dates;

/** Words for the admin pages' tables. */
public final class AdminPage {
    private AdminPage() {}

    /** How the feed's last fetch went: ok, not modified, failed, stopped (disabled), or not fetched yet. */
    public static String status(FeedHealth health) {
        if (!health.settings().enabled()) {
            return "stopped";
        }
        return health.feed().lastStatus() == null
                ? "not fetched yet"
                : switch (health.feed().lastStatus()) {
                    case OK -> "ok";
                    case NOT_MODIFIED -> "not modified";
                    case FAILED -> "failed";
                };
    }

    /** When, relative to now: "5 min ago", or "in 25 min" for what is due. */
    public static String when(Instant at, Instant now) {
        if (at == null) {
            return "never";
        }
        if (!at.isAfter(now)) {
            return Dates.shown(at, now).relative();
        }
        Duration ahead = Duration.between(now, at);
        return ahead.toMinutes() < 1
                ? "now"
                : ahead.toHours() < 1
                        ? "in " + ahead.toMinutes() + " min"
                        : ahead.toDays() < 1 ? "in " + ahead.toHours() + " h" : "in " + ahead.toDays() + " days";
    }

    /** A share as a whole percentage, or a dash when there were no fetches. */
    public static String share(Double share) {
        return share == null ? "-" : Math.round(share * 100) + " %";
    }

    /** A figure from 0 to 1 (precision, recall, F1) to three decimals. */
    public static String decimal(double figure) {
        return String.format(java.util.Locale.ROOT, "%.3f", figure);
    }
}
