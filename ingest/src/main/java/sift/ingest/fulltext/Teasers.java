package sift.ingest.fulltext;

import java.util.Locale;
import java.util.regex.Pattern;
import sift.ingest.clean.CleanEntry;
import sift.ingest.parse.ParsedEntry;

/**
 * Tells a teaser from a post: an entry whose text ends in "Continue reading", "Read more", "[…]" and the like,
 * or a short text that breaks off with an ellipsis, or a feed that gave only a short summary and no content.
 * Episodes (audio or video enclosures) are never teasers: their page is the show notes they already carry.
 */
public final class Teasers {
    /** Fewer words than this, with no content from the feed, is a summary of a post elsewhere. */
    static final int SHORT_SUMMARY_WORDS = 80;
    /** A text this short that ends in an ellipsis was cut off. */
    static final int CUT_OFF_WORDS = 150;

    private static final Pattern MORE_LINE = Pattern.compile("(?iu)^[\\s\\p{Punct}»→›]*(continue reading|"
            + "keep reading|read more|read the (full|rest|whole|complete)\\b.*|read on|more|full (story|article|post))"
            + "\\b.{0,60}$");
    private static final Pattern MORE_MARK = Pattern.compile("(?u)(\\[(…|\\.\\.\\.)]|\\((more|read more)…?\\))\\s*$");
    private static final Pattern ELLIPSIS = Pattern.compile("(?u)(…|\\.\\.\\.)\\s*$");

    private Teasers() {}

    public static boolean isTeaser(ParsedEntry entry, CleanEntry clean) {
        if (entry.link() == null || isEpisode(entry)) {
            return false;
        }
        String text = clean.content().text().strip();
        String lastLine = text.substring(text.lastIndexOf('\n') + 1).strip();
        if (MORE_LINE.matcher(lastLine).matches() || MORE_MARK.matcher(lastLine).find()) {
            return true;
        }
        int words = words(text);
        if (ELLIPSIS.matcher(lastLine).find() && words < CUT_OFF_WORDS) {
            return true;
        }
        return entry.content() == null && words < SHORT_SUMMARY_WORDS;
    }

    private static boolean isEpisode(ParsedEntry entry) {
        return entry.enclosures().stream()
                .anyMatch(e -> e.type() != null
                        && (e.type().toLowerCase(Locale.ROOT).startsWith("audio/")
                                || e.type().toLowerCase(Locale.ROOT).startsWith("video/")));
    }

    private static int words(String text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean letter = !Character.isWhitespace(text.charAt(i));
            if (letter && !inWord) {
                words++;
            }
            inWord = letter;
        }
        return words;
    }
}
