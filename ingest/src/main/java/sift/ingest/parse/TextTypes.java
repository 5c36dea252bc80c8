package sift.ingest.parse;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;

/** The types of a feed's text constructs: what a declared type means, and when nominally plain text is HTML. */
final class TextTypes {
    static final Set<String> HTML = Set.of("text/html", "application/xhtml+xml");
    private static final Pattern CLOSE_TAG_OR_ENTITY = Pattern.compile("</\\w+>|&#?\\w+;");
    private static final Pattern TAG = Pattern.compile("</?(\\w+)");
    private static final Pattern NAMED_ENTITY = Pattern.compile("&(\\w+);");

    private TextTypes() {}

    /** The media type a text construct declares ({@code text}, {@code html}, {@code xhtml} or a MIME type), else the fallback. */
    static String contentType(String declared, String fallback) {
        if (declared == null || declared.isBlank()) {
            return fallback;
        }
        String t = declared.strip().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "text", "plain" -> "text/plain";
            case "html" -> "text/html";
            case "xhtml" -> "application/xhtml+xml";
            default -> t;
        };
    }

    /**
     * RSS's nominally plain text routinely holds HTML: a closing tag or an entity, and only common tags and
     * entities HTML knows.
     */
    static boolean looksLikeHtml(String s) {
        if (!CLOSE_TAG_OR_ENTITY.matcher(s).find()) {
            return false;
        }
        var tags = TAG.matcher(s);
        while (tags.find()) {
            if (!Markup.COMMON_TAGS.contains(tags.group(1).toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        var entities = NAMED_ENTITY.matcher(s);
        while (entities.find()) {
            if (!Entities.isNamedEntity(entities.group(1))) {
                return false;
            }
        }
        return true;
    }
}
