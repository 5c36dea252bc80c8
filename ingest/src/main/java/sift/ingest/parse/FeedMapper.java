package sift.ingest.parse;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Maps a feed document of any XML flavour (RSS 0.9x/1.0/2.0, Atom 0.3/1.0, CDF, with Dublin Core, content,
 * iTunes, Media RSS and Podcasting 2.0) onto one {@link ParsedFeed}. Elements are recognised by namespace and
 * name wherever they stand, as the Universal Feed Parser does, because real feeds bend every structure rule:
 * items outside a channel, upper-case names, Atom under old namespace URIs.
 */
final class FeedMapper {
    static final int MAX_ENTRIES = 10_000;

    private final URI documentBase;
    private final FeedFields feed = new FeedFields();
    private final List<FeedFields> entries = new ArrayList<>();
    private final List<String> problems;
    private String format;
    private Duration ttl;
    private boolean atom;
    private int skippedEntries;

    private FeedMapper(URI documentBase, List<String> problems) {
        this.documentBase = documentBase;
        this.problems = problems;
    }

    static ParsedFeed map(XmlNode root, URI base, List<String> problems) {
        FeedMapper mapper = new FeedMapper(base, problems);
        mapper.format = Namespaces.format(root);
        mapper.atom = root.local.toLowerCase(Locale.ROOT).equals("feed");
        URI rootBase = mapper.base(root, base);
        mapper.feed.cdf(root, rootBase);
        mapper.walk(root, mapper.feed, rootBase, 0, Context.FEED);
        if (mapper.skippedEntries > 0) {
            problems.add((MAX_ENTRIES + mapper.skippedEntries) + " entries: only the first " + MAX_ENTRIES + " read");
        }
        return mapper.result();
    }

    /** What an element's text means where it stands. */
    private enum Context {
        FEED,
        ENTRY,
        AUTHOR
    }

    private void walk(XmlNode node, FeedFields into, URI base, int depth, Context context) {
        for (Object child : node.children) {
            if (child instanceof XmlNode n) {
                element(n, into, base(n, base), depth + 1, context);
            }
        }
    }

    private URI base(XmlNode n, URI base) {
        String xmlBase = n.attr(XmlNode.XML_NS, "base");
        if (xmlBase == null) {
            return base;
        }
        String resolved = Links.resolve(base, xmlBase);
        return Links.uri(resolved, base);
    }

    private void element(XmlNode n, FeedFields into, URI base, int depth, Context context) {
        String key = Namespaces.key(n);
        if (context == Context.AUTHOR) {
            switch (key) {
                case "name" -> into.authorName = clean(n.text());
                case "email" -> into.authorEmail = clean(n.text());
                default -> {}
            }
            return;
        }
        switch (key) {
            case "item", "entry" -> entry(n, base, depth);
            case "rss", "rdf:rdf", "feed", "channel" -> {
                into.cdf(n, base);
                walk(n, into, base, depth, context);
            }
            case "image", "textinput", "source", "contributor", "media:group" -> {
                if (key.equals("image") && context == Context.FEED && into.image == null) {
                    into.image = firstChildText(n, "url", base);
                }
                if (key.equals("media:group")) {
                    walk(n, into, base, depth, context);
                }
            }
            case "author" -> author(n, into);
            case "managingeditor", "dc:creator", "dc:author", "itunes:author" -> {
                if (into.author == null && into.authorName == null) {
                    into.author = clean(n.text());
                }
            }
            case "title", "dc:title" -> title(n, into, base, depth);
            case "media:title", "itunes:title" -> title(n, into, base, depth + 1000);
            case "link" -> link(n, into, base);
            case "guid", "id" -> guid(n, into, base, key);
            case "description", "summary", "abstract", "dc:description", "itunes:summary" ->
                summary(n, into, base, key);
            case "subtitle", "tagline" -> {
                if (context == Context.FEED && into.description == null) {
                    into.description = text(n, "text/plain", base).value();
                }
            }
            case "content:encoded", "content", "xhtml:body", "body", "fullitem" -> content(n, into, base, key);
            case "pubdate", "published", "issued", "dcterms:issued" -> into.published = dateOr(n, into.published);
            case "updated", "modified", "lastbuilddate", "dc:date", "dcterms:modified" ->
                into.updated = dateOr(n, into.updated);
            case "category", "dc:subject", "media:category" -> category(n, into);
            case "keywords", "itunes:keywords", "tags" -> {
                for (String term : n.text().split(",")) {
                    into.addCategory(term);
                }
            }
            case "itunes:category" -> {
                into.addCategory(n.attr("text"));
                walk(n, into, base, depth, context);
            }
            case "enclosure" ->
                enclosure(
                        n.attr("url") != null ? n.attr("url") : n.attr("href"),
                        n.attr("length"),
                        n.attr("type"),
                        into,
                        base);
            case "language", "dc:language" -> {
                if (into.language == null) {
                    into.language = clean(n.text());
                }
            }
            case "itunes:image" -> {
                if (into.image == null) {
                    into.image = Links.resolve(base, n.attr("href") != null ? n.attr("href") : n.text());
                }
            }
            case "ttl" -> {
                Integer minutes = context == Context.FEED ? number(n.text()) : null;
                if (minutes != null && minutes > 0) {
                    ttl = Duration.ofMinutes(minutes);
                }
            }
            case "itunes:duration" -> into.duration = Durations.seconds(n.text());
            case "itunes:episode", "podcast:episode" -> into.episode = firstNonNull(into.episode, number(n.text()));
            case "itunes:season", "podcast:season" -> into.season = firstNonNull(into.season, number(n.text()));
            case "itunes:episodetype" -> into.episodeType = strip(n.text());
            case "itunes:explicit" ->
                into.explicit = switch (String.valueOf(strip(n.text()))) {
                    case "true", "yes", "explicit" -> true;
                    case "false", "no", "clean" -> false;
                    default -> null;
                };
            case "podcast:transcript" -> {
                String url = Links.resolve(base, n.attr("url"));
                if (url != null) {
                    into.transcripts.add(new ParsedPodcast.Transcript(
                            url, clean(n.attr("type")), clean(n.attr("language")), clean(n.attr("rel"))));
                }
            }
            case "podcast:chapters" -> {
                String url = Links.resolve(base, n.attr("url"));
                if (url != null && into.chapters == null) {
                    into.chapters = new ParsedPodcast.Chapters(url, clean(n.attr("type")));
                }
            }
            case "podcast:person" -> {
                String name = clean(n.text());
                if (name != null) {
                    String role = clean(n.attr("role"));
                    String group = clean(n.attr("group"));
                    into.persons.add(new ParsedPodcast.Person(
                            name,
                            role == null ? "host" : role.toLowerCase(Locale.ROOT),
                            group == null ? "cast" : group.toLowerCase(Locale.ROOT),
                            Links.resolve(base, n.attr("href")),
                            Links.resolve(base, n.attr("img"))));
                }
            }
            default -> {}
        }
    }

