package sift.ingest.clean;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jsoup.safety.Safelist;
import sift.ingest.parse.ParsedEntry;
import sift.ingest.parse.ParsedText;

/**
 * Sanitises feed HTML to an allow-list once, at ingest, before storage: no script, style, frame, form or
 * event handler survives, links and images point at absolute http(s) URLs, and links leave Sift without
 * referrer or opener. Thread-safe.
 */
public final class HtmlCleaner {
    private static final int SUMMARY_CHARS = 280;

    private final Safelist safelist = Safelist.relaxed()
            .addTags("figure", "figcaption", "hr", "abbr", "kbd", "samp", "var", "s", "del", "ins", "mark", "time")
            .addAttributes("abbr", "title")
            .addAttributes("time", "datetime")
            .addAttributes("code", "class")
            .addAttributes("pre", "class")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer");
    private final Safelist titleSafelist = Safelist.relaxed();

    /** Cleans {@code html}; relative URLs resolve against {@code baseUri} (the post's link, else the feed's). */
    public CleanHtml clean(String html, String baseUri) {
        if (html == null || html.isBlank()) {
            return CleanHtml.EMPTY;
        }
        String base = baseUri == null ? "" : baseUri;
        Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);
        String safe = Jsoup.clean(html, base, safelist, output).strip();
        return new CleanHtml(safe, text(Jsoup.parseBodyFragment(safe).body()));
    }

    /**
     * Plain text with one line per block (paragraph, heading, list item, table cell row) and whitespace
     * collapsed within lines, so that a heading or a list item stays a unit for summaries, search and NLP.
     */
    static String text(Element root) {
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    out.append(t.text());
                } else if (node instanceof Element e && e.tagName().equals("br")) {
                    out.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && e.isBlock()) {
                    out.append('\n');
                }
            }
        }, root);
        StringBuilder text = new StringBuilder();
        for (String line : out.toString().split("\n")) {
            String l = line.replaceAll("\\s+", " ").strip();
            if (!l.isEmpty()) {
                text.append(text.length() == 0 ? "" : "\n").append(l);
            }
        }
        return text.toString();
    }

    /** Plain text of a summary: the feed's own when it has one, else the start of the content, cut at a word. */
    public String summary(CleanHtml feedSummary, CleanHtml content) {
        String text = oneParagraph(!feedSummary.text().isBlank() ? feedSummary.text() : content.text());
        if (text.length() <= SUMMARY_CHARS) {
            return text;
        }
        int cut = text.lastIndexOf(' ', SUMMARY_CHARS);
        String start = text.substring(0, cut > SUMMARY_CHARS / 2 ? cut : SUMMARY_CHARS).stripTrailing();
        return start.replaceAll("[\\p{Punct}&&[^)\\]\"']]+$", "") + "…";
    }

    /** The lines of a text as one paragraph: a line without closing punctuation (a heading, a list item) gets a full stop. */
    private static String oneParagraph(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n")) {
            if (out.length() > 0) {
                char last = out.charAt(out.length() - 1);
                out.append(".!?:;…".indexOf(last) >= 0 ? " " : ". ");
            }
            out.append(line);
        }
        return out.toString();
    }

    /**
     * Cleans a parsed entry as Sift stores it; relative URLs resolve against the entry's {@code xml:base}, else its
     * link, else the feed's URL.
     */
    public CleanEntry entry(ParsedEntry entry, String feedUrl) {
        String fallback = entry.link() != null ? entry.link() : feedUrl;
        CleanHtml summary = clean(entry.summary(), fallback);
        CleanHtml content = entry.content() != null ? clean(entry.content(), fallback) : summary;
        String title = plainText(entry.title());
        if (title == null) {
            title = content.text().isEmpty() ? "(untitled)" : summary(CleanHtml.EMPTY, content);
        }
        return new CleanEntry(title, summary, content);
    }

    /**
     * A title as the feed marked it up, sanitised (Sift stores titles as plain text; {@code sift parse} shows
     * this): plain text when no markup is left, else safe HTML with absolute links.
     */
    public String titleHtml(ParsedText title, String fallbackBase) {
        if (title == null) {
            return null;
        }
        if (!title.html()) {
            return title.value();
        }
        String base = title.base() != null ? title.base() : fallbackBase == null ? "" : fallbackBase;
        return Jsoup.clean(title.value(), base, titleSafelist, new Document.OutputSettings().prettyPrint(false)).strip();
    }

    /** Cleans a text of a feed; relative URLs resolve against its own base, else {@code fallbackBase}. */
    public CleanHtml clean(ParsedText text, String fallbackBase) {
        return text == null ? CleanHtml.EMPTY : clean(text.asHtml(), text.base() != null ? text.base() : fallbackBase);
    }

    /** Plain text of a title, whichever way the feed typed it. */
    public String plainText(ParsedText text) {
        if (text == null) {
            return null;
        }
        String plain = text.html() ? plainText(text.value()) : text.value().replaceAll("\\s+", " ").strip();
        return plain == null || plain.isEmpty() ? null : plain;
    }

    /** Plain text of a fragment that may hold markup or entities, such as a feed's title. */
    public String plainText(String fragment) {
        if (fragment == null || fragment.isBlank()) {
            return null;
        }
        return Jsoup.parseBodyFragment(fragment).text().strip();
    }
}
