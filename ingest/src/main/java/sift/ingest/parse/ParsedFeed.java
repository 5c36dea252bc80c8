package sift.ingest.parse;

import java.util.List;
import java.util.Objects;

/** A feed as parsed: its own metadata and its entries, in the feed's order. HTML fields are not yet cleaned. */
public record ParsedFeed(
        String format,
        String title,
        String link,
        String description,
        String language,
        String image,
        List<ParsedEntry> entries) {

    public ParsedFeed {
        Objects.requireNonNull(format, "format");
        entries = List.copyOf(entries);
    }
}
