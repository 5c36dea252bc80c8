package sift.nlp.taxonomy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** The nine topics of the design's taxonomy; a post has usually one to three. The ids are stable. */
public enum Topic {
    ROUTING,
    DATACENTER,
    SECURITY,
    AUTOMATION,
    CLOUD,
    AI_ML,
    OPERATIONS,
    INTERNET,
    CAREER;

    /** The stable id: {@code routing}, ..., {@code ai-ml}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Stream<Topic> stream() {
        return Arrays.stream(values());
    }

    public static Optional<Topic> byId(String id) {
        for (Topic t : values()) {
            if (t.id().equals(id)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
