package sift.store.search;

import java.time.Instant;
import java.util.List;

/**
 * A page of results and how many posts matched: exactly, or at least {@code total} when more than a thousand
 * match and counting them all would cost more than the search.
 */
public record SearchResult(long total, boolean totalExact, List<Hit> hits, long tookMicros) {
    public SearchResult {
        hits = List.copyOf(hits);
    }

    /**
     * One matching post: what a result list shows of it, its score and a snippet around the matches; {@code
     * byMeaning} when it lacks the query's words and was found by meaning alone; {@code said} when the words were
     * found in what was said in an episode and not in its text (the snippet is then the cue that says them).
     */
    public record Hit(
            long id,
            String title,
            String feedTitle,
            String kind,
            Instant publishedAt,
            float score,
            Snippet snippet,
            boolean byMeaning,
            List<String> topics,
            String stance,
            int hypeScore,
            Said said) {}

    /** Where in an episode the words were said: from {@code startMillis} (null when the transcript has no times). */
    public record Said(Integer startMillis, String speaker) {}
}
