package sift.nlp.embed;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.MaxentModel;
import sift.nlp.model.Maxent;

/**
 * A logistic regression (OpenNLP's maximum entropy, real-valued) over an {@link Encoder} vector: the pretrained
 * knowledge's say on a label, to be blended with the explainable models' say. Thread-safe.
 */
public final class VectorModel {
    static final double L2 = 0.1;
    private static final String[] CONTEXT = context();

    private final MaxentModel model;

    VectorModel(MaxentModel model) {
        this.model = model;
    }

    /** The probability of each outcome for this vector, in the order of {@link #outcomes}. */
    public double[] eval(float[] vector) {
        return model.eval(CONTEXT, values(vector));
    }

    /** The probability of {@code outcome} (0 when the model never saw it). */
    public double probability(String outcome, float[] vector) {
        int index = model.getIndex(outcome);
        return index < 0 ? 0 : eval(vector)[index];
    }

    public int index(String outcome) {
        return model.getIndex(outcome);
    }

    public static VectorModel train(List<String> outcomes, List<float[]> vectors) {
        List<Event> events = new ArrayList<>(outcomes.size());
        for (int i = 0; i < outcomes.size(); i++) {
            events.add(new Event(outcomes.get(i), CONTEXT, values(vectors.get(i))));
        }
        return new VectorModel(Maxent.trainValued(events, L2));
    }

    public void write(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            Maxent.write(model, out);
        }
    }

    public static VectorModel read(String resource) throws IOException {
        return new VectorModel(Maxent.readResource(resource));
    }

    /** A bias, then each dimension. */
    private static String[] context() {
        String[] names = new String[Encoder.DIMENSIONS + 1];
        names[0] = "bias";
        for (int i = 0; i < Encoder.DIMENSIONS; i++) {
            names[i + 1] = "e" + i;
        }
        return names;
    }

    private static float[] values(float[] vector) {
        if (vector.length != Encoder.DIMENSIONS) {
            throw new IllegalArgumentException("a vector of " + Encoder.DIMENSIONS + " numbers, not " + vector.length);
        }
        float[] values = new float[Encoder.DIMENSIONS + 1];
        values[0] = 1;
        System.arraycopy(vector, 0, values, 1, Encoder.DIMENSIONS);
        return values;
    }
}
