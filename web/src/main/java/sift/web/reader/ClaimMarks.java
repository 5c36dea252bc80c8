package sift.web.reader;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import sift.store.post.PostFacts;

/**
 * Marks a post's flagged AI claims inside its sanitised content: each hype claim's sentence, found in the text of
 * the content (whitespace aside, across inline elements), is wrapped in {@code <mark class="claim">} elements that
 * carry the claim's score and reasons, shown on hover and on keyboard focus. A sentence that cannot be found is
 * left alone: the post page lists every flagged claim as well.
 *
 * <p>The work is linear in the content, whatever the claims (issue 20: a post of hundreds of claims and a megabyte
 * of padding made each view allocate gigabytes): the content's text is indexed once, in flat arrays; the claims are
 * found in one pass in the order they appear, each searched from where the one before it ended; and each text node
 * is cut once for all the marks in it.
 */
final class ClaimMarks {
    /**
     * At most so many claims are marked in one post's content, the first in the order they appear: a post with more
     * is hostile or broken, and the page lists every flagged claim anyway.
     */
    static final int MAX_MARKED = 200;

    private ClaimMarks() {}

    /**
     * The flagged claims of a post: its hype claims written in its title and text, in the order they appear (title
     * first); claims said in an episode are listed under its player.
     */
    static List<PostFacts.Claim> flagged(List<PostFacts.Claim> claims) {
        return claims.stream()
                .filter(c -> c.stance().equals("hype") && !c.spoken())
                .toList();
    }

