package sift.web.feeds;

import java.util.List;

/** The formats a page offers its view's feed in, for {@code <link rel="alternate">} autodiscovery. */
public final class FeedLinks {
    /** One format of a feed: its media type, a name people know it by, its address. */
    public record Alternate(String type, String name, String href) {}

    private FeedLinks() {}

    /** The feed at {@code href} (any of .rss, .atom, .json) in the three formats, the one given first. */
    public static List<Alternate> alternates(String href) {
        int query = href.indexOf('?');
        String path = query < 0 ? href : href.substring(0, query);
        String rest = query < 0 ? "" : href.substring(query);
        int dot = path.lastIndexOf('.');
        String stem = path.substring(0, dot);
        String given = path.substring(dot + 1);
        List<Alternate> all = List.of(
                new Alternate("application/atom+xml", "Atom", stem + ".atom" + rest),
                new Alternate("application/rss+xml", "RSS", stem + ".rss" + rest),
                new Alternate("application/feed+json", "JSON Feed", stem + ".json" + rest));
        return all.stream()
                .sorted((a, b) -> Boolean.compare(
                        !a.href().startsWith(stem + "." + given), !b.href().startsWith(stem + "." + given)))
                .toList();
    }
}
