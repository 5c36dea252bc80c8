package sift.nlp.taxonomy;

import java.util.Locale;
import java.util.Optional;

/** What sort of post this is; one per post. The ids are stable: the API, feeds and tests use them. */
public enum Kind {
    ARTICLE,
    PODCAST,
    RELEASE,
    INCIDENT,
    ANNOUNCEMENT;

    /** The stable id, as in the design's taxonomy: {@code article}, {@code podcast}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Kind> byId(String id) {
        for (Kind k : values()) {
            if (k.id().equals(id)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
