package sift.ingest.clean;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Cuts a cleaned fragment to at most so many characters of HTML at a node boundary: the nodes after the limit go,
 * a text node that straddles it is cut at a character boundary, and every element still open is closed, so the
 * result is well formed and nothing it leaves open swallows what a page shows after it. One pass without
 * recursion: fragments nested thousands deep are fine.
 */
final class Bound {
    private final Document scratch = new Document("");

    private Bound() {
        scratch.outputSettings().prettyPrint(false);
    }

    /**
     * The serialised children of {@code root}, cut to at most {@code max} characters; {@code root}'s document must
     * serialise without pretty-printing.
     */
    static String html(Element root, int max) {
        String html = root.html();
        int budget = max;
        while (html.length() > max && budget > 0) {
            new Bound().cut(root, budget);
            String cut = root.html();
            budget -= Math.max(1, cut.length() - max); // only if the sizes summed were off
            html = cut;
        }
        return html;
    }

    /** Drops what comes after {@code max} characters of {@code root}'s serialised children. */
    private void cut(Element root, int max) {
        int used = 0;
        int closing = 0; // the end tags of the elements entered, written whatever is cut inside them
        Node node = root.childNodeSize() > 0 ? root.childNode(0) : null;
        while (node != null) {
            if (node instanceof Element e && e.childNodeSize() > 0) {
                int[] tags = tags(e);
                if (used + tags[0] + tags[1] + closing > max) {
                    drop(node, 0, root);
                    return;
                }
                used += tags[0];
                closing += tags[1];
                node = e.childNode(0);
                continue;
            }
            int size = node.outerHtml().length();
            if (used + size + closing > max) {
                if (node instanceof TextNode t && keepStart(t, max - used - closing)) {
                    drop(t, 1, root);
                } else {
                    drop(node, 0, root);
                }
                return;
            }
            used += size;
            while (node != root && node.nextSibling() == null) { // up to the nearest ancestor with a next sibling
                node = node.parent();
                if (node != root) {
                    closing -= tags((Element) node)[1];
                }
            }
            node = node == root ? null : node.nextSibling();
        }
    }

    /** The length of an element's start tag and of its end tag. */
    private int[] tags(Element e) {
        Element shell = new Element(e.tag(), null, e.attributes().clone()); // no clone: it looks up a base URI
        scratch.appendChild(shell);
        shell.appendChild(new TextNode("x"));
        String html = shell.outerHtml();
        shell.remove();
        int start = html.indexOf(">x") + 1;
        return new int[] {start, html.length() - start - 1};
    }

    /**
     * Removes what follows {@code node} in document order (and {@code node} itself unless {@code keep} is 1): its
     * following siblings and those of each of its ancestors below {@code root}.
     */
    private static void drop(Node node, int keep, Element root) {
        Element parent = (Element) node.parent();
        removeChildren(parent, node.siblingIndex() + keep);
        for (Element e = parent; e != root; e = e.parent()) {
            removeChildren(e.parent(), e.siblingIndex() + 1);
        }
    }

    private static void removeChildren(Element parent, int from) {
        for (int i = parent.childNodeSize() - 1; i >= from; i--) {
            parent.childNode(i).remove();
        }
    }

    /**
     * Keeps the start of {@code t} that serialises to at most {@code room} characters, never half a surrogate pair;
     * false when nothing of it fits (it is then left for the caller to drop).
     */
    private static boolean keepStart(TextNode t, int room) {
        String text = t.getWholeText();
        int low = 0;
        int high = text.length();
        while (low < high) { // the longest prefix that fits
            int mid = (low + high + 1) >>> 1;
            t.text(text.substring(0, mid));
            if (t.outerHtml().length() <= room) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        if (low > 0 && low < text.length() && Character.isHighSurrogate(text.charAt(low - 1))) {
            low--;
        }
        t.text(text.substring(0, low));
        return low > 0;
    }
}
