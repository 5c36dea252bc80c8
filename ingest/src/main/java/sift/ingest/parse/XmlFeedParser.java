package sift.ingest.parse;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.xml.sax.SAXParseException;

/**
 * RSS, Atom, RDF and CDF: the bytes repaired ({@link XmlInput}), read strictly, or leniently when they are not
 * well-formed XML (the problem is then reported with what could be read), and mapped ({@link FeedMapper}).
 * No DOCTYPE reaches a parser, so no entity is ever resolved or expanded; depth, text and entry count are bounded.
 */
final class XmlFeedParser {
    private static final Set<String> ROOTS = Set.of("rss", "rdf", "feed", "channel");

    ParsedFeed parse(byte[] body, URI base) throws FeedParseException {
        XmlInput input = XmlInput.of(body);
        List<String> problems = new ArrayList<>();
        XmlNode root;
        try {
            try {
                root = XmlTrees.strict(input.xml, problems);
            } catch (SAXParseException e) {
                String where = e.getLineNumber() > 0
                        ? " at line " + e.getLineNumber() + ", column " + e.getColumnNumber()
                        : "";
                problems.add("not well-formed XML" + where + ": " + e.getMessage());
                root = XmlTrees.lenient(input.xml, problems);
            }
        } catch (XmlTrees.TooDeep e) {
            throw new FeedParseException("refused: " + e.getMessage(), e);
        }
        problems.addAll(input.problems);
        if (root == null) {
            throw new FeedParseException(problems.isEmpty() ? "no XML element in the document" : problems.get(0), null);
        }
        if (!ROOTS.contains(root.local.toLowerCase(Locale.ROOT)) && !hasEntries(root)) {
            throw new FeedParseException(
                    "not a feed: the document is <" + root.local + ">, not RSS, Atom or RDF"
                            + (problems.isEmpty() ? "" : " (" + problems.get(0) + ")"),
                    null);
        }
        return FeedMapper.map(root, base, problems);
    }

    private static boolean hasEntries(XmlNode root) {
        for (Object child : root.children) {
            if (child instanceof XmlNode n) {
                String name = n.local.toLowerCase(Locale.ROOT);
                if (name.equals("item") || name.equals("entry") || name.equals("channel")) {
                    return true;
                }
            }
        }
        return false;
    }
}
