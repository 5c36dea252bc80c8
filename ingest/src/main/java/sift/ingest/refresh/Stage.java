package sift.ingest.refresh;

import java.util.Locale;

/** The parts of a refresh whose CPU time ingest counts ({@link IngestMetrics}): the cost sheet of a post. */
public enum Stage {
    /** The request, the answer's body read and decompressed. */
    FETCH,
    /** XML or JSON to entries. */
    PARSE,
    /** Sanitising and the plain text of every entry, and the drafts to compare with what is stored. */
    CLEAN,
    /** Article pages fetched for teasers. */
    FULL_TEXT,
    /** Topics, kind, AI claims, release, episode and the sentence vector of new and changed posts. */
    ANALYSIS,
    /** The look-up of what is stored, the writes of posts and of the feed's fetch state. */
    STORE;

    /** The label on {@code /metrics}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
