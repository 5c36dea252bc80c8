package sift.ingest.clean;

/**
 * The HTML of a feed text made ready for parsing as a fragment of a page: line breaks as a browser reads them
 * (CR LF and CR become LF; jsoup keeps CRs that a browser would not) and NUL characters gone.
 */
final class FragmentSource {
    private FragmentSource() {}

    static String of(String html) {
        String s = newlines(html);
        if (s.indexOf('\0') >= 0) {
            s = s.replace("\0", "");
        }
        return s;
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
}
