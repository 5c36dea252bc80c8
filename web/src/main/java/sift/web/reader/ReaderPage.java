package sift.web.reader;

import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import sift.store.feed.FeedReach;
import sift.store.post.RiverFilter;
import sift.web.http.Dates;

/**
 * The river: the newest posts that pass its filter, the cursor of the next page when there is one, and the new
 * releases of products the reader watches, which lead the first page. Pairs with reader/list.jte.
 */
public record ReaderPage(
        List<Item> posts,
        List<Item> watchedReleases,
        String nextCursor,
        boolean firstPage,
        RiverFilter filter,
        FeedReach reach) {
    public ReaderPage {
        posts = List.copyOf(posts);
        watchedReleases = List.copyOf(watchedReleases);
    }

    public record Item(
            long id,
            String title,
            long feedId,
            String feedTitle,
            String summary,
            String kind,
            Dates.Shown published,
            List<String> topics,
            int hypeScore,
            String stance,
            boolean read,
            boolean starred) {}

    /** The hype scores the filter bar offers as a most; any other the address may still give. */
    public static final List<Integer> HYPE_CHOICES = List.of(20, 40, 60, 80);

    /** A filter's values in the order the filter bar lists them. */
    public static List<String> choices(Set<String> values) {
        return values.stream().sorted().toList();
    }

    /** The filter's query string ({@code show=unread&topic=routing}), empty when it shows everything. */
    public String filterQuery() {
        return query(filter);
    }

    /** A filter's query string ({@code show=unread&topic=routing}), empty when it shows everything. */
    public static String query(RiverFilter filter) {
        StringJoiner q = new StringJoiner("&");
        if (filter.show() != RiverFilter.Show.ALL) {
            q.add("show=" + filter.show().id());
        }
        if (filter.topic() != null) {
            q.add("topic=" + filter.topic());
        }
        if (filter.kind() != null) {
            q.add("kind=" + filter.kind());
        }
        if (filter.feedId() != null) {
            q.add("feed=" + filter.feedId());
        }
        if (filter.stance() != null) {
            q.add("stance=" + filter.stance());
        }
        if (filter.maxHype() != null) {
            q.add("maxHype=" + filter.maxHype());
        }
        return q.toString();
    }

    /** The filter but for unread and starred, in words for the heading: "topic routing, stance hype". */
    public String filterWords() {
        return words(filter);
    }

    /** A filter but for unread and starred, in words: "topic routing, feed #7, hype at most 40"; empty for none. */
    public static String words(RiverFilter filter) {
        return query(filter.with(RiverFilter.Show.ALL))
                .replace("=", " ")
                .replace("&", ", ")
                .replace("maxHype", "hype at most")
                .replace("feed ", "feed #");
    }

    /** The link to the same filter showing all, unread or starred posts. */
    public String showLink(String show) {
        String rest = query(filter.with(RiverFilter.Show.parse(show)));
        return rest.isEmpty() ? "/" : "/?" + rest;
    }

    /** The link that drops the filter but keeps all, unread or starred. */
    public String clearLink() {
        return filter.show() == RiverFilter.Show.ALL
                ? "/"
                : "/?show=" + filter.show().id();
    }

    /** The ids of the posts on this page, comma-separated, for "mark page read". */
    public String ids() {
        return String.join(",", posts.stream().map(p -> Long.toString(p.id())).toList());
    }
}
