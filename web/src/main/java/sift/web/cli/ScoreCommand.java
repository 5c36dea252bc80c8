package sift.web.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import sift.ingest.clean.HtmlCleaner;
import sift.ingest.parse.TranscriptParser;
import sift.nlp.Analysis;
import sift.nlp.Analyzer;
import sift.nlp.hype.Hype;
import sift.nlp.text.Document;
import sift.nlp.topic.TopicModel;
import sift.web.SiftConfig;
import sift.web.http.BadInput;

/**
 * {@code sift score [FILE]}: reads JSON lines {@code {"id", "title"?, "text" | "html"}} (standard input without a
 * file), optionally with what a feed gives a post ({@code link}, {@code feed: {title, url}}, {@code categories},
 * {@code enclosures: [{url, type, length}]}, {@code episodeTag}, {@code author}) and an episode's transcript
 * ({@code transcript}: the file's text in WebVTT, SRT, the Podcasting 2.0 JSON, HTML or plain text, with {@code
 * transcriptType} when known), and writes one JSON line of facts for each, in the design's contract, analysed as
 * ingest analyses a post; a claim said in the transcript has {@code "in": "transcript"}, {@code startSeconds} and
 * {@code speaker}. A line that cannot be scored gets an
 * {@code error} line naming its id or line number and the field at fault; the others are still scored.
 */
@Command(
        name = "score",
        mixinStandardHelpOptions = true,
        description = "Score JSON lines {\"id\", \"title\"?, \"text\" | \"html\"} (standard input without FILE), "
                + "optionally with link, feed {title, url}, categories, enclosures [{url, type, length}], episodeTag, "
                + "author and transcript (WebVTT, SRT, JSON, HTML or plain text; transcriptType when known): one JSON "
                + "line of topics, kind, hype, release and episode each.")
