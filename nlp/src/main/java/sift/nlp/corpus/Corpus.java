package sift.nlp.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import sift.nlp.taxonomy.Kind;
import sift.nlp.taxonomy.Topic;
import sift.nlp.text.Document;

/**
 * The labelled corpus Sift ships, one JSON object a line: {@code title}, {@code text}, {@code topics} (ids),
 * {@code kind}, and optionally {@code id}, {@code link}, {@code media} (an enclosure's type), {@code feed},
 * {@code episodeTag}, {@code release} ({@code {"product","version"}}) and {@code episode} (the number). The
 * training part ({@value #TRAIN}) teaches the models; the held-out part ({@value #HELD_OUT}), written in other
 * voices, only measures them.
 */
public final class Corpus {
    public static final String TRAIN = "/sift/nlp/corpus/train.jsonl";
    public static final String HELD_OUT = "/sift/nlp/corpus/heldout.jsonl";
    /** Written unlike the training part, by other hands: what the blend settings are chosen on, never trained on. */
    public static final String DEV = "/sift/nlp/corpus/dev.jsonl";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Corpus() {}

    public static List<Example> bundled(String resource) {
        return parse(resource(resource), resource);
    }

    /** The bytes of a corpus file the build bundled into the jar. */
    static byte[] resource(String resource) {
        try (InputStream in = Corpus.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the corpus " + resource + " is not on the classpath (was nlp built?)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the corpus " + resource, e);
        }
    }

    /** Examples from bytes in the corpus format; {@code source} names them in errors. */
    public static List<Example> parse(byte[] jsonl, String source) {
        try {
            return read(new ByteArrayInputStream(jsonl), source);
        } catch (IOException e) {
            throw new UncheckedIOException("reading bytes held in memory cannot fail on I/O", e);
        }
    }

    /** Reads examples; a line that is not a valid example fails with its source and line number. */
    public static List<Example> read(InputStream in, String source) throws IOException {
        List<Example> examples = new ArrayList<>();
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("//")) {
                continue;
            }
            try {
                examples.add(example(JSON.readTree(line), source + ":" + number));
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ":" + number + ": " + e.getMessage(), e);
            }
        }
        return examples;
    }

    private static Example example(JsonNode n, String where) {
        String media = text(n, "media");
        Document doc = new Document(
                required(n, "title"),
                required(n, "text"),
                text(n, "link"),
                List.of(),
                media == null ? List.of() : List.of(media),
                text(n, "feed"),
                n.hasNonNull("episodeTag") ? n.get("episodeTag").asInt() : null,
                null,
                text(n, "author"));
        Set<Topic> topics = EnumSet.noneOf(Topic.class);
        for (JsonNode t : n.path("topics")) {
            topics.add(Topic.byId(t.asText())
                    .orElseThrow(() -> new IllegalArgumentException("unknown topic '" + t.asText() + "'")));
        }
        Kind kind = Kind.byId(required(n, "kind"))
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown kind '" + n.get("kind").asText() + "'"));
        JsonNode release = n.get("release");
        String product = release == null || release.isNull() ? null : required(release, "product");
        String version = release == null || release.isNull() ? null : required(release, "version");
        Integer episode = n.hasNonNull("episode") ? n.get("episode").asInt() : null;
        String id = text(n, "id") != null ? text(n, "id") : where;
        return new Example(id, doc, topics, kind, product, version, episode);
    }

    private static String required(JsonNode n, String field) {
        String value = text(n, field);
        if (value == null) {
            throw new IllegalArgumentException("'" + field + "' is missing");
        }
        return value;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
