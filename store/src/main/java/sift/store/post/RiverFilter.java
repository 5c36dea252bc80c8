package sift.store.post;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What the river shows: every post, or only those of a topic, a kind, a feed, a stance, or up to a hype score;
 * and of those all, the reader's unread or the reader's starred ones. Null fields do not filter. Values are
 * checked here, so a bad one is refused with its name before any query.
 */
public record RiverFilter(String topic, String kind, Long feedId, String stance, Integer maxHype, Show show) {
    public static final RiverFilter ALL = new RiverFilter(null, null, null, null, null, Show.ALL);
    public static final Set<String> TOPICS = Set.of(
            "routing", "datacenter", "security", "automation", "cloud", "ai-ml", "operations", "internet", "career");
    public static final Set<String> KINDS = Set.of("article", "podcast", "release", "incident", "announcement");
    public static final Set<String> STANCES = Set.of("hype", "neutral", "skeptical");

    /** Which of the posts, by what the reader did with them. */
    public enum Show {
        ALL,
        UNREAD,
        STARRED;

        /** Reads "all", "unread" or "starred"; anything else is refused with the value named. */
        public static Show parse(String value) {
            for (Show show : values()) {
                if (show.id().equals(value)) {
                    return show;
                }
            }
            throw new IllegalArgumentException("show must be all, unread or starred, not '" + value + "'");
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public RiverFilter {
        Objects.requireNonNull(show, "show");
        if (topic != null && !TOPICS.contains(topic)) {
            throw new IllegalArgumentException("topic must be one of " + TOPICS + ", not '" + topic + "'");
        }
        if (kind != null && !KINDS.contains(kind)) {
            throw new IllegalArgumentException("kind must be one of " + KINDS + ", not '" + kind + "'");
        }
        if (stance != null && !STANCES.contains(stance)) {
            throw new IllegalArgumentException("stance must be one of " + STANCES + ", not '" + stance + "'");
        }
        if (maxHype != null && (maxHype < 0 || maxHype > 100)) {
            throw new IllegalArgumentException("maxHype is a hype score from 0 to 100, not " + maxHype);
        }
    }

    /** This filter on another set of the reader's posts. */
    public RiverFilter with(Show other) {
        return new RiverFilter(topic, kind, feedId, stance, maxHype, other);
    }

    /** True when the topic, kind, feed, stance and hype score do not filter (whichever posts it shows). */
    public boolean isAll() {
        return with(Show.ALL).equals(ALL);
    }
}
