package sift.ingest.clean;

import java.util.Objects;

/** Sanitised HTML, safe to put in a page as it is, and its plain text. */
public record CleanHtml(String html, String text) {
    public static final CleanHtml EMPTY = new CleanHtml("", "");

    public CleanHtml {
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(text, "text");
    }
}
