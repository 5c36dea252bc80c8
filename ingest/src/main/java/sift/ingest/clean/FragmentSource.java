package sift.ingest.clean;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTML of a feed text made ready for parsing as a fragment of a page: line breaks as a browser reads them
 * (CR LF and CR become LF; jsoup keeps CRs that a browser would not) and NUL characters gone; and a DOCTYPE that
 * does not open a whole document made text. In a fragment a DOCTYPE is no markup but a parser drops it, up to the
 * next {@code >}: a post that says "{@code <!DOCTYPE html>} is the first line of every page" would lose its first
 * words, and one that is only {@code <!DOCTYPE} would be empty (issue 20).
 */
final class FragmentSource {
    private static final Pattern DOCTYPE = Pattern.compile("(?i)<!doctype");
    /** What follows the DOCTYPE of a whole document (a feed that put a page in its content): its head or body. */
    private static final Pattern DOCUMENT = Pattern.compile(
            "(?is)<!doctype[^>]*>(?:\\s|<!--.*?-->)*<(?:html|head|body|meta|title|link|base|style|script)[\\s/>]");

    private FragmentSource() {}

    static String of(String html) {
        String s = newlines(html);
        if (s.indexOf('\0') >= 0) {
            s = s.replace("\0", "");
        }
        return doctypesAsText(s);
    }

    /**
     * CR LF and CR as LF, as a browser reads them in a page's source; for text and attribute values too, where a
     * character reference ({@code &#13;}) put a CR that jsoup would write back as it is.
     */
    static String newlines(String s) {
        return s.indexOf('\r') < 0 ? s : s.replace("\r\n", "\n").replace('\r', '\n');
    }

    /**
     * Text or an attribute value as it is written back: {@link #newlines}, and U+0000 (from {@code &#0;}) as the
     * U+FFFD a browser reads for it.
     */
    static String characters(String s) {
        String text = newlines(s);
        return text.indexOf('\0') < 0 ? text : text.replace('\0', '\ufffd');
    }

    private static String doctypesAsText(String html) {
        Matcher doctype = DOCTYPE.matcher(html);
        if (!doctype.find()) {
            return html;
        }
        StringBuilder out = new StringBuilder(html.length() + 16);
        int copied = 0;
        int first = 0;
        while (first < html.length() && Character.isWhitespace(html.charAt(first))) {
            first++;
        }
        do {
            int at = doctype.start();
            boolean opensDocument = at == first
                    && DOCUMENT.matcher(html).region(at, html.length()).lookingAt();
            if (!opensDocument) {
                out.append(html, copied, at).append("&lt;");
                copied = at + 1;
            }
        } while (doctype.find());
        return out.append(html, copied, html.length()).toString();
    }
}
