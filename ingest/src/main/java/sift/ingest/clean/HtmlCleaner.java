package sift.ingest.clean;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Sanitises feed HTML to an allow-list once, at ingest, before storage: no script, style, frame, form or
 * event handler survives, links and images point at absolute http(s) URLs, and links leave Sift without
 * referrer or opener. Thread-safe.
 */
public final class HtmlCleaner {
    private static final int SUMMARY_CHARS = 280;

    private final Safelist safelist = Safelist.relaxed()
            .addTags("figure", "figcaption", "hr", "abbr", "kbd", "samp", "var", "s", "del", "ins", "mark", "time")
            .addAttributes("abbr", "title")
            .addAttributes("time", "datetime")
            .addAttributes("code", "class")
            .addAttributes("pre", "class")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer")
            .addEnforcedAttribute("img", "loading", "lazy");

    /** Cleans {@code html}; relative URLs resolve against {@code baseUri} (the post's link, else the feed's). */
    public CleanHtml clean(String html, String baseUri) {
        if (html == null || html.isBlank()) {
            return CleanHtml.EMPTY;
        }
        String base = baseUri == null ? "" : baseUri;
        Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);
        String safe = Jsoup.clean(html, base, safelist, output).strip();
        String text = Jsoup.parseBodyFragment(safe).text().strip();
        return new CleanHtml(safe, text);
    }

    /** Plain text of a summary: the feed's own when it has one, else the start of the content, cut at a word. */
    public String summary(CleanHtml feedSummary, CleanHtml content) {
        String text = !feedSummary.text().isBlank() ? feedSummary.text() : content.text();
        if (text.length() <= SUMMARY_CHARS) {
            return text;
        }
        int cut = text.lastIndexOf(' ', SUMMARY_CHARS);
        String start = text.substring(0, cut > SUMMARY_CHARS / 2 ? cut : SUMMARY_CHARS).stripTrailing();
        return start.replaceAll("[\\p{Punct}&&[^)\\]\"']]+$", "") + "…";
    }

    /** Plain text of a fragment that may hold markup or entities, such as a feed's title. */
    public String plainText(String fragment) {
        if (fragment == null || fragment.isBlank()) {
            return null;
        }
        return Jsoup.parseBodyFragment(fragment).text().strip();
    }
}
