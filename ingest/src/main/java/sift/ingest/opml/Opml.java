package sift.ingest.opml;

import java.io.InputStream;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import sift.store.feed.Feed;
import sift.store.feed.NewFeed;

/**
 * OPML subscription lists, in and out. Outlines with an {@code xmlUrl} are feeds; the text of the outlines
 * around them is their category. DTDs and external entities are refused.
 */
public final class Opml {
    private Opml() {}

    /** @param source names the document in error messages: a file name or URL */
    public static List<NewFeed> read(InputStream in, String source) throws OpmlException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        List<NewFeed> feeds = new ArrayList<>();
        Deque<String> categories = new ArrayDeque<>();
        XMLStreamReader xml = null;
        boolean sawOpml = false;
        try {
            xml = factory.createXMLStreamReader(in);
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamReader.DTD) {
                    throw new XMLStreamException("a DOCTYPE is not allowed in OPML", xml.getLocation());
                }
                if (event == XMLStreamReader.START_ELEMENT && xml.getLocalName().equals("opml")) {
                    sawOpml = true;
                } else if (event == XMLStreamReader.START_ELEMENT
                        && xml.getLocalName().equals("outline")) {
                    String url = attribute(xml, "xmlUrl");
                    String title = attribute(xml, "title");
                    String text = title != null ? title : attribute(xml, "text");
                    if (url != null) {
                        String folder = category(categories);
                        feeds.add(new NewFeed(url, text, folder != null ? folder : categoryAttribute(xml)));
                    }
                    categories.push(url == null && text != null ? text : "");
                } else if (event == XMLStreamReader.END_ELEMENT
                        && xml.getLocalName().equals("outline")) {
                    categories.pop();
                }
            }
        } catch (XMLStreamException e) {
            var at = e.getLocation();
            String where = at == null || at.getLineNumber() < 0 ? "" : " line " + at.getLineNumber() + ":";
            throw new OpmlException(source + ":" + where + " not valid OPML: " + e.getMessage(), e);
        } finally {
            close(xml);
        }
        if (!sawOpml) {
            throw new OpmlException(source + ": not OPML (no <opml> element)", null);
        }
        return feeds;
    }

    /** The subscriptions as an OPML 2.0 document, grouped by category. */
    public static String write(List<Feed> feeds, String title) {
        Map<String, List<Feed>> byCategory = new LinkedHashMap<>();
        for (Feed feed : feeds) {
            byCategory
                    .computeIfAbsent(Objects.requireNonNullElse(feed.category(), ""), k -> new ArrayList<>())
                    .add(feed);
        }
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("opml");
            xml.writeAttribute("version", "2.0");
            xml.writeStartElement("head");
            xml.writeStartElement("title");
            xml.writeCharacters(title);
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeStartElement("body");
            for (var group : byCategory.entrySet()) {
                boolean named = !group.getKey().isEmpty();
                if (named) {
                    xml.writeStartElement("outline");
                    xml.writeAttribute("text", group.getKey());
                }
                for (Feed feed : group.getValue()) {
                    xml.writeEmptyElement("outline");
                    xml.writeAttribute("type", "rss");
                    xml.writeAttribute("text", feed.displayTitle());
                    xml.writeAttribute("xmlUrl", feed.url());
                    if (feed.siteUrl() != null) {
                        xml.writeAttribute("htmlUrl", feed.siteUrl());
                    }
                }
                if (named) {
                    xml.writeEndElement();
                }
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write OPML to a string", e);
        }
        return out.toString();
    }

    /** The names of the enclosing outlines, outermost first, as one category such as "Blogs / Vendors". */
    /**
     * OPML 2.0's {@code category} attribute ("comma-separated slash-delimited category strings", e.g.
     * {@code /Networking/Routing}): its first category, without the leading slash; used when no folder encloses
     * the outline.
     */
    private static String categoryAttribute(XMLStreamReader xml) {
        String value = attribute(xml, "category");
        if (value == null) {
            return null;
        }
        String first = value.split(",")[0].strip().replaceAll("^/+", "").strip();
        return first.isEmpty() ? null : first;
    }

    private static String category(Deque<String> enclosing) {
        List<String> names = new ArrayList<>();
        enclosing.descendingIterator().forEachRemaining(name -> {
            if (!name.isEmpty()) {
                names.add(name);
            }
        });
        return names.isEmpty() ? null : String.join(" / ", names);
    }

    private static String attribute(XMLStreamReader xml, String name) {
        String value = xml.getAttributeValue(null, name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void close(XMLStreamReader xml) {
        if (xml != null) {
            try {
                xml.close();
            } catch (XMLStreamException ignored) {
                // nothing left to read; the document's error, if any, is already reported
            }
        }
    }
}