public final class ScoreCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "a file of JSON lines; standard input when absent")
    Path file;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Analyzer analyzer = new Analyzer().withHypeThreshold(SiftConfig.hypeThreshold(System.getenv()));
        HtmlCleaner cleaner = new HtmlCleaner();
        PrintWriter out = spec.commandLine().getOut();
        String source = file == null ? "standard input" : file.toString();
        int failed = 0;
        try (BufferedReader in = file == null
                ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                : Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                ObjectNode result;
                try {
                    result = score(JSON.readTree(line), analyzer, cleaner);
                } catch (JsonProcessingException e) {
                    result = error(null, source + " line " + number + ": not JSON: " + e.getOriginalMessage());
                } catch (BadInput e) {
                    result = error(idOf(line), source + " line " + number + ": " + e.getMessage());
                }
                if (result.has("error")) {
                    failed++;
                }
                out.println(JSON.writeValueAsString(result));
            }
        } catch (NoSuchFileException e) {
            throw new BadInput("no such file: " + file);
        }
        out.flush();
        return failed == 0 ? 0 : 1;
    }

    private static ObjectNode score(JsonNode in, Analyzer analyzer, HtmlCleaner cleaner) {
        if (!in.isObject()) {
            throw new BadInput("expected a JSON object {\"id\", \"title\"?, \"text\" | \"html\"}");
        }
        JsonNode id = in.get("id");
        String text;
        if (in.hasNonNull("text")) {
            text = in.get("text").asText();
        } else if (in.hasNonNull("html")) {
            text = cleaner.clean(in.get("html").asText(), null).text();
        } else {
            throw new BadInput("no \"text\" or \"html\"");
        }
        Analysis a = analyzer.analyze(document(in, text), said(in));

        ObjectNode out = JSON.createObjectNode();
        out.set("id", id);
        ArrayNode topics = out.putArray("topics");
        for (TopicModel.Scored t : a.topics()) {
            topics.addObject().put("id", t.topic().id()).put("score", Math.round(t.score() * 1000) / 1000.0);
        }
        out.put("kind", a.kind().id());
        ObjectNode hype = out.putObject("hype")
                .put("score", a.hype().score())
                .put("stance", a.hype().stance());
        ArrayNode claims = hype.putArray("claims");
        for (Hype.Claim c : a.hype().claims()) {
            ObjectNode claim = claims.addObject()
                    .put("text", c.text())
                    .put("score", c.score())
                    .put("stance", c.stance());
            c.reasons().forEach(claim.putArray("reasons")::add);
            claim.put("in", c.part().id());
            claim.putArray("span").add(c.start()).add(c.end());
            if (c.part() == Hype.Part.TRANSCRIPT) {
                claim.put("startSeconds", c.startMillis() == null ? null : c.startMillis() / 1000);
                claim.put("speaker", c.speaker());
            }
        }
        if (a.release() == null) {
            out.putNull("release");
        } else {
            out.putObject("release")
                    .put("product", a.release().product())
                    .put("version", a.release().version());
        }
        if (a.episode() == null) {
            out.putNull("episode");
        } else {
            ObjectNode episode =
                    out.putObject("episode").put("show", a.episode().show());
            if (a.episode().number() == null) {
                episode.putNull("number");
            } else {
                episode.put("number", a.episode().number());
            }
        }
        return out;
    }

    /** The post as ingest hands it to the analyzer: its words and whatever its feed said of it. */
    private static Document document(JsonNode in, String text) {
        JsonNode feed = in.path("feed");
        if (!feed.isMissingNode() && !feed.isNull() && !feed.isObject()) {
            throw new BadInput("\"feed\" must be an object {\"title\", \"url\"}");
        }
        List<String> types = new ArrayList<>();
        for (JsonNode enclosure : array(in, "enclosures")) {
            if (!enclosure.isObject()) {
                throw new BadInput("\"enclosures\" must hold objects {\"url\", \"type\", \"length\"}");
            }
            types.add(enclosure.path("type").asText(""));
        }
        List<String> categories = new ArrayList<>();
        array(in, "categories").forEach(c -> categories.add(c.asText()));
        Integer episodeTag = null;
        if (in.hasNonNull("episodeTag")) {
            JsonNode tag = in.get("episodeTag");
            if (!tag.canConvertToInt() && !tag.asText().matches("\\d{1,9}")) {
                throw new BadInput("\"episodeTag\" must be a whole number, not " + tag);
            }
            episodeTag = tag.canConvertToInt() ? tag.asInt() : Integer.valueOf(tag.asText());
        }
        return new Document(
                string(in, "title"),
                text,
                string(in, "link"),
                categories,
                types,
                string(feed, "title"),
                episodeTag,
                null,
                string(in, "author"));
    }

    /** The cues of the line's transcript, read as ingest reads a transcript file; none without one. */
    private static List<Hype.Cue> said(JsonNode in) {
        JsonNode transcript = in.get("transcript");
        if (transcript == null || transcript.isNull()) {
            return List.of();
        }
        if (!transcript.isTextual()) {
            throw new BadInput("\"transcript\" must be the transcript file's text (WebVTT, SRT, JSON, HTML or plain "
                    + "text), not " + transcript.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        try {
            return TranscriptParser.parse(
                            transcript.asText().getBytes(StandardCharsets.UTF_8), string(in, "transcriptType"))
                    .cues()
                    .stream()
                    .map(c -> new Hype.Cue(c.startMillis(), c.speaker(), c.text()))
                    .toList();
        } catch (IOException e) {
            throw new BadInput("\"transcript\" cannot be read: " + e.getMessage());
        }
    }

    private static Iterable<JsonNode> array(JsonNode in, String field) {
        JsonNode value = in.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new BadInput("\"" + field + "\" must be an array");
        }
        return value;
    }

    private static String string(JsonNode in, String field) {
        JsonNode value = in.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static ObjectNode error(JsonNode id, String message) {
        ObjectNode out = JSON.createObjectNode();
        out.set("id", id);
        out.put("error", message);
        return out;
    }

    private static JsonNode idOf(String line) {
        try {
            return JSON.readTree(line).get("id");
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
