package sift.ingest.parse;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The names feed elements are known by: the namespace's usual prefix and the local name in lower case
 * ({@code itunes:duration}, {@code title}), whatever prefix a feed chose and under whichever of the old URIs of RSS and
 * Atom it wrote them.
 */
final class Namespaces {
    private Namespaces() {}

    private static final Map<String, String> PREFIXES = new HashMap<>();

    static {
        for (String core : List.of(
                "",
                "http://backend.userland.com/rss",
                "http://blogs.law.harvard.edu/tech/rss",
                "http://purl.org/rss/1.0/",
                "http://my.netscape.com/rdf/simple/0.9/",
                "http://example.com/newformat#",
                "http://example.com/necho",
                "http://purl.org/echo/",
                "uri/of/echo/namespace#",
                "http://purl.org/pie/",
                "http://purl.org/atom/ns#",
                "http://www.w3.org/2005/atom",
                "http://purl.org/rss/1.0/modules/rss091#",
                "http://backend.userland.com/rss2")) {
            PREFIXES.put(core, "");
        }
        PREFIXES.put("http://purl.org/dc/elements/1.1/", "dc");
        PREFIXES.put("http://purl.org/dc/terms/", "dcterms");
        PREFIXES.put("http://purl.org/rss/1.0/modules/content/", "content");
        PREFIXES.put("http://www.itunes.com/dtds/podcast-1.0.dtd", "itunes");
        PREFIXES.put("http://example.com/dtds/podcast-1.0.dtd", "itunes");
        PREFIXES.put("http://search.yahoo.com/mrss/", "media");
        PREFIXES.put("http://search.yahoo.com/mrss", "media");
        PREFIXES.put("http://www.w3.org/1999/xhtml", "xhtml");
        PREFIXES.put("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "rdf");
        PREFIXES.put("https://podcastindex.org/namespace/1.0", "podcast");
        PREFIXES.put("https://github.com/podcastindex-org/podcast-namespace/blob/main/docs/1.0.md", "podcast");
        PREFIXES.put("http://www.w3.org/2005/atom#", "");
    }

    /** The element's name as {@link FeedMapper} matches it: prefix and local name, core RSS and Atom bare. */
    static String key(XmlNode n) {
        String local = n.local.toLowerCase(Locale.ROOT);
        String prefix = PREFIXES.get(n.ns.toLowerCase(Locale.ROOT));
        if (prefix == null) {
            prefix = n.prefix.toLowerCase(Locale.ROOT);
        }
        return prefix.isEmpty() ? local : prefix + ":" + local;
    }

    /** The format of a feed document by its root element, as the Universal Feed Parser names it: rss_2.0, atom_1.0, ... */
    static String format(XmlNode root) {
        String name = root.local.toLowerCase(Locale.ROOT);
        String version = root.attr("version");
        String ns = root.ns.toLowerCase(Locale.ROOT);
        return switch (name) {
            case "rss" -> version == null ? "rss" : "rss_" + version.strip();
            case "rdf" ->
                ns.isEmpty()
                        ? "rdf"
                        : root.children.stream()
                                        .anyMatch(c -> c instanceof XmlNode n
                                                && n.ns.equals("http://my.netscape.com/rdf/simple/0.9/"))
                                ? "rss_0.90"
                                : "rss_1.0";
            case "feed" ->
                ns.equals("http://www.w3.org/2005/atom")
                        ? "atom_1.0"
                        : version == null ? "atom" : "atom_" + version.strip();
            case "channel" -> "cdf";
            default -> name;
        };
    }
}
