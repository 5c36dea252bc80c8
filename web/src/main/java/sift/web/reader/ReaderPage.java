package sift.web.reader;

import java.util.List;
import sift.web.Dates;

/** The river: the newest posts, and the cursor of the next page when there is one. Pairs with reader/list.jte. */
public record ReaderPage(List<Item> posts, String nextCursor, boolean firstPage) {
    public ReaderPage {
        posts = List.copyOf(posts);
    }

    public record Item(long id, String title, String feedTitle, String summary, String kind, Dates.Shown published,
            List<String> topics, int hypeScore, String stance) {}
}
