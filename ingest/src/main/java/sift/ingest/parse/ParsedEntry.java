package sift.ingest.parse;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a feed, links resolved to absolute URLs, dates in UTC (null when absent or impossible). Title,
 * summary and content are HTML (plain text escaped); {@code base} is the entry's {@code xml:base}, if any, which
 * relative URLs in its content resolve against.
 */
public record ParsedEntry(
        String id,
        String title,
        String link,
        Instant published,
        Instant updated,
        String author,
        String summary,
        String content,
        List<ParsedEnclosure> enclosures,
        List<String> categories,
        String base) {

    public ParsedEntry {
        enclosures = List.copyOf(enclosures);
        categories = List.copyOf(categories);
    }

    public record ParsedEnclosure(String url, Long length, String type) {}
}