    /** The content with its flagged claims marked; the N-th flagged claim's marks point at {@code claim-N}. */
    static String mark(String html, List<PostFacts.Claim> claims) {
        List<Numbered> marked = textClaims(claims);
        if (html == null || marked.isEmpty()) {
            return html;
        }
        Document doc = Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false);
        Text text = Text.of(doc.body());
        text.wrap(find(text.flat, marked));
        return doc.body().html();
    }

    /** A flagged claim with its number in the page's list of flagged claims. */
    private record Numbered(PostFacts.Claim claim, int number) {}

    /** Where a claim's sentence is in the flat text: characters {@code from} (inclusive) to {@code to}. */
    private record Span(int from, int to, Numbered claim) {}

    /** The flagged claims of the text, numbered, in the order they appear, at most {@link #MAX_MARKED}. */
    private static List<Numbered> textClaims(List<PostFacts.Claim> claims) {
        List<PostFacts.Claim> flagged = flagged(claims);
        List<Numbered> text = new ArrayList<>();
        for (int i = 0; i < flagged.size(); i++) {
            if (flagged.get(i).part().equals("text")) {
                text.add(new Numbered(flagged.get(i), i + 1));
            }
        }
        text.sort(Comparator.comparingInt(n -> n.claim().start())); // stable: equal starts keep their order
        return text.subList(0, Math.min(MAX_MARKED, text.size()));
    }

    /**
     * The spans of the claims' sentences in the flat text, in its order and never overlapping. Each sentence is
     * searched from where the one before it ended; one not found there (claims out of order) is searched from the
     * start and kept if it overlaps no span found before. At most two scans of the text a claim, no allocation.
     */
    private static List<Span> find(String flat, List<Numbered> claims) {
        List<Span> spans = new ArrayList<>();
        int from = 0;
        for (Numbered claim : claims) {
            String sentence = normal(claim.claim().sentence());
            if (sentence.isEmpty()) {
                continue;
            }
            int at = flat.indexOf(sentence, from);
            if (at >= 0) {
                from = at + sentence.length();
            } else {
                at = flat.indexOf(sentence);
                if (at < 0 || overlaps(spans, at, at + sentence.length())) {
                    continue;
                }
            }
            spans.add(new Span(at, at + sentence.length(), claim));
        }
        spans.sort(Comparator.comparingInt(Span::from));
        return spans;
    }

    private static boolean overlaps(List<Span> spans, int from, int to) {
        for (Span s : spans) {
            if (s.from() < to && from < s.to()) {
                return true;
            }
        }
        return false;
    }

    /** Whitespace runs as one space, trimmed: how text compares across the content's markup. */
    private static String normal(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    /**
     * The content's text with every run of whitespace as one space, each character traced to its text node and its
     * offset there (node -1: a space that stands for a block boundary).
     */
    private static final class Text {
        final List<TextNode> nodes = new ArrayList<>();
        String flat;
        int[] nodeOf;
        int[] offsetOf;

        static Text of(Element root) {
            int[] capacity = {0};
            NodeTraversor.traverse(
                    (node, depth) -> {
                        capacity[0] +=
                                node instanceof TextNode n ? n.getWholeText().length() : 1;
                    },
                    root);
            Text t = new Text();
            StringBuilder flat = new StringBuilder(capacity[0]);
            int[] nodeOf = new int[capacity[0]];
            int[] offsetOf = new int[capacity[0]];
            NodeTraversor.traverse(
                    (node, depth) -> {
                        if (node instanceof TextNode n) {
                            String s = n.getWholeText();
                            int index = t.nodes.size();
                            t.nodes.add(n);
                            for (int i = 0; i < s.length(); i++) {
                                boolean space = Character.isWhitespace(s.charAt(i));
                                if (space && (flat.length() == 0 || flat.charAt(flat.length() - 1) == ' ')) {
                                    continue;
                                }
                                nodeOf[flat.length()] = index;
                                offsetOf[flat.length()] = i;
                                flat.append(space ? ' ' : s.charAt(i));
                            }
                        } else if (node instanceof Element e
                                && e.isBlock()
                                && flat.length() > 0
                                && flat.charAt(flat.length() - 1) != ' ') {
                            nodeOf[flat.length()] = -1;
                            offsetOf[flat.length()] = -1;
                            flat.append(' '); // a block boundary separates words even without whitespace
                        }
                    },
                    root);
            t.flat = flat.toString();
            t.nodeOf = Arrays.copyOf(nodeOf, flat.length());
            t.offsetOf = Arrays.copyOf(offsetOf, flat.length());
            return t;
        }

        /** A piece of one text node to mark: its characters {@code first} to {@code last}, both inclusive. */
        private record Piece(int node, int first, int last, Numbered claim) {}

        /**
         * Wraps each span, one mark per text node it covers; each mark is described by the claim's entry in the page's
         * list of flagged claims ({@code claim-N}). The spans come in the text's order and do not overlap, so the
         * pieces come in the order of the text nodes and of their characters.
         */
        void wrap(List<Span> spans) {
            List<Piece> pieces = new ArrayList<>();
            for (Span span : spans) {
                int i = span.from();
                while (i < span.to()) {
                    int node = nodeOf[i];
                    if (node < 0) {
                        i++;
                        continue;
                    }
                    // a text node's characters are side by side in the flat text
                    int first = offsetOf[i];
                    int last = first;
                    while (i < span.to() && nodeOf[i] == node) {
                        last = offsetOf[i++];
                    }
                    pieces.add(new Piece(node, first, last, span.claim()));
                }
            }
            for (int from = 0; from < pieces.size(); ) {
                int to = from;
                while (to < pieces.size()
                        && pieces.get(to).node() == pieces.get(from).node()) {
                    to++;
                }
                cut(nodes.get(pieces.get(from).node()), pieces.subList(from, to));
                from = to;
            }
        }

        /** Replaces a text node by its text and marks, cut once for all of its pieces. */
        private static void cut(TextNode n, List<Piece> pieces) {
            String s = n.getWholeText();
            List<Node> replacement = new ArrayList<>(pieces.size() * 2 + 1);
            int at = 0;
            for (Piece p : pieces) {
                if (p.first() > at) {
                    replacement.add(new TextNode(s.substring(at, p.first())));
                }
                Element mark = new Element("mark")
                        .addClass("claim")
                        .attr("tabindex", "0")
                        .attr("data-why", PostPage.explanation(p.claim().claim()))
                        .attr("aria-describedby", "claim-" + p.claim().number());
                mark.appendChild(new TextNode(s.substring(p.first(), p.last() + 1)));
                replacement.add(mark);
                at = p.last() + 1;
            }
            if (at < s.length()) {
                replacement.add(new TextNode(s.substring(at)));
            }
            Element parent = (Element) n.parent();
            int index = n.siblingIndex();
            n.remove();
            parent.insertChildren(index, replacement);
        }
    }
}