    /**
     * {@code url} when it is a web address (http or https, or relative with nothing to resolve it against), else
     * null with the reason noted: a {@code javascript:} or {@code data:} link must never reach a page.
     */
    private String webLink(String url, String what) {
        if (url == null) {
            return null;
        }
        int colon = url.indexOf(':');
        int slash = url.indexOf('/');
        boolean hasScheme = colon > 0
                && (slash < 0 || colon < slash)
                && url.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*");
        if (!hasScheme) {
            return url;
        }
        String scheme = url.substring(0, colon).toLowerCase(Locale.ROOT);
        if (scheme.equals("http") || scheme.equals("https")) {
            return url;
        }
        String shown = url.length() > 60 ? url.substring(0, 60) + "…" : url;
        problems.add(what + " " + shown + " is not an http(s) URL: dropped");
        return null;
    }

    private static Integer number(String text) {
        String t = text.strip();
        try {
            double d = Double.parseDouble(t);
            return d >= 0 && d < Integer.MAX_VALUE && d == Math.floor(d) ? (int) d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static <T> T firstNonNull(T current, T next) {
        return current != null ? current : next;
    }

    private void entry(XmlNode n, URI base, int depth) {
        if (entries.size() >= MAX_ENTRIES) {
            skippedEntries++;
            return;
        }
        FeedFields entry = new FeedFields();
        entries.add(entry);
        String about = n.attr("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "about");
        if (about != null) {
            entry.id = about.strip();
        }
        entry.cdf(n, base);
        walk(n, entry, base, depth, Context.ENTRY);
    }

    /** CDF keeps the link and the date of a channel or item in attributes. */
    private void author(XmlNode n, FeedFields into) {
        if (n.hasElements()) {
            FeedFields person = new FeedFields();
            walk(n, person, null, 0, Context.AUTHOR);
            if (into.authorName == null && into.authorEmail == null) {
                into.authorName = person.authorName;
                into.authorEmail = person.authorEmail;
            }
        } else if (into.author == null) {
            into.author = clean(n.text());
        }
    }

    private void title(XmlNode n, FeedFields into, URI base, int rank) {
        ParsedText title = text(n, "text/plain", base);
        if (!title.value().isEmpty() && rank < into.titleRank) {
            into.title = title;
            into.titleRank = rank;
        }
    }

    /**
     * Atom's link elements (by rel, an HTML alternate first) and RSS's: the link of the page. An enclosure link is
     * an enclosure.
     */
    private void link(XmlNode n, FeedFields into, URI base) {
        String rel = n.attr("rel") == null ? "alternate" : n.attr("rel").strip().toLowerCase(Locale.ROOT);
        String href = n.attr("href") != null ? n.attr("href") : n.attr("url") != null ? n.attr("url") : n.attr("uri");
        String type =
                n.attr("type") == null ? "text/html" : n.attr("type").strip().toLowerCase(Locale.ROOT);
        String value = href != null ? href : n.text();
        if (rel.equals("enclosure")) {
            if (href != null) {
                enclosure(href, n.attr("length"), n.attr("type"), into, base);
            }
            return;
        }
        value = clean(value);
        if (value == null) {
            return;
        }
        int rank = rel.equals("alternate") ? (TextTypes.HTML.contains(type) ? 0 : 1) : 2;
        if (rank < into.linkRank) {
            String link = webLink(Links.resolve(base, value), "link");
            if (link != null) {
                into.link = link;
                into.linkRank = rank;
            }
        }
    }

    private void guid(XmlNode n, FeedFields into, URI base, String key) {
        String value = clean(n.text());
        if (value == null) {
            return;
        }
        into.id = value;
        boolean permalink = key.equals("guid") && !"false".equalsIgnoreCase(strip(n.attr("ispermalink")));
        if (permalink && into.link == null) {
            into.link = webLink(Links.resolve(base, value), "permalink");
            into.linkRank = 3;
        }
    }

    /** The first of description/summary is the summary; a second one is the content when there is none yet. */
    private void summary(XmlNode n, FeedFields into, URI base, String key) {
        String type = key.equals("description") && !atom ? "text/html" : "text/plain";
        ParsedText value = text(n, type, base);
        if (into.summary == null) {
            into.summary = value;
        } else if (into.content == null && !key.startsWith("itunes:")) {
            into.content = value;
        }
    }

    private void content(XmlNode n, FeedFields into, URI base, String key) {
        String type = key.equals("content") && atom ? "text/plain" : "text/html";
        if (key.equals("xhtml:body") || key.equals("body")) {
            type = "application/xhtml+xml";
        }
        ParsedText value = text(n, type, base);
        if (into.content == null && !value.value().isEmpty()) {
            into.content = value;
        }
    }

    private void category(XmlNode n, FeedFields into) {
        String term = n.attr("term");
        into.addCategory(term != null ? term : n.text());
    }

    private void enclosure(String url, String length, String type, FeedFields into, URI base) {
        String href = webLink(Links.resolve(base, url), "enclosure");
        if (href == null) {
            return;
        }
        Long size = null;
        if (length != null) {
            try {
                size = Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                size = null;
            }
        }
        into.enclosures.add(new ParsedEntry.ParsedEnclosure(href, size, clean(type)));
    }

    private static Instant dateOr(XmlNode n, Instant previous) {
        Instant parsed = FeedDates.parse(n.text());
        return parsed != null ? parsed : previous;
    }

    private String firstChildText(XmlNode n, String name, URI base) {
        for (Object child : n.children) {
            if (child instanceof XmlNode c && Namespaces.key(c).equals(name)) {
                return Links.resolve(base, c.text());
            }
        }
        return null;
    }

    /**
     * The value of a text construct. Atom says what it holds ({@code type} text, html or xhtml; 0.3's {@code mode}
     * escaped, base64 or xml); RSS leaves readers to guess, so plain text that looks like HTML is read as HTML,
     * and inline child elements are markup in any format.
     */
    private ParsedText text(XmlNode n, String defaultType, URI base) {
        String type = TextTypes.contentType(n.attr("type"), defaultType);
        String mode = strip(n.attr("mode"));
        String where = base == null || base.equals(documentBase) ? null : base.toString();
        if (n.hasElements() && !"escaped".equals(mode) && !"base64".equals(mode)) {
            boolean xhtml = type.equals("application/xhtml+xml");
            String value = type.equals("text/html")
                    ? Markup.children(n, true, false)
                    : Markup.children(n, xhtml && format.equals("atom_1.0"), true);
            return new ParsedText(value.strip(), true, where);
        }
        String value = XmlInput.undoDoubleEncoding(
                XmlInput.windows1252Controls(n.text().strip()));
        boolean base64 = "base64".equals(mode) || (!type.startsWith("text/") && !type.endsWith("xml"));
        if (base64) {
            try {
                value = new String(Base64.getMimeDecoder().decode(value), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                problems.add("<" + n.local + "> said to be base64 is not: kept as it is");
            }
        }
        boolean html = TextTypes.HTML.contains(type)
                || "escaped".equals(mode)
                || (type.equals("text/plain") && !atom && TextTypes.looksLikeHtml(value))
                || (base64 && TextTypes.looksLikeHtml(value));
        return new ParsedText(value, html, where);
    }

    private ParsedFeed result() {
        List<ParsedEntry> parsed = new ArrayList<>(entries.size());
        for (FeedFields e : entries) {
            parsed.add(new ParsedEntry(
                    e.id,
                    e.title,
                    e.link,
                    e.published,
                    e.updated,
                    e.author(),
                    e.summary,
                    e.content,
                    e.enclosures,
                    List.copyOf(e.categories),
                    e.podcast()));
        }
        return new ParsedFeed(
                format,
                feed.title,
                feed.link,
                feed.description != null ? feed.description : feed.summary == null ? null : feed.summary.value(),
                feed.language,
                feed.image,
                parsed,
                problems.isEmpty() ? null : String.join("; ", problems),
                ttl);
    }

    private static String clean(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String strip(String s) {
        return s == null ? null : s.strip().toLowerCase(Locale.ROOT);
    }
}
