package sift.store.search;

import java.time.Instant;
import java.util.List;

/** A page of results and how many posts matched in all. */
public record SearchResult(long total, List<Hit> hits, long tookMicros) {
    public SearchResult {
        hits = List.copyOf(hits);
    }

    /** One matching post: what a result list shows of it, its score and a snippet around the matches. */
    public record Hit(long id, String title, String feedTitle, String kind, Instant publishedAt, float score,
            Snippet snippet) {}
}
