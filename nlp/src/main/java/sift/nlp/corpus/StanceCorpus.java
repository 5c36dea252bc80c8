package sift.nlp.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import sift.nlp.hype.StanceModel;

/**
 * The stance corpus of the AI-claim scorer, one JSON object a line: {@code text}, {@code stance} ({@code hype},
 * {@code neutral} or {@code skeptical}) and {@code ai} (whether it says anything about AI). The training part
 * ({@value #TRAIN}) teaches the stance model; the held-out part ({@value #HELD_OUT}), in other voices, only
 * measures it, as do the held-out whole posts ({@value #POSTS_HELD_OUT}: {@code id}, {@code title}, {@code text},
 * the post's {@code stance}, and whether it is a sober {@code technical} text).
 */
public final class StanceCorpus {
    public static final String TRAIN = "/sift/nlp/corpus/stance.jsonl";
    public static final String HELD_OUT = "/sift/nlp/corpus/stance-heldout.jsonl";
    public static final String POSTS_HELD_OUT = "/sift/nlp/corpus/stance-posts-heldout.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, List<StanceModel.Labelled>> SENTENCES = new ConcurrentHashMap<>();
    private static final Map<String, List<LabelledPost>> POSTS = new ConcurrentHashMap<>();

    private StanceCorpus() {}

    /** A bundled part of the corpus, read once: it cannot change while Sift runs. */
    public static List<StanceModel.Labelled> bundled(String resource) {
        return SENTENCES.computeIfAbsent(resource, r -> List.copyOf(parse(Corpus.resource(r), r)));
    }

    /** A whole post labelled with its stance; {@code technical} marks a sober technical text. */
    public record LabelledPost(String id, String title, String text, String stance, boolean technical) {}

    /** The bundled labelled posts, read once. */
    public static List<LabelledPost> bundledPosts(String resource) {
        return POSTS.computeIfAbsent(resource, r -> List.copyOf(parsePosts(Corpus.resource(r), r)));
    }

    /** Labelled posts from JSON lines; a line that is not one fails with its source and line number. */
    public static List<LabelledPost> parsePosts(byte[] jsonl, String source) {
        return read(
                jsonl,
                source,
                (n, line) -> new LabelledPost(
                        n.path("id").asText("line " + line),
                        n.path("title").asText(""),
                        n.path("text").asText(),
                        n.path("stance").asText(),
                        n.path("technical").asBoolean(false)));
    }

    /** Labelled sentences from JSON lines; a line that is not one fails with its source and line number. */
    public static List<StanceModel.Labelled> parse(byte[] jsonl, String source) {
        return read(
                jsonl,
                source,
                (n, line) -> new StanceModel.Labelled(
                        n.path("text").asText(), n.path("stance").asText()));
    }

    /** Every line with a {@code text} and a known {@code stance}, made into a {@code T}. */
    private static <T> List<T> read(byte[] jsonl, String source, BiFunction<JsonNode, Integer, T> make) {
        List<T> all = new ArrayList<>();
        String[] lines = new String(jsonl, StandardCharsets.UTF_8).split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                JsonNode n = JSON.readTree(lines[i]);
                if (!n.path("text").isTextual()
                        || !StanceModel.STANCES.contains(n.path("stance").asText())) {
                    throw new IllegalArgumentException("expected \"text\" and a \"stance\" of " + StanceModel.STANCES);
                }
                all.add(make.apply(n, i + 1));
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ":" + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return all;
    }
}
