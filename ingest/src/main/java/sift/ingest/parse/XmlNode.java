package sift.ingest.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * One element of a feed document, as either XML reader saw it: namespace, local name, attributes and children
 * (elements and text, in document order). Small on purpose: the feed mapper needs no more of XML than this.
 */
final class XmlNode {
    static final String XML_NS = "http://www.w3.org/XML/1998/namespace";

    final String ns;
    final String prefix;
    final String local;
    final List<Attr> attrs;
    final List<Object> children = new ArrayList<>();

    record Attr(String ns, String qname, String local, String value) {}

    XmlNode(String ns, String prefix, String local, List<Attr> attrs) {
        this.ns = ns == null ? "" : ns;
        this.prefix = prefix == null ? "" : prefix;
        this.local = local;
        this.attrs = attrs;
    }

    /** The value of an attribute without a namespace (case-insensitive, as feeds spell them every way). */
    String attr(String name) {
        for (Attr a : attrs) {
            if (a.ns.isEmpty() && a.local.equalsIgnoreCase(name)) {
                return a.value;
            }
        }
        return null;
    }

    String attr(String ns, String local) {
        for (Attr a : attrs) {
            if (a.ns.equals(ns) && a.local.equals(local)) {
                return a.value;
            }
        }
        return null;
    }

    /** The text of this element and its descendants, markup left out. */
    String text() {
        StringBuilder out = new StringBuilder();
        appendText(this, out);
        return out.toString();
    }

    private static void appendText(XmlNode node, StringBuilder out) {
        for (Object child : node.children) {
            if (child instanceof String s) {
                out.append(s);
            } else {
                appendText((XmlNode) child, out);
            }
        }
    }

    boolean hasElements() {
        for (Object child : children) {
            if (child instanceof XmlNode) {
                return true;
            }
        }
        return false;
    }
}
