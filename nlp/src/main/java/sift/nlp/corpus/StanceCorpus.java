package sift.nlp.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import sift.nlp.hype.StanceModel;

/**
 * The stance corpus of the AI-claim scorer, one JSON object a line: {@code text}, {@code stance} ({@code hype},
 * {@code neutral} or {@code skeptical}) and {@code ai} (whether it says anything about AI). The training part
 * ({@value #TRAIN}) teaches the stance model; the held-out part ({@value #HELD_OUT}), in other voices, only
 * measures it.
 */
public final class StanceCorpus {
    public static final String TRAIN = "/sift/nlp/corpus/stance.jsonl";
    public static final String HELD_OUT = "/sift/nlp/corpus/stance-heldout.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private StanceCorpus() {}

    public static List<StanceModel.Labelled> bundled(String resource) {
        return parse(Corpus.resource(resource), resource);
    }

    /** Labelled sentences from JSON lines; a line that is not one fails with its source and line number. */
    public static List<StanceModel.Labelled> parse(byte[] jsonl, String source) {
        List<StanceModel.Labelled> all = new ArrayList<>();
        String[] lines = new String(jsonl, StandardCharsets.UTF_8).split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                JsonNode n = JSON.readTree(lines[i]);
                String text = n.path("text").asText(null);
                String stance = n.path("stance").asText(null);
                if (text == null || !StanceModel.STANCES.contains(stance)) {
                    throw new IllegalArgumentException("expected \"text\" and a \"stance\" of " + StanceModel.STANCES);
                }
                all.add(new StanceModel.Labelled(text, stance));
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ":" + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return all;
    }
}
