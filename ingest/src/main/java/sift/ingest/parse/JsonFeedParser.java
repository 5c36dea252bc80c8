package sift.ingest.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1). */
final class JsonFeedParser {
    private static final ObjectMapper JSON = new ObjectMapper();

    ParsedFeed parse(byte[] body, URI base) throws FeedParseException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new FeedParseException("not well-formed JSON" + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new FeedParseException("cannot read the JSON: " + e.getMessage(), e);
        }
        String version = text(root, "version");
        if (version == null || !version.startsWith("https://jsonfeed.org/version/")) {
            throw new FeedParseException("JSON document without a JSON Feed \"version\": not a JSON Feed", null);
        }
        String home = Links.resolve(base, text(root, "home_page_url"));
        List<ParsedEntry> entries = new ArrayList<>();
        for (JsonNode item : root.path("items")) {
            entries.add(entry(item, base, author(root)));
        }
        return new ParsedFeed(
                "json_" + version.substring("https://jsonfeed.org/version/".length()),
                ParsedText.plain(text(root, "title")),
                home,
                text(root, "description"),
                text(root, "language"),
                Links.resolve(base, text(root, "icon")),
                entries,
                null,
                null);
    }

    private static ParsedEntry entry(JsonNode item, URI base, String feedAuthor) {
        String html = text(item, "content_html");
        String plain = text(item, "content_text");
        String author = author(item);
        List<ParsedEntry.ParsedEnclosure> attachments = new ArrayList<>();
        for (JsonNode a : item.path("attachments")) {
            String url = Links.resolve(base, text(a, "url"));
            if (url != null) {
                Long size = a.path("size_in_bytes").canConvertToLong()
                        ? a.path("size_in_bytes").asLong()
                        : null;
                attachments.add(new ParsedEntry.ParsedEnclosure(url, size, text(a, "mime_type")));
            }
        }
        List<String> tags = new ArrayList<>();
        item.path("tags").forEach(t -> {
            if (t.isTextual() && !t.asText().isBlank()) {
                tags.add(t.asText().strip());
            }
        });
        String summary = text(item, "summary");
        String title = text(item, "title");
        return new ParsedEntry(
                item.path("id").isValueNode() ? item.path("id").asText() : null,
                ParsedText.plain(title),
                Links.resolve(base, text(item, "url")),
                date(text(item, "date_published")),
                date(text(item, "date_modified")),
                author != null ? author : feedAuthor,
                ParsedText.plain(summary),
                html != null ? new ParsedText(html, true, null) : ParsedText.plain(plain),
                attachments,
                tags,
                null);
    }

    /** The first author's name: {@code authors} in 1.1, {@code author} in 1.0. */
    private static String author(JsonNode node) {
        JsonNode authors = node.path("authors");
        if (authors.isArray() && !authors.isEmpty()) {
            return text(authors.get(0), "name");
        }
        return text(node.path("author"), "name");
    }

    private static Instant date(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText().strip() : null;
    }
}
