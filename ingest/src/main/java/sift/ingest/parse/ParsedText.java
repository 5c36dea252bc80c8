package sift.ingest.parse;

import java.util.Objects;

/**
 * A text of a feed (a title, a summary, a content) as the feed typed it: HTML or plain text, with the base URL
 * its relative links resolve against ({@code xml:base} in scope; null when the document gave none).
 */
public record ParsedText(String value, boolean html, String base) {
    public ParsedText {
        Objects.requireNonNull(value, "value");
    }

    /** The text as HTML: plain text escaped. */
    public String asHtml() {
        return html ? value : Markup.escapeText(value);
    }

    static ParsedText plain(String value) {
        return value == null ? null : new ParsedText(value, false, null);
    }
}
