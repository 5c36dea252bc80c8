package sift.ingest.clean;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import nu.validator.htmlparser.common.XmlViolationPolicy;
import nu.validator.htmlparser.sax.HtmlParser;
import org.jsoup.Jsoup;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * HTML read the way a browser reads a post's HTML in Sift's page: as the body of an HTML5 document with scripting
 * on, by validator.nu's parser (the Java source Gecko's HTML parser is translated from), not by jsoup, so that a
 * difference between the two parsers shows.
 */
final class BrowserParse {
    static final String HTML = "http://www.w3.org/1999/xhtml";
    private static final String SVG = "http://www.w3.org/2000/svg";
    private static final String MATHML = "http://www.w3.org/1998/Math/MathML";
    private static final String XLINK = "http://www.w3.org/1999/xlink";
    private static final String XML = "http://www.w3.org/XML/1998/namespace";
    private static final String XMLNS = "http://www.w3.org/2000/xmlns/";
    private static final Set<String> VOID = Set.of(
            "area",
            "base",
            "br",
            "col",
            "embed",
            "hr",
            "img",
            "input",
            "link",
            "meta",
            "param",
            "source",
            "track",
            "wbr",
            "basefont",
            "bgsound",
            "frame",
            "keygen");
    private static final Set<String> RAW =
            Set.of("style", "script", "xmp", "iframe", "noembed", "noframes", "plaintext", "noscript");

    /** An element of the browser's tree; a child is an element or a text (a String). */
    record Element(String namespace, String name, List<Attribute> attributes, List<Object> children) {
        String attribute(String name) {
            return attributes.stream()
                    .filter(a -> a.name().equals(name))
                    .map(Attribute::value)
                    .findFirst()
                    .orElse("");
        }
    }

    /** An attribute as the HTML serialiser names it: {@code xlink:href}, {@code xmlns:xlink}, {@code xml:lang}. */
    record Attribute(String name, String value) {}

    private BrowserParse() {}

