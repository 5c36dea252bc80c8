package sift.ingest.clean;

import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import sift.ingest.parse.ParsedEntry;
import sift.ingest.parse.ParsedText;

/**
 * Sanitises feed HTML to an allow-list once, at ingest, before storage: no script, style, form or event
 * handler survives; the only frames are video players from an allow-list, sandboxed and empty; links and images
 * point at absolute http(s) URLs without {@code utm_*} tracking parameters; 1x1 tracking pixels are gone; links
 * leave Sift without referrer or opener. Inline SVG and MathML keep their drawing and layout elements only (no
 * scripts, animation, {@code use} or foreign objects), each in its own namespace ({@link Sanitiser}).
 *
 * <p>What it returns is a fixed point: parsed again as a browser parses it and cleaned again, it comes out the
 * same. The cleaner checks this itself, re-parsing its own output until it is stable, and falls back to the escaped
 * plain text when it is not after {@link #MAX_ROUNDS} rounds. Its HTML is at most {@link #MAX_HTML_CHARS}
 * characters, cut at a node boundary. Thread-safe.
 */
public final class HtmlCleaner {
    /**
     * The most characters of HTML {@link #clean} returns, below what the store keeps of a post's HTML (1,000,000),
     * so that the store never cuts cleaned HTML in the middle of a tag.
     */
    public static final int MAX_HTML_CHARS = 900_000;
    /** Rounds of re-parsing and cleaning before a fragment that does not settle is kept as plain text. */
    static final int MAX_ROUNDS = 4;

    private static final int SUMMARY_CHARS = 280;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\p{Punct}&&[^)\\]\"']]+$");

    private final AllowList content = AllowList.content();
    private final AllowList titles = AllowList.title();

    /** Cleans {@code html}; relative URLs resolve against {@code baseUri} (the post's link, else the feed's). */
    public CleanHtml clean(String html, String baseUri) {
        return clean(html, baseUri, content);
    }

    private static CleanHtml clean(String html, String baseUri, AllowList allowList) {
        if (html == null || html.isBlank()) {
            return CleanHtml.EMPTY;
        }
        String base = baseUri == null ? "" : baseUri;
        Element body = sanitise(FragmentSource.of(html), base, allowList);
        String out = Bound.html(body, MAX_HTML_CHARS).strip();
        for (int round = 1; round < MAX_ROUNDS; round++) {
            Element again = sanitise(out, base, allowList);
            String next = Bound.html(again, MAX_HTML_CHARS).strip();
            if (next.equals(out)) {
                return new CleanHtml(out, text(again));
            }
            out = next;
            body = again;
        }
        return plain(text(body));
    }

    private static Element sanitise(String html, String baseUri, AllowList allowList) {
        Document dirty = Jsoup.parseBodyFragment(html, baseUri);
        Document clean = Document.createShell(baseUri);
        clean.outputSettings().prettyPrint(false);
        Sanitiser.copy(allowList, dirty.body(), clean.body());
        return clean.body();
    }

    /** Text as HTML that holds nothing but the text and line breaks, cut to the limit like any cleaned HTML. */
    static CleanHtml plain(String text) {
        StringBuilder html = new StringBuilder();
        StringBuilder kept = new StringBuilder();
        for (String line : text.split("\n")) {
            String escaped = Entities.escape(line);
            if (html.length() + escaped.length() + 4 > MAX_HTML_CHARS) {
                break;
            }
            html.append(html.length() == 0 ? "" : "<br>").append(escaped);
            kept.append(kept.length() == 0 ? "" : "\n").append(line);
        }
        return new CleanHtml(html.toString(), kept.toString());
    }

    /**
     * Plain text with one line per block (paragraph, heading, list item, table cell row) and whitespace
     * collapsed within lines, so that a heading or a list item stays a unit for summaries, search and NLP.
     */
    static String text(Element root) {
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(
                new NodeVisitor() {
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
                },
                root);
        StringBuilder text = new StringBuilder();
        for (String line : out.toString().split("\n")) {
            String l = WHITESPACE.matcher(line).replaceAll(" ").strip();
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
        String start =
                text.substring(0, cut > SUMMARY_CHARS / 2 ? cut : SUMMARY_CHARS).stripTrailing();
        return TRAILING_PUNCTUATION.matcher(start).replaceAll("") + "…";
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
        String base = title.base() != null ? title.base() : fallbackBase;
        return clean(title.value(), base, titles).html();
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
        String plain = text.html()
                ? plainText(text.value())
                : WHITESPACE.matcher(text.value()).replaceAll(" ").strip();
        return plain == null || plain.isEmpty() ? null : plain;
    }

    /** Plain text of a fragment that may hold markup or entities, such as a feed's title. */
    public String plainText(String fragment) {
        if (fragment == null || fragment.isBlank()) {
            return null;
        }
        return Jsoup.parseBodyFragment(FragmentSource.of(fragment)).text().strip();
    }
}
