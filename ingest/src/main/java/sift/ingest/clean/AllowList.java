package sift.ingest.clean;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Safelist;

/**
 * What the cleaner keeps, by namespace: an element is kept only under its own namespace's list (an HTML {@code a}
 * and an SVG {@code a} are two elements with two lists of attributes; a {@code circle} outside {@code svg} is no
 * drawing). URL attributes keep only the protocols listed, made absolute against the element's base URI.
 */
final class AllowList {
    static final String HTML = Parser.NamespaceHtml;
    static final String SVG = Parser.NamespaceSvg;
    static final String MATHML = Parser.NamespaceMathml;

    private static final String[] SVG_TAGS = {
        "svg",
        "g",
        "path",
        "circle",
        "ellipse",
        "line",
        "polyline",
        "polygon",
        "rect",
        "text",
        "tspan",
        "title",
        "desc",
        "defs",
        "lineargradient",
        "radialgradient",
        "stop",
        "a"
    };
    private static final String[] SVG_ATTRIBUTES = {
        "xmlns",
        "xmlns:xlink",
        "version",
        "baseprofile",
        "width",
        "height",
        "viewbox",
        "preserveaspectratio",
        "x",
        "y",
        "cx",
        "cy",
        "r",
        "rx",
        "ry",
        "x1",
        "y1",
        "x2",
        "y2",
        "points",
        "d",
        "fill",
        "fill-opacity",
        "fill-rule",
        "stroke",
        "stroke-width",
        "stroke-linecap",
        "stroke-linejoin",
        "stroke-opacity",
        "stroke-dasharray",
        "opacity",
        "transform",
        "font-family",
        "font-size",
        "font-weight",
        "text-anchor",
        "offset",
        "stop-color",
        "stop-opacity",
        "gradientunits",
        "gradienttransform",
        "xlink:title",
        "xlink:show",
        "xlink:type"
    };
    private static final String[] MATHML_TAGS = {
        "math",
        "mrow",
        "mi",
        "mo",
        "mn",
        "ms",
        "mtext",
        "mspace",
        "msup",
        "msub",
        "msubsup",
        "mfrac",
        "msqrt",
        "mroot",
        "mfenced",
        "menclose",
        "mpadded",
        "mphantom",
        "mstyle",
        "mtable",
        "mtr",
        "mtd",
        "munder",
        "mover",
        "munderover",
        "semantics",
        "annotation"
    };
    private static final String[] MATHML_ATTRIBUTES = {
        "xmlns",
        "xmlns:xlink",
        "display",
        "mathvariant",
        "mathsize",
        "mathcolor",
        "mathbackground",
        "open",
        "close",
        "separators",
        "notation",
        "columnalign",
        "rowalign",
        "fence",
        "stretchy",
        "xlink:show",
        "xlink:type"
    };
    /** The MathML elements that may link (with {@code xlink:href}, to the {@link #LINKS} protocols only). */
    private static final String[] MATHML_LINKS = {"mrow", "math", "mi", "mo", "mtext"};

    private static final String XLINK = "http://www.w3.org/1999/xlink";
    private static final String[] LINKS = {"http", "https", "mailto"};

    /** Inert presentational attributes, allowed on any HTML element: none of them runs, loads or names anything. */
    private static final String[] INERT_ATTRIBUTES = {
        "abbr",
        "align",
        "alt",
        "axis",
        "bgcolor",
        "border",
        "cellpadding",
        "cellspacing",
        "char",
        "charoff",
        "cite",
        "clear",
        "color",
        "cols",
        "colspan",
        "compact",
        "datetime",
        "dir",
        "face",
        "headers",
        "height",
        "hreflang",
        "hspace",
        "lang",
        "noshade",
        "nowrap",
        "rows",
        "rowspan",
        "rules",
        "scope",
        "size",
        "span",
        "start",
        "summary",
        "title",
        "type",
        "valign",
        "vspace",
        "width",
        "xml:lang"
    };

    /**
     * Elements whose content the HTML parser reads as text up to their end tag (raw text, RCDATA, plaintext, and
     * noscript where scripting is on). Kept anywhere, such an element is kept empty: whatever its body held would be
     * markup to a parser that sees it in another context.
     */
    static final Set<String> RAW_TEXT = Set.of(
            "iframe", "noembed", "noframes", "noscript", "plaintext", "script", "style", "textarea", "title", "xmp");

    /**
     * Foreign elements whose children a browser reads in another namespace: SVG's HTML integration points and
     * MathML's text integration points. They keep their text only. ({@code foreignObject} and
     * {@code annotation-xml} are not kept at all.)
     */
    private static final Set<String> SVG_INTEGRATION_POINTS = Set.of("title", "desc", "foreignobject");

    private static final Set<String> MATHML_INTEGRATION_POINTS =
            Set.of("mi", "mo", "mn", "ms", "mtext", "annotation-xml");

    /** SVG names a browser writes in mixed case; every other kept name is lower case. */
    private static final Map<String, String> SVG_CASE = Map.of(
            "lineargradient",
            "linearGradient",
            "radialgradient",
            "radialGradient",
            "viewbox",
            "viewBox",
            "preserveaspectratio",
            "preserveAspectRatio",
            "gradientunits",
            "gradientUnits",
            "gradienttransform",
            "gradientTransform",
            "baseprofile",
            "baseProfile");

