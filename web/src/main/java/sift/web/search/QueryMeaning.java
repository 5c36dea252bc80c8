package sift.web.search;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sentence encoder's vector of a query, with which a search by relevance also finds posts by meaning. When the
 * encoder cannot run (a model that does not load), searches go by words alone, and the log says so once.
 */
public final class QueryMeaning {
    private static final Logger log = LoggerFactory.getLogger(QueryMeaning.class);

    private final Function<String, float[]> encoder;
    private final AtomicBoolean failed = new AtomicBoolean();

    public QueryMeaning(Function<String, float[]> encoder) {
        this.encoder = encoder;
    }

    /** The query's vector, or null for words alone. */
    public float[] of(String query) {
        try {
            return encoder.apply(query);
        } catch (RuntimeException | LinkageError e) {
            if (failed.compareAndSet(false, true)) {
                log.warn(
                        "Search by meaning is off, searching by words alone: the sentence encoder failed on the query "
                                + "'{}': {}",
                        query,
                        e.toString());
            }
            return null;
        }
    }
}