    /** The body of the document a browser builds from {@code html}. */
    static Element body(String html) {
        Builder builder = new Builder();
        HtmlParser parser = new HtmlParser(XmlViolationPolicy.ALLOW);
        parser.setScriptingEnabled(true); // a reader's browser runs scripts: a noscript's body is text
        parser.setContentHandler(builder);
        try {
            parser.parse(new InputSource(new StringReader("<!DOCTYPE html><body>" + html)));
        } catch (SAXException e) {
            throw new IllegalStateException("validator.nu's parser refused " + html, e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string failed", e);
        }
        return elements(builder.root).stream()
                .filter(e -> e.name().equals("body") && e.namespace().equals(HTML))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no body in the browser's reading of " + html));
    }

    /** Every element under {@code root}, in document order. */
    static List<Element> elements(Element root) {
        List<Element> all = new ArrayList<>();
        for (Object c : root.children()) {
            if (c instanceof Element e) {
                all.add(e);
                all.addAll(elements(e));
            }
        }
        return all;
    }

    /** {@code html} as a browser reads it and writes it back ({@code innerHTML} of the body). */
    static String reserialised(String html) {
        return html(body(html));
    }

    /** The children of {@code body} serialised ({@code innerHTML}). */
    static String html(Element body) {
        StringBuilder out = new StringBuilder();
        children(body, out);
        return out.toString();
    }

    /**
     * The HTML fragment serialisation algorithm, with the newline that the standard wrote after a {@code pre}'s
     * start tag until 2016, so that a leading newline survives the round trip.
     */
    private static void children(Element parent, StringBuilder out) {
        boolean raw = parent.namespace().equals(HTML) && RAW.contains(parent.name());
        for (Object c : parent.children()) {
            if (c instanceof Element e) {
                element(e, out);
            } else {
                out.append(raw ? c : escape((String) c, false));
            }
        }
    }

    private static void element(Element e, StringBuilder out) {
        out.append('<').append(e.name());
        for (Attribute a : e.attributes()) {
            out.append(' ')
                    .append(a.name())
                    .append("=\"")
                    .append(escape(a.value(), true))
                    .append('"');
        }
        out.append('>');
        boolean html = e.namespace().equals(HTML);
        if (html && VOID.contains(e.name())) {
            return;
        }
        if (html
                && Set.of("pre", "textarea", "listing").contains(e.name())
                && !e.children().isEmpty()
                && e.children().get(0) instanceof String s
                && s.startsWith("\n")) {
            out.append('\n');
        }
        children(e, out);
        out.append("</").append(e.name()).append('>');
    }

    private static String escape(String s, boolean attribute) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '\u00a0' -> out.append("&nbsp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The tree a browser builds from {@code html}, one line a node: namespace, name, sorted attributes, or text. */
    static String tree(String html) {
        return tree(body(html));
    }

    /** The tree under {@code body}, written as {@link #tree(String)} writes it. */
    static String tree(Element body) {
        StringBuilder out = new StringBuilder();
        tree(body, "", out);
        return out.toString();
    }

    private static void tree(Element parent, String indent, StringBuilder out) {
        StringBuilder text = new StringBuilder();
        for (Object c : parent.children()) {
            if (c instanceof String s) {
                text.append(s);
                continue;
            }
            flush(text, indent, out);
            Element e = (Element) c;
            TreeMap<String, String> attributes = new TreeMap<>();
            e.attributes().forEach(a -> attributes.put(a.name().toLowerCase(Locale.ROOT), a.value()));
            out.append(indent)
                    .append(prefix(e.namespace()))
                    .append(e.name().toLowerCase(Locale.ROOT))
                    .append(' ')
                    .append(attributes)
                    .append('\n');
            tree(e, indent + "  ", out);
        }
        flush(text, indent, out);
    }

    /** The tree jsoup builds from {@code html}, written as {@link #tree(String)} writes a browser's. */
    static String jsoupTree(String html) {
        StringBuilder out = new StringBuilder();
        jsoupTree(Jsoup.parseBodyFragment(html).body(), "", out);
        return out.toString();
    }

    private static void jsoupTree(org.jsoup.nodes.Element parent, String indent, StringBuilder out) {
        StringBuilder text = new StringBuilder();
        for (org.jsoup.nodes.Node c : parent.childNodes()) {
            if (c instanceof org.jsoup.nodes.TextNode t) {
                text.append(t.getWholeText());
                continue;
            }
            if (c instanceof org.jsoup.nodes.DataNode d) {
                text.append(d.getWholeData());
                continue;
            }
            flush(text, indent, out);
            if (c instanceof org.jsoup.nodes.Element e) {
                TreeMap<String, String> attributes = new TreeMap<>();
                e.attributes().forEach(a -> attributes.put(a.getKey().toLowerCase(Locale.ROOT), a.getValue()));
                out.append(indent)
                        .append(prefix(e.tag().namespace()))
                        .append(e.normalName())
                        .append(' ')
                        .append(attributes)
                        .append('\n');
                jsoupTree(e, indent + "  ", out);
            }
        }
        flush(text, indent, out);
    }

    private static String prefix(String namespace) {
        return SVG.equals(namespace) ? "svg:" : MATHML.equals(namespace) ? "math:" : HTML.equals(namespace) ? "" : "?:";
    }

    private static void flush(StringBuilder text, String indent, StringBuilder out) {
        if (text.length() > 0) {
            out.append(indent).append('"').append(text).append("\"\n");
            text.setLength(0);
        }
    }

    /** Builds the tree from the parser's events (it hands them over once the whole tree is built). */
    private static final class Builder extends DefaultHandler {
        final Element root = new Element(HTML, "#document", List.of(), new ArrayList<>());
        private final Deque<Element> open = new ArrayDeque<>(List.of(root));

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) {
            List<Attribute> attributes = new ArrayList<>();
            for (int i = 0; i < atts.getLength(); i++) {
                attributes.add(new Attribute(attributeName(atts.getURI(i), atts.getLocalName(i)), atts.getValue(i)));
            }
            Element e = new Element(uri, localName, attributes, new ArrayList<>());
            open.peek().children().add(e);
            open.push(e);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            open.pop();
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            List<Object> children = open.peek().children();
            String text = new String(ch, start, length);
            if (!children.isEmpty() && children.get(children.size() - 1) instanceof String previous) {
                children.set(children.size() - 1, previous + text);
            } else {
                children.add(text);
            }
        }

        private static String attributeName(String ns, String local) {
            return switch (ns) {
                case XML -> "xml:" + local;
                case XMLNS -> local.equals("xmlns") ? "xmlns" : "xmlns:" + local;
                case XLINK -> "xlink:" + local;
                default -> local;
            };
        }
    }
}
