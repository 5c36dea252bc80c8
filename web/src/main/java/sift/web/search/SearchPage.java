package sift.web.search;

import java.util.List;
import sift.store.user.SavedSearchStore;
import sift.web.http.Dates;
import sift.web.http.WebLinks;

/**
 * The search page: the query as typed, its results or the reason it could not be read; the reader's saved searches,
 * and the one shown when this is a saved search's view (else null). Pairs with search/results.jte.
 */
public record SearchPage(
        String query,
        boolean byDate,
        String error,
        String total,
        List<Item> results,
        String tookMs,
        String previousHref,
        String nextHref,
        List<SavedSearchStore.SavedSearch> saved,
        SavedSearchStore.SavedSearch current) {

    public SearchPage {
        results = List.copyOf(results);
        saved = List.copyOf(saved);
    }

    /** Whether the query shown is one of the reader's saved searches already. */
    public boolean isSaved() {
        return saved.stream().anyMatch(s -> s.query().equals(query));
    }

    /** The feed of this view: the saved search's, else the search's newest first, else all posts. */
    public String feed() {
        if (current != null) {
            return "/feeds/searches/" + current.id() + ".atom";
        }
        return query.isBlank() ? "/feeds/posts.atom" : WebLinks.with("/feeds/posts.atom", "q", query);
    }

    /** A result; {@code byMeaning} when the post lacks the query's words and is near them in meaning. */
    public record Item(
            long id,
            String title,
            String feedTitle,
            String kind,
            Dates.Shown published,
            List<Piece> snippet,
            boolean byMeaning,
            List<String> topics,
            String stance,
            int hypeScore,
            Said said) {
        public Item {
            snippet = List.copyOf(snippet);
            topics = List.copyOf(topics);
        }

        /** The post's page; for words said in an episode, at the time they were said. */
        public String href() {
            return "/posts/" + id + (said == null || said.seconds() == null ? "" : "?t=" + said.seconds());
        }
    }

    /** Words found in what was said in an episode: when (null: the transcript has no times) and by whom (or null). */
    public record Said(Integer seconds, String speaker) {
        /** "said at 12:34 by Ivan", as the result shows it. */
        public String label() {
            return sift.web.http.EpisodeLabels.said(seconds, speaker);
        }
    }

    public record Piece(String text, boolean match) {}
}
