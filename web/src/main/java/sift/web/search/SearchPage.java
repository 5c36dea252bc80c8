package sift.web.search;

import java.util.List;
import sift.web.Dates;

/**
 * The search page: the query as typed, its results or the reason it could not be read. Pairs with
 * search/results.jte.
 */
public record SearchPage(String query, boolean byDate, String error, String total, List<Item> results, String tookMs,
        String previousHref, String nextHref) {

    public SearchPage {
        results = List.copyOf(results);
    }

    public record Item(long id, String title, String feedTitle, String kind, Dates.Shown published,
            List<Piece> snippet) {
        public Item {
            snippet = List.copyOf(snippet);
        }
    }

    public record Piece(String text, boolean match) {}
}
