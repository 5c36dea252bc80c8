package sift.ingest.parse;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads a repaired feed document into {@link XmlNode}s: strictly with the JDK's SAX parser (DOCTYPE refused,
 * no external anything), and, when the document is not well-formed XML, leniently with Jsoup's XML parser, as
 * far as it makes sense. Both stop at {@link #MAX_DEPTH} levels and {@link #MAX_TEXT} characters a text.
 */
final class XmlTrees {
    static final int MAX_DEPTH = 256;
    static final int MAX_TEXT = 4 << 20;

    private static final SAXParserFactory FACTORY = factory();

    private XmlTrees() {}

    /** Thrown when a document nests deeper than {@link #MAX_DEPTH}: a hostile or broken feed, refused whole. */
    static final class TooDeep extends RuntimeException {
        TooDeep(String message) {
            super(message, null, false, false);
        }
    }

    private static SAXParserFactory factory() {
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setNamespaceAware(true);
            f.setValidating(false);
            f.setXIncludeAware(false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return f;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK's SAX parser lacks a feature Sift needs to parse safely", e);
        }
    }

    /** The document, or a {@link SAXParseException} saying where it is not well-formed. */
    static XmlNode strict(String xml, List<String> problems) throws SAXParseException {
        Builder builder = new Builder();
        try {
            SAXParser parser = FACTORY.newSAXParser();
            parser.parse(new InputSource(new StringReader(xml)), builder);
        } catch (SAXParseException e) {
            throw e;
        } catch (SAXException | ParserConfigurationException e) {
            throw new SAXParseException(e.getMessage(), null);
        } catch (IOException e) {
            throw new IllegalStateException("reading a string failed", e);
        }
        if (builder.cut > 0) {
            problems.add(builder.cut + " text(s) longer than " + MAX_TEXT + " characters: cut there");
        }
        return builder.root;
    }

    /** Whatever tree Jsoup's forgiving XML parser makes of the document; null when it holds no element. */
    static XmlNode lenient(String xml, List<String> problems) {
        org.jsoup.nodes.Document doc = Jsoup.parse(xml, "", Parser.xmlParser());
        Element top = doc.children().first();
        if (top == null) {
            return null;
        }
        Deque<XmlNode> open = new ArrayDeque<>();
        Deque<Map<String, String>> scopes = new ArrayDeque<>();
        XmlNode[] root = new XmlNode[1];
        NodeTraversor.traverse(
                new NodeVisitor() {
                    @Override
                    public void head(Node node, int depth) {
                        if (depth > MAX_DEPTH) {
                            throw new TooDeep("elements nested deeper than " + MAX_DEPTH + " levels");
                        }
                        if (node instanceof Element e) {
                            Map<String, String> scope = new HashMap<>(scopes.isEmpty() ? Map.of() : scopes.peek());
                            for (Attribute a : e.attributes()) {
                                if (a.getKey().equals("xmlns")) {
                                    scope.put("", a.getValue());
                                } else if (a.getKey().startsWith("xmlns:")) {
                                    scope.put(a.getKey().substring(6), a.getValue());
                                }
                            }
                            scopes.push(scope);
                            String name = e.tagName();
                            int colon = name.indexOf(':');
                            String prefix = colon > 0 ? name.substring(0, colon) : "";
                            String local = colon > 0 ? name.substring(colon + 1) : name;
                            List<XmlNode.Attr> attrs = new ArrayList<>();
                            for (Attribute a : e.attributes()) {
                                String key = a.getKey();
                                int c = key.indexOf(':');
                                String ans = c > 0
                                        ? (key.startsWith("xml:")
                                                ? XmlNode.XML_NS
                                                : scope.getOrDefault(key.substring(0, c), ""))
                                        : "";
                                attrs.add(new XmlNode.Attr(ans, key, c > 0 ? key.substring(c + 1) : key, a.getValue()));
                            }
                            // a prefix the document never declared keeps its name, so that podcast:person stays itself
                            String ns = scope.getOrDefault(prefix, prefix.isEmpty() ? "" : "undeclared:" + prefix);
                            XmlNode x = new XmlNode(ns, prefix, local, attrs);
                            if (open.isEmpty()) {
                                root[0] = x;
                            } else {
                                open.peek().children.add(x);
                            }
                            open.push(x);
                        } else if (node instanceof TextNode t && !open.isEmpty()) {
                            String text = t.getWholeText();
                            if (text.length() > MAX_TEXT) {
                                problems.add("a text of " + text.length() + " characters: cut at " + MAX_TEXT);
                                text = text.substring(0, MAX_TEXT);
                            }
                            open.peek().children.add(text);
                        }
                    }

                    @Override
                    public void tail(Node node, int depth) {
                        if (node instanceof Element) {
                            open.pop();
                            scopes.pop();
                        }
                    }
                },
                top);
        return root[0];
    }

    private static final class Builder extends DefaultHandler {
        XmlNode root;
        private final Deque<XmlNode> open = new ArrayDeque<>();
        private final StringBuilder text = new StringBuilder();
        private boolean cutting;
        int cut;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            flush();
            if (open.size() >= MAX_DEPTH) {
                throw new TooDeep("elements nested deeper than " + MAX_DEPTH + " levels");
            }
            List<XmlNode.Attr> attrs = new ArrayList<>(attributes.getLength());
            for (int i = 0; i < attributes.getLength(); i++) {
                String q = attributes.getQName(i);
                if (q.equals("xmlns") || q.startsWith("xmlns:")) {
                    continue;
                }
                attrs.add(
                        new XmlNode.Attr(attributes.getURI(i), q, attributes.getLocalName(i), attributes.getValue(i)));
            }
            int colon = qName.indexOf(':');
            XmlNode node = new XmlNode(uri, colon > 0 ? qName.substring(0, colon) : "", localName, attrs);
            if (open.isEmpty()) {
                root = node;
            } else {
                open.peek().children.add(node);
            }
            open.push(node);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            flush();
            open.pop();
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (open.isEmpty()) {
                return;
            }
            if (text.length() + length > MAX_TEXT && !cutting) {
                cutting = true;
                cut++;
            }
            if (text.length() < MAX_TEXT) {
                text.append(ch, start, Math.min(length, MAX_TEXT - text.length()));
            }
        }

        private void flush() {
            if (text.length() > 0) {
                open.peek().children.add(text.toString());
                text.setLength(0);
            }
            cutting = false;
        }
    }
}
