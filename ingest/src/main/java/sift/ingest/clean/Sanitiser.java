package sift.ingest.clean;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.TagSet;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Copies what an {@link AllowList} keeps of a parsed fragment into a new element, namespace by namespace, the way a
 * browser will read it back:
 * <ul>
 *   <li>an HTML element that is not allowed is unwrapped (its children are kept), except those whose content is no
 *       prose for a reader (script, style, template, embed, frames and the like), which go whole; an
 *       {@code object}'s children are its fallback, which a reader sees, so they stay;</li>
 *   <li>a foreign (SVG or MathML) element that is not allowed goes whole, with its children: unwrapped, it would
 *       lift children of another namespace ({@code foreignObject}'s HTML, say) where a browser reads them as
 *       markup of this one;</li>
 *   <li>an element is kept only where a browser would give it the same namespace: SVG or MathML only inside
 *       {@code svg} or {@code math}, HTML only outside them. Where the parser left an HTML element inside foreign
 *       content (a browser would have broken out of the {@code svg} at a {@code <p>}), only its text is kept;</li>
 *   <li>a kept foreign element whose children a browser reads as HTML (SVG {@code title} and {@code desc}, MathML
 *       {@code mi}, {@code mo}, {@code mn}, {@code ms}, {@code mtext}) keeps its text only;</li>
 *   <li>a kept element whose body the HTML parser reads as raw text ({@link AllowList#RAW_TEXT}) is kept empty;</li>
 *   <li>text and elements standing in a table's structure outside any cell go before the table, where a browser
 *       puts them;</li>
 *   <li>comments, data (script and style bodies), doctypes and processing instructions go.</li>
 * </ul>
 * Not thread-safe: one instance a fragment.
 */
final class Sanitiser implements NodeFilter {
    /** HTML elements that hold no prose for a reader: not allowed, they go whole rather than being unwrapped. */
    private static final Pattern DROPPED_WHOLE =
            Pattern.compile("script|style|template|embed|frameset|frame|head|title|iframe|noembed|noframes|xmp");

    /** What a table's structure holds; anything else in it a browser moves before the table. */
    private static final Map<String, Set<String>> TABLE_CONTENT = Map.of(
            "table", Set.of("caption", "colgroup", "col", "tbody", "thead", "tfoot", "tr", "td", "th"),
            "tbody", Set.of("tr", "td", "th"),
            "thead", Set.of("tr", "td", "th"),
            "tfoot", Set.of("tr", "td", "th"),
            "tr", Set.of("td", "th"),
            "colgroup", Set.of("col"));

    private final AllowList allowList;
    private final Element root;
    private final String baseUri;
    private final Deque<Element> destinations = new ArrayDeque<>();
    private final Deque<Node> sources = new ArrayDeque<>();
    private final TagSet tags = TagSet.Html();

    private Sanitiser(AllowList allowList, Element root, Element destination) {
        this.allowList = allowList;
        this.root = root;
        this.baseUri = root.baseUri();
        destinations.push(destination);
    }

    /** The children of {@code source} that {@code allowList} keeps, copied into {@code destination}. */
    static void copy(AllowList allowList, Element source, Element destination) {
        NodeTraversor.filter(new Sanitiser(allowList, source, destination), source);
    }

    @Override
    public FilterResult head(Node node, int depth) {
        if (node == root) {
            return FilterResult.CONTINUE;
        }
        Element to = destinations.peek();
        if (node instanceof TextNode text) { // CDATA sections too: they become plain text
            insert(to, new TextNode(FragmentSource.characters(text.getWholeText())));
            return FilterResult.SKIP_ENTIRELY;
        }
        if (!(node instanceof Element e)) {
            return FilterResult.SKIP_ENTIRELY;
        }
        String namespace = e.tag().namespace();
        String name = e.normalName();
        String context = to.tag().namespace();
        if (!namespace.equals(context) && !startsForeignContent(context, namespace, name)) {
            if (namespace.equals(AllowList.HTML)) {
                appendText(to, e.text());
            }
            return FilterResult.SKIP_ENTIRELY;
        }
        if (!allowList.allows(namespace, name)) {
            boolean unwrap = namespace.equals(AllowList.HTML)
                    && !DROPPED_WHOLE.matcher(name).matches();
            return unwrap ? FilterResult.CONTINUE : FilterResult.SKIP_ENTIRELY;
        }
        // a tag of its own: the parsed one remembers whether the source wrote <circle/> or <circle></circle>
        Element copy = new Element(
                tags.valueOf(AllowList.canonicalName(namespace, name), namespace),
                null,
                allowList.attributes(e, baseUri));
        if (!Tidy.keeps(copy)) {
            return FilterResult.SKIP_ENTIRELY;
        }
        insert(to, copy);
        if (AllowList.isIntegrationPoint(namespace, name)) {
            appendText(copy, e.text());
            return FilterResult.SKIP_ENTIRELY;
        }
        if (namespace.equals(AllowList.HTML) && AllowList.RAW_TEXT.contains(name)) {
            return FilterResult.SKIP_ENTIRELY;
        }
        destinations.push(copy);
        sources.push(e);
        return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
        if (!sources.isEmpty() && sources.peek() == node) {
            sources.pop();
            Element done = destinations.pop();
            Tidy.keepLeadingNewline(done);
        }
        return FilterResult.CONTINUE;
    }

    /**
     * Appends {@code node} to {@code to}; or, when {@code to} is a table's structure (the table, a section, a row,
     * a column group) and the node is none of its content (text, a paragraph, a link), puts it before the table,
     * where a browser puts it (foster parenting: jsoup leaves text, and a link inside a link, in place).
     */
    private static void insert(Element to, Node node) {
        Set<String> content = to.tag().namespace().equals(AllowList.HTML) ? TABLE_CONTENT.get(to.normalName()) : null;
        boolean misplaced = content != null
                && (node instanceof TextNode t
                        ? !t.isBlank()
                        : !(((Element) node).tag().namespace().equals(AllowList.HTML)
                                && content.contains(node.normalName())));
        Element table = misplaced ? to : null;
        while (table != null && !table.nameIs("table")) {
            table = table.parent();
        }
        if (table != null && table.parent() != null) {
            table.before(node);
        } else {
            to.appendChild(node);
        }
    }

    /** {@code svg} and {@code math} open foreign content in HTML; nothing else changes namespace. */
    private static boolean startsForeignContent(String context, String namespace, String name) {
        return context.equals(AllowList.HTML)
                && (namespace.equals(AllowList.SVG) && name.equals("svg")
                        || namespace.equals(AllowList.MATHML) && name.equals("math"));
    }

    private static void appendText(Element to, String text) {
        if (!text.isEmpty()) {
            to.appendChild(new TextNode(FragmentSource.characters(text)));
        }
    }
}
