package sift.ingest.parse;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a feed, links resolved to absolute URLs, dates in UTC (null when absent or impossible). Title,
 * summary and content say whether they are HTML or plain text, and what their relative links resolve against;
 * {@code podcast} holds the episode's iTunes and Podcasting 2.0 tags, null for an entry without any.
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
        List<String> categories,
        ParsedPodcast podcast) {

    public ParsedEntry {
        enclosures = List.copyOf(enclosures);
        categories = List.copyOf(categories);
    }

    public record ParsedEnclosure(String url, Long length, String type) {}
}
