package sift.ingest.parse;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a feed, links resolved to absolute URLs, dates in UTC (null when absent or impossible). Title,
 * summary and content say whether they are HTML or plain text, and what their relative links resolve against.
 */
public record ParsedEntry(
        String id,
        ParsedText title,
        String link,
        Instant published,
        Instant updated,
        String author,
        ParsedText summary,
        ParsedText content,
        List<ParsedEnclosure> enclosures,
        List<String> categories) {

    public ParsedEntry {
        enclosures = List.copyOf(enclosures);
        categories = List.copyOf(categories);
    }

    public record ParsedEnclosure(String url, Long length, String type) {}
}
