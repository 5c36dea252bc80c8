package sift.nlp;

/** What sort of post this is; one per post. The ids are stable: the API, feeds and tests use them. */
public enum Kind {
    ARTICLE,
    PODCAST,
    RELEASE,
    INCIDENT,
    ANNOUNCEMENT;

    /** The stable id, as in the design's taxonomy: {@code article}, {@code podcast}, ... */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
