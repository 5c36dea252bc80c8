package sift.ingest.clean;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import java.util.regex.Pattern;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import sift.ingest.parse.ParsedEntry;
import sift.ingest.parse.ParsedText;

/**
 * Sanitises feed HTML to an allow-list once, at ingest, before storage: no script, style, form or event
 * handler survives; the only frames are video players from an allow-list, sandboxed; links and images point at
 * absolute http(s) URLs without {@code utm_*} tracking parameters; 1x1 tracking pixels are gone; links leave
 * Sift without referrer or opener. Inline SVG and MathML keep their drawing and layout elements only (no
 * scripts, animation, {@code use} or foreign objects). Thread-safe.
 */
public final class HtmlCleaner {
    private static final int SUMMARY_CHARS = 280;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\p{Punct}&&[^)\\]\"']]+$");
    private static final String XLINK = "http://www.w3.org/1999/xlink";
    private static final Pattern VIDEO_PLAYER = Pattern.compile(
            "https://(www\\.youtube(-nocookie)?\\.com/embed/|player\\.vimeo\\.com/video/)[^\\s\"'<>]+");
    private static final Pattern TRACKING_PARAMETER = Pattern.compile("(?i)(utm_[a-z_]+|fbclid|gclid|mc_eid)(=|$)");

    private static final String[] SVG = {"svg", "g", "path", "circle", "ellipse", "line", "polyline", "polygon",
        "rect", "text", "tspan", "title", "desc", "defs", "lineargradient", "radialgradient", "stop", "a"};
    private static final String[] SVG_ATTRIBUTES = {"xmlns", "xmlns:xlink", "version", "baseprofile", "width",
        "height", "viewbox", "preserveaspectratio", "x", "y", "cx", "cy", "r", "rx", "ry", "x1", "y1", "x2", "y2",
        "points", "d", "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-linecap",
        "stroke-linejoin", "stroke-opacity", "stroke-dasharray", "opacity", "transform", "font-family", "font-size",
        "font-weight", "text-anchor", "offset", "stop-color", "stop-opacity", "gradientunits", "gradienttransform",
        "xlink:href", "xlink:title", "xlink:show", "xlink:type"};
    private static final String[] MATHML = {"math", "mrow", "mi", "mo", "mn", "ms", "mtext", "mspace", "msup",
        "msub", "msubsup", "mfrac", "msqrt", "mroot", "mfenced", "menclose", "mpadded", "mphantom", "mstyle",
        "mtable", "mtr", "mtd", "munder", "mover", "munderover", "semantics", "annotation"};
    private static final String[] MATHML_ATTRIBUTES = {"xmlns", "xmlns:xlink", "display", "mathvariant",
        "mathsize", "mathcolor", "mathbackground", "open", "close", "separators", "notation", "columnalign",
        "rowalign", "fence", "stretchy", "xlink:href", "xlink:show", "xlink:type"};

    /** Inert presentational attributes, allowed on any element: none of them runs, loads or names anything. */
    private static final String[] INERT_ATTRIBUTES = {"abbr", "align", "alt", "axis", "bgcolor", "border",
        "cellpadding", "cellspacing", "char", "charoff", "cite", "clear", "color", "cols", "colspan", "compact",
        "datetime", "dir", "face", "headers", "height", "hreflang", "hspace", "lang", "noshade", "nowrap", "rows",
        "rowspan", "rules", "scope", "size", "span", "start", "summary", "title", "type", "valign", "vspace", "width",
        "xml:lang"};

    private final Safelist safelist = withSvgAndMathMl(Safelist.relaxed()
            .addTags("figure", "figcaption", "hr", "abbr", "kbd", "samp", "var", "s", "del", "ins", "mark", "time",
                    "iframe", "acronym", "address", "article", "aside", "big", "center", "details", "summary", "dfn",
                    "font", "footer", "header", "nav", "section", "tt", "audio", "video", "source")
            .addAttributes(":all", INERT_ATTRIBUTES)
            .addAttributes("audio", "src", "controls", "preload")
            .addAttributes("video", "src", "controls", "preload", "poster")
            .addAttributes("source", "src", "type", "media")
            .addProtocols("audio", "src", "http", "https")
            .addProtocols("video", "src", "http", "https")
            .addProtocols("video", "poster", "http", "https")
            .addProtocols("source", "src", "http", "https")
            .addAttributes("abbr", "title")
            .addAttributes("time", "datetime")
            .addAttributes("code", "class")
            .addAttributes("pre", "class")
            .addAttributes("iframe", "src", "width", "height", "title", "allowfullscreen")
            .addProtocols("iframe", "src", "https")
            .addEnforcedAttribute("iframe", "sandbox", "allow-scripts allow-same-origin allow-presentation")
            .addEnforcedAttribute("iframe", "loading", "lazy")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer"));
    private final Safelist titleSafelist = withSvgAndMathMl(Safelist.relaxed());

    private static Safelist withSvgAndMathMl(Safelist safelist) {
        safelist.addTags(SVG).addTags(MATHML);
        for (String tag : SVG) {
            safelist.addAttributes(tag, SVG_ATTRIBUTES);
        }
        for (String tag : MATHML) {
            safelist.addAttributes(tag, MATHML_ATTRIBUTES);
        }
        for (String tag : new String[] {"a", "mrow", "math", "mi", "mo", "mtext"}) {
            safelist.addProtocols(tag, "xlink:href", "http", "https", "mailto");
        }
        return safelist;
    }

    /** Cleans {@code html}; relative URLs resolve against {@code baseUri} (the post's link, else the feed's). */
    public CleanHtml clean(String html, String baseUri) {
        if (html == null || html.isBlank()) {
            return CleanHtml.EMPTY;
        }
        Element body = sanitise(html, baseUri, safelist);
        return new CleanHtml(body.html().strip(), text(body));
    }

    private static Element sanitise(String html, String baseUri, Safelist safelist) {
        Document dirty = Jsoup.parseBodyFragment(html, baseUri == null ? "" : baseUri);
        Document clean = new Cleaner(safelist).clean(dirty);
        clean.outputSettings().prettyPrint(false);
        Element body = clean.body();
        for (Element e : body.getAllElements()) {
            tidy(e);
        }
        return body;
    }

    /** What an allow-list cannot say: which frames, which images, which parameters, which namespaces. */
    private static void tidy(Element e) {
        switch (e.normalName()) {
            case "iframe" -> {
                if (!VIDEO_PLAYER.matcher(e.attr("src")).matches()) {
                    e.remove();
                    return;
                }
            }
            case "img" -> {
                if (isPixel(e.attr("width")) && isPixel(e.attr("height"))) {
                    e.remove();
                    return;
                }
            }
            default -> { }
        }
        for (String url : new String[] {"href", "src"}) {
            if (e.hasAttr(url)) {
                e.attr(url, withoutTracking(e.attr(url)));
            }
        }
        if (e.attributes().asList().stream().anyMatch(a -> a.getKey().startsWith("xlink:"))) {
            e.attr("xmlns:xlink", XLINK);
        }
    }

    private static boolean isPixel(String size) {
        String s = size.strip();
        return s.equals("0") || s.equals("1") || s.equals("1px") || s.equals("0px");
    }

    /** {@code url} without {@code utm_*} and the like, which only tell the publisher's analytics where a click came from. */
    static String withoutTracking(String url) {
        int query = url.indexOf('?');
        if (query < 0) {
            return url;
        }
        int hash = url.indexOf('#', query);
        String fragment = hash < 0 ? "" : url.substring(hash);
        StringBuilder kept = new StringBuilder();
        for (String parameter : url.substring(query + 1, hash < 0 ? url.length() : hash).split("&")) {
            if (!parameter.isEmpty() && !TRACKING_PARAMETER.matcher(parameter).lookingAt()) {
                kept.append(kept.length() == 0 ? "?" : "&").append(parameter);
            }
        }
        return url.substring(0, query) + kept + fragment;
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
        String start = text.substring(0, cut > SUMMARY_CHARS / 2 ? cut : SUMMARY_CHARS).stripTrailing();
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
        return sanitise(title.value(), base, titleSafelist).html().strip();
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
        String plain = text.html() ? plainText(text.value()) : WHITESPACE.matcher(text.value()).replaceAll(" ").strip();
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
