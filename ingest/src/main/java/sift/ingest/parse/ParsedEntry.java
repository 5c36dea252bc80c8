package sift.ingest.parse;

import java.time.Instant;
import java.util.List;

/** One entry of a feed, links resolved to absolute URLs, dates in UTC (null when absent or impossible). */
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
        List<String> categories) {

    public ParsedEntry {
        enclosures = List.copyOf(enclosures);
        categories = List.copyOf(categories);
    }

    public record ParsedEnclosure(String url, Long length, String type) {}
}
