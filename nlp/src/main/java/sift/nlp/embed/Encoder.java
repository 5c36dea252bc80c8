package sift.nlp.embed;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;
import sift.nlp.Document;

/**
 * A pretrained sentence encoder: all-MiniLM-L6-v2 (quantised), run in process by ONNX Runtime, loaded from the
 * classpath (the langchain4j artifact ships it), never downloaded. It turns a post's title and lead into 384
 * numbers that carry what the model learned from a billion sentences of the world, where the bundled corpus has
 * a few hundred. It costs milliseconds a post, so it reads only the title and the first {@value #WORDS} words.
 * Thread-safe.
 */
public final class Encoder {
    public static final int DIMENSIONS = 384;
    static final int WORDS = 40;

    private final EmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();

    private Encoder() {}

    /** The one encoder of this process, loaded on first use (about a second). */
    public static Encoder shared() {
        return Holder.ENCODER;
    }

    private static final class Holder {
        static final Encoder ENCODER = new Encoder();
    }

    /** The vector of a post: its title, then its text's first words (unit length; zeros when it has no words). */
    public float[] encode(String title, String text) {
        String input = input(title, text);
        return input.isBlank() ? new float[DIMENSIONS] : model.embed(input).content().vector();
    }

    /** The vectors of many posts, in their order (training). */
    public List<float[]> encodeAll(List<Document> docs) {
        return docs.stream().map(d -> encode(d.title(), d.text())).toList();
    }

    static String input(String title, String text) {
        StringBuilder in = new StringBuilder(title.strip());
        if (in.length() > 0) {
            in.append(".\n");
        }
        int words = 0;
        int i = 0;
        int n = text.length();
        while (i < n && words < WORDS) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                in.append(text, start, i).append(' ');
                words++;
            }
        }
        return in.toString().strip();
    }
}
