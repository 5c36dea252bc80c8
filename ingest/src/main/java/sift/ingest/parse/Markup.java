package sift.ingest.parse;

import java.util.List;
import java.util.Set;

/** Inline markup of a feed element written back out as HTML, for the cleaner to sanitise. */
final class Markup {
    /** HTML elements common in feed content: plain text holding only these (and closing tags) is HTML. */
    static final Set<String> COMMON_TAGS = Set.of(
            "a",
            "abbr",
            "acronym",
            "address",
            "area",
            "article",
            "aside",
            "audio",
            "b",
            "big",
            "blockquote",
            "br",
            "button",
            "canvas",
            "caption",
            "center",
            "cite",
            "code",
            "col",
            "colgroup",
            "command",
            "datagrid",
            "datalist",
            "dd",
            "del",
            "details",
            "dfn",
            "dialog",
            "dir",
            "div",
            "dl",
            "dt",
            "em",
            "event-source",
            "fieldset",
            "figcaption",
            "figure",
            "font",
            "footer",
            "form",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "header",
            "hr",
            "i",
            "img",
            "input",
            "ins",
            "kbd",
            "keygen",
            "label",
            "legend",
            "li",
            "m",
            "map",
            "mark",
            "menu",
            "meter",
            "multicol",
            "nav",
            "nextid",
            "noscript",
            "ol",
            "optgroup",
            "option",
            "output",
            "p",
            "picture",
            "pre",
            "progress",
            "q",
            "s",
            "samp",
            "section",
            "select",
            "small",
            "sound",
            "source",
            "spacer",
            "span",
            "strike",
            "strong",
            "sub",
            "summary",
            "sup",
            "table",
            "tbody",
            "td",
            "textarea",
            "tfoot",
            "th",
            "thead",
            "time",
            "tr",
            "tt",
            "u",
            "ul",
            "var",
            "video",
            "wbr");

    private static final Set<String> VOID = Set.of(
            "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
            "wbr");

    private Markup() {}

    /**
     * The children of {@code node} as HTML. With {@code unwrapDiv} (Atom 1.0's xhtml; an HTML text wrapped in an
     * XHTML div), a single wrapping {@code div} is left out, as RFC 4287 asks. Text is escaped when
     * {@code textIsText}; otherwise it is HTML source already (escaped HTML inside a div of a type="html" text).
     */
    static String children(XmlNode node, boolean unwrapDiv, boolean textIsText) {
        List<Object> children = node.children;
        if (unwrapDiv) {
            XmlNode only = null;
            for (Object child : children) {
                if (child instanceof XmlNode n) {
                    if (only != null) {
                        only = null;
                        break;
                    }
                    only = n;
                } else if (!((String) child).isBlank()) {
                    only = null;
                    break;
                }
            }
            if (only != null && only.local.equals("div")) {
                children = only.children;
            }
        }
        StringBuilder out = new StringBuilder();
        for (Object child : children) {
            write(child, out, textIsText);
        }
        return out.toString();
    }

    private static void write(Object child, StringBuilder out, boolean textIsText) {
        if (child instanceof String s) {
            if (textIsText) {
                escape(s, out, false);
            } else {
                out.append(s);
            }
            return;
        }
        XmlNode n = (XmlNode) child;
        String name = n.local;
        out.append('<').append(name);
        if ((name.equals("svg") || name.equals("math")) && !n.ns.isEmpty() && !n.ns.equals(XmlNode.XML_NS)) {
            out.append(" xmlns=\"").append(n.ns).append('"');
        }
        for (XmlNode.Attr a : n.attrs) {
            out.append(' ').append(a.qname()).append("=\"");
            escape(a.value(), out, true);
            out.append('"');
        }
        out.append('>');
        if (VOID.contains(name) && n.children.isEmpty()) {
            return;
        }
        for (Object c : n.children) {
            write(c, out, textIsText);
        }
        out.append("</").append(name).append('>');
    }

    /** Text as HTML: {@code &}, {@code <} and {@code >} escaped. */
    static String escapeText(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        escape(s, out, false);
        return out.toString();
    }

    private static void escape(String s, StringBuilder out, boolean attribute) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                default -> out.append(c);
            }
        }
    }
}
