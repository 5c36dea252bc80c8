package sift.store.post;

import java.util.Set;

/**
 * What the river shows: every post, or only those of a topic, a kind, a feed, a stance, or up to a hype score.
 * Null fields do not filter. Values are checked here, so a bad one is refused with its name before any query.
 */
public record RiverFilter(String topic, String kind, Long feedId, String stance, Integer maxHype) {
    public static final RiverFilter ALL = new RiverFilter(null, null, null, null, null);
    public static final Set<String> TOPICS = Set.of("routing", "datacenter", "security", "automation", "cloud",
            "ai-ml", "operations", "internet", "career");
    public static final Set<String> KINDS = Set.of("article", "podcast", "release", "incident", "announcement");
    public static final Set<String> STANCES = Set.of("hype", "neutral", "skeptical");

    public RiverFilter {
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

    public boolean isAll() {
        return equals(ALL);
    }
}
