package sift.store.search;

import java.util.Objects;

/** A search: the query text, a page of results, and the order (relevance blended with recency, or newest first). */
public record SearchRequest(String query, int limit, int offset, Order order) {
    public static final int MAX_LIMIT = 100;
    public static final int MAX_DEPTH = 1000;

    public enum Order {
        RELEVANCE,
        DATE
    }

    public SearchRequest {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(order, "order");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        if (offset < 0 || offset + limit > MAX_DEPTH) {
            throw new IllegalArgumentException("results go " + MAX_DEPTH + " deep at most; refine the query");
        }
    }
}
