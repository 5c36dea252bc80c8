package sift.web.reader;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import sift.store.post.PostFacts;

/**
 * Marks a post's flagged AI claims inside its sanitised content: each hype claim's sentence, found in the text of
 * the content (whitespace aside, across inline elements), is wrapped in {@code <mark class="claim">} elements that
 * carry the claim's score and reasons, shown on hover and on keyboard focus. A sentence that cannot be found is
 * left alone: the post page lists every flagged claim as well.
 */
final class ClaimMarks {
    private ClaimMarks() {}

    /** The flagged claims of a post: its hype claims, in the order they appear (title first). */
    static List<PostFacts.Claim> flagged(List<PostFacts.Claim> claims) {
        return claims.stream().filter(c -> c.stance().equals("hype")).toList();
    }

    /** The content with its flagged claims marked; the N-th flagged claim's marks point at {@code claim-N}. */
    static String mark(String html, List<PostFacts.Claim> claims) {
        List<PostFacts.Claim> marked = flagged(claims).stream().filter(c -> c.part().equals("text")).toList();
        if (html == null || marked.isEmpty()) {
            return html;
        }
        Document doc = Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false);
        List<PostFacts.Claim> flagged = flagged(claims);
        for (PostFacts.Claim claim : marked) {
            Text text = Text.of(doc.body());
            String sentence = normal(claim.sentence());
            int at = text.flat.indexOf(sentence);
            if (at >= 0) {
                text.wrap(at, at + sentence.length(), claim, flagged.indexOf(claim) + 1);
            }
        }
        return doc.body().html();
    }

    /** Whitespace runs as one space, trimmed: how text compares across the content's markup. */
    private static String normal(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    /** The content's text with every run of whitespace as one space, each character traced to its text node. */
    private static final class Text {
        final StringBuilder flat = new StringBuilder();
        final List<TextNode> nodes = new ArrayList<>();
        final List<Integer> offsets = new ArrayList<>();

        static Text of(Element root) {
            Text t = new Text();
            NodeTraversor.traverse((node, depth) -> {
                if (node instanceof TextNode n) {
                    String s = n.getWholeText();
                    for (int i = 0; i < s.length(); i++) {
                        boolean space = Character.isWhitespace(s.charAt(i));
                        if (space && (t.flat.length() == 0 || t.flat.charAt(t.flat.length() - 1) == ' ')) {
                            continue;
                        }
                        t.flat.append(space ? ' ' : s.charAt(i));
                        t.nodes.add(n);
                        t.offsets.add(i);
                    }
                } else if (node instanceof Element e && e.isBlock() && t.flat.length() > 0
                        && t.flat.charAt(t.flat.length() - 1) != ' ') {
                    t.flat.append(' '); // a block boundary separates words even without whitespace
                    t.nodes.add(null);
                    t.offsets.add(-1);
                }
            }, root);
            return t;
        }

        /**
         * Wraps the characters {@code from} to {@code to} of the flat text, one mark per text node they cover; each
         * mark is described by the claim's entry in the page's list of flagged claims ({@code claim-N}).
         */
        void wrap(int from, int to, PostFacts.Claim claim, int number) {
            List<TextNode> covered = new ArrayList<>();
            for (int i = from; i < to; i++) {
                if (nodes.get(i) != null && !covered.contains(nodes.get(i))) {
                    covered.add(nodes.get(i));
                }
            }
            for (TextNode n : covered) {
                int first = -1;
                int last = -1;
                for (int i = from; i < to; i++) {
                    if (nodes.get(i) == n) {
                        first = first < 0 ? offsets.get(i) : first;
                        last = offsets.get(i);
                    }
                }
                if (last + 1 < n.getWholeText().length()) {
                    n.splitText(last + 1);
                }
                TextNode inside = first > 0 ? n.splitText(first) : n;
                Element mark = new Element("mark").addClass("claim").attr("tabindex", "0")
                        .attr("data-why", PostPage.explanation(claim)).attr("aria-describedby", "claim-" + number);
                inside.before(mark);
                mark.appendChild(inside);
            }
        }
    }
}
