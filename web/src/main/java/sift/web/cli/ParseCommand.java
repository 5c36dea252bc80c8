package sift.web.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import sift.ingest.clean.CleanEntry;
import sift.ingest.clean.HtmlCleaner;
import sift.ingest.parse.FeedParseException;
import sift.ingest.parse.FeedParser;
import sift.ingest.parse.ParsedEntry;
import sift.ingest.parse.ParsedFeed;

/**
 * {@code sift parse FILE...}: parses feed files offline and prints one JSON line per file, with the cleaned
 * content Sift would store. A file that cannot be parsed still gets its line, with {@code error} saying why.
 */
@Command(
        name = "parse",
        mixinStandardHelpOptions = true,
        description = "Parse feed files offline; print one JSON line per file (the design's command-line contract).")
public final class ParseCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "RSS, Atom or JSON Feed files")
    List<Path> files;

    @Spec
    CommandLine.Model.CommandSpec spec;

    private final FeedParser parser = new FeedParser();
    private final HtmlCleaner cleaner = new HtmlCleaner();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        int failed = 0;
        for (Path file : files) {
            ObjectNode line = line(file);
            if (line.get("feed").isNull()) {
                failed++;
            }
            out.println(JSON.writeValueAsString(line));
        }
        out.flush();
        return failed == files.size() ? 1 : 0;
    }

    private ObjectNode line(Path file) {
        ObjectNode line = JSON.createObjectNode();
        line.put("file", file.toString());
        byte[] body;
        try {
            body = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return failed(line, "cannot read " + file + ": no such file");
        } catch (IOException e) {
            return failed(line, "cannot read " + file + ": " + e.getMessage());
        }
        try {
            ParsedFeed feed = parser.parse(body, null);
            line.put("format", feed.format());
            line.put("error", feed.problem());
            ObjectNode f = line.putObject("feed");
            f.put("title", cleaner.titleHtml(feed.title(), feed.link()));
            f.put("link", feed.link());
            f.put("description", cleaner.plainText(feed.description()));
            f.put("language", feed.language());
            f.put("image", feed.image());
            ArrayNode entries = line.putArray("entries");
            for (ParsedEntry entry : feed.entries()) {
                entries.add(entry(entry, feed.link()));
            }
            return line;
        } catch (FeedParseException e) {
            return failed(line, e.getMessage());
        }
    }

    private ObjectNode entry(ParsedEntry entry, String feedLink) {
        CleanEntry clean = cleaner.entry(entry, feedLink);
        ObjectNode e = JSON.createObjectNode();
        e.put("id", entry.id());
        e.put("title", cleaner.titleHtml(entry.title(), entry.link()));
        e.put("link", entry.link());
        e.put("published", iso(entry.published()));
        e.put("updated", iso(entry.updated()));
        e.put("author", entry.author());
        e.put("summary", entry.summary() == null ? null : clean.summary().html());
        e.put("content", entry.content() == null ? null : clean.content().html());
        ArrayNode enclosures = e.putArray("enclosures");
        for (ParsedEntry.ParsedEnclosure enclosure : entry.enclosures()) {
            ObjectNode n = enclosures.addObject();
            n.put("url", enclosure.url());
            n.put("length", enclosure.length());
            n.put("type", enclosure.type());
        }
        ArrayNode categories = e.putArray("categories");
        entry.categories().forEach(categories::add);
        return e;
    }

    private static ObjectNode failed(ObjectNode line, String error) {
        line.putNull("format");
        line.put("error", error);
        line.putNull("feed");
        line.putArray("entries");
        return line;
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