    private final Safelist html;
    private final Safelist svg = svg();
    private final Safelist mathMl = mathMl();

    private AllowList(Safelist html) {
        this.html = html;
    }

    /** The list for posts: prose, code, tables, figures, media, sandboxed video players, SVG drawings, formulas. */
    static AllowList content() {
        return new AllowList(Safelist.relaxed()
                .addTags(
                        "figure",
                        "figcaption",
                        "hr",
                        "abbr",
                        "kbd",
                        "samp",
                        "var",
                        "s",
                        "del",
                        "ins",
                        "mark",
                        "time",
                        "iframe",
                        "acronym",
                        "address",
                        "article",
                        "aside",
                        "big",
                        "center",
                        "details",
                        "summary",
                        "dfn",
                        "font",
                        "footer",
                        "header",
                        "nav",
                        "section",
                        "tt",
                        "audio",
                        "video",
                        "source")
                .addAttributes(":all", INERT_ATTRIBUTES)
                .addProtocols(":all", "cite", "http", "https")
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
    }

    /** The list for titles: jsoup's relaxed list, SVG and MathML. */
    static AllowList title() {
        return new AllowList(Safelist.relaxed());
    }

    private static Safelist svg() {
        Safelist svg = new Safelist().addTags(SVG_TAGS);
        for (String tag : SVG_TAGS) {
            svg.addAttributes(tag, SVG_ATTRIBUTES);
        }
        // only a link links, and only to the protocols listed
        return svg.addAttributes("a", "href", "xlink:href")
                .addProtocols("a", "href", LINKS)
                .addProtocols("a", "xlink:href", LINKS)
                .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer");
    }

    private static Safelist mathMl() {
        Safelist mathMl = new Safelist().addTags(MATHML_TAGS);
        for (String tag : MATHML_TAGS) {
            mathMl.addAttributes(tag, MATHML_ATTRIBUTES);
        }
        for (String tag : MATHML_LINKS) {
            mathMl.addAttributes(tag, "xlink:href").addProtocols(tag, "xlink:href", LINKS);
        }
        return mathMl;
    }

    private Safelist of(String namespace) {
        return switch (namespace) {
            case HTML -> html;
            case SVG -> svg;
            case MATHML -> mathMl;
            default -> null;
        };
    }

    /** Whether an element of this name is kept in this namespace. */
    boolean allows(String namespace, String normalName) {
        Safelist list = of(namespace);
        return list != null && list.isSafeTag(normalName);
    }

    /**
     * An element's or attribute's name as a browser's parser writes it whatever the case of the source
     * ({@code linearGradient}, {@code viewBox}, {@code svg}), so that the cleaned HTML reads back unchanged.
     */
    static String canonicalName(String namespace, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return namespace.equals(SVG) ? SVG_CASE.getOrDefault(lower, lower) : lower;
    }

    /** Whether a kept foreign element's children are read as HTML by a browser: they are kept as text only. */
    static boolean isIntegrationPoint(String namespace, String normalName) {
        return namespace.equals(SVG)
                ? SVG_INTEGRATION_POINTS.contains(normalName)
                : namespace.equals(MATHML) && MATHML_INTEGRATION_POINTS.contains(normalName);
    }

    /**
     * The attributes of {@code source} that are kept (URLs made absolute against {@code baseUri}, unsafe protocols
     * gone), with the enforced ones, in the order of their names (a browser's DOM keeps no order of its own, so
     * this one is the order that stays); {@code source} must be {@link #allows allowed}.
     */
    Attributes attributes(Element source, String baseUri) {
        Safelist list = of(source.tag().namespace());
        String name = source.normalName();
        // a probe that holds the base URI itself: the source would look for it up a tree maybe thousands deep
        Element probe = new Element(source.tag(), baseUri);
        probe.attributes().addAll(source.attributes());
        TreeMap<String, String> kept = new TreeMap<>();
        for (Attribute a : probe.attributes()) {
            if (list.isSafeAttribute(name, probe, a)) {
                kept.put(canonicalName(source.tag().namespace(), a.getKey()), FragmentSource.characters(a.getValue()));
            }
        }
        list.getEnforcedAttributes(name).forEach(a -> kept.put(a.getKey(), a.getValue()));
        if (kept.keySet().stream().anyMatch(key -> key.startsWith("xlink:"))) {
            kept.put("xmlns:xlink", XLINK);
        }
        Attributes attributes = new Attributes();
        kept.forEach(attributes::put);
        return attributes;
    }

    /** Whether an attribute of this name may stand on a kept element (its value's protocol aside). */
    boolean allowsAttribute(String namespace, String element, String attribute) {
        Safelist list = of(namespace);
        if (list == null || !list.isSafeTag(element)) {
            return false;
        }
        Element probe = new Element(element);
        return list.isSafeAttribute(element, probe, new Attribute(attribute, "https://sift.example/"))
                || list.getEnforcedAttributes(element).hasKeyIgnoreCase(attribute);
    }
}
