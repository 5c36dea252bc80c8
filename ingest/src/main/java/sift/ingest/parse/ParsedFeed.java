package sift.ingest.parse;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A feed as parsed: its own metadata and its entries, in the feed's order. HTML fields are not yet cleaned.
 * {@code problem} says what was wrong with a document that could still be read (not well-formed XML, an HTML
 * entity XML does not know, too many entries), else null. {@code ttl} is how long RSS's {@code <ttl>} says the
 * feed may be cached, else null.
 */
public record ParsedFeed(
        String format,
        ParsedText title,
        String link,
        String description,
        String language,
        String image,
        List<ParsedEntry> entries,
        String problem,
        Duration ttl) {

    public ParsedFeed {
        Objects.requireNonNull(format, "format");
        entries = List.copyOf(entries);
    }
}
