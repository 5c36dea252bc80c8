package sift.store.search;

import java.time.Instant;
import java.util.Objects;

/**
 * A search: the query text, a page of results, the order (relevance blended with recency, or newest first), the
 * time the posts were published in ({@code published}, null for any time), and the query's meaning: the sentence
 * encoder's vector of its text ({@code meaning}, null for words alone), with which a search by relevance for words
 * alone also finds the posts nearest in meaning. A limit or offset out of range is refused as the query is: with a
 * {@link SearchSyntaxException} naming it.
 */
public record SearchRequest(String query, int limit, int offset, Order order, Period published, float[] meaning) {
    public static final int MAX_LIMIT = 100;
    public static final int MAX_DEPTH = 1000;

    public enum Order {
        RELEVANCE,
        DATE
    }

    /** Posts published from {@code from} on and before {@code before}. */
    public record Period(Instant from, Instant before) {
        public Period {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(before, "before");
            if (!from.isBefore(before)) {
                throw new IllegalArgumentException("a period runs forward, not from " + from + " to " + before);
            }
        }
    }

    public SearchRequest {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(order, "order");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new SearchSyntaxException("limit must be from 1 to " + MAX_LIMIT + ", not " + limit);
        }
        // offset + limit could pass the largest int: compared the other way round
        if (offset < 0 || offset > MAX_DEPTH - limit) {
            throw new SearchSyntaxException("offset must be from 0 to " + (MAX_DEPTH - limit) + " with limit " + limit
                    + ", not " + offset + ": results go " + MAX_DEPTH + " deep at most; refine the query");
        }
    }

    /** A search by words, at any time. */
    public SearchRequest(String query, int limit, int offset, Order order) {
        this(query, limit, offset, order, null, null);
    }
}
