package sift.nlp.topic;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.MaxentModel;
import sift.nlp.corpus.Example;
import sift.nlp.embed.VectorModel;
import sift.nlp.model.Maxent;
import sift.nlp.taxonomy.Topic;
import sift.nlp.text.Features;

/**
 * Topics, multi-label: one maximum-entropy model a topic (this topic or not) over the post's words, blended with a
 * logistic regression over the pretrained encoder's vector of its title and lead (weight {@value #BLEND}); each
 * topic has its own threshold, calibrated on out-of-fold blended scores of the training corpus to the best F1.
 * A post gets the topics whose score
 * reaches their threshold, best first, at most {@value #MAX_TOPICS}; a text about none of them (or in another
 * language) gets none. Thread-safe.
 */
public final class TopicModel {
    public static final int MAX_TOPICS = 3;
    static final int FOLDS = 5;
    static final double FLOOR = 0.5;
    /** The weight of the vector model's say (chosen on the dev set). */
    static final double BLEND = 0.5;

    private static final String YES = "yes";
    private static final String NO = "no";

    private final Map<Topic, MaxentModel> models;
    private final Map<Topic, VectorModel> vectors;
    private final Map<Topic, Double> thresholds;

    TopicModel(Map<Topic, MaxentModel> models, Map<Topic, VectorModel> vectors, Map<Topic, Double> thresholds) {
        this.models = new EnumMap<>(models);
        this.vectors = new EnumMap<>(vectors);
        this.thresholds = new EnumMap<>(thresholds);
    }

    /** A topic and how sure the model is of it (0-1). */
    public record Scored(Topic topic, double score) {}

    /** The topics that fit, best first; {@code vector} is the encoder's vector of the post. */
    public List<Scored> topics(String[] features, float[] vector) {
        if (Arrays.stream(features).noneMatch(f -> f.startsWith("w="))) {
            return List.of(); // no words, no subject
        }
        Map<Topic, Double> scores = scores(features, vector);
        List<Scored> fit = new ArrayList<>();
        Scored closest = null;
        for (Map.Entry<Topic, Double> m : scores.entrySet()) {
            Scored scored = new Scored(m.getKey(), m.getValue());
            if (scored.score() >= thresholds.get(scored.topic())) {
                fit.add(scored);
            } else if (closest == null
                    || scored.score() / thresholds.get(scored.topic())
                            > closest.score() / thresholds.get(closest.topic())) {
                closest = scored;
            }
        }
        // a post of the field has a topic: when none reaches its threshold, the one closest to it, if it reaches
        // half of it and the post uses that topic's vocabulary at all (an empty or foreign text gets none)
        if (fit.isEmpty()
                && closest != null
                && closest.score() >= FLOOR * thresholds.get(closest.topic())
                && Arrays.asList(features).contains("x=" + closest.topic().id())) {
            fit.add(closest);
        }
        fit.sort(Comparator.comparingDouble(Scored::score).reversed());
        return fit.size() > MAX_TOPICS ? List.copyOf(fit.subList(0, MAX_TOPICS)) : List.copyOf(fit);
    }

    private Map<Topic, Double> blend(Map<Topic, Double> words, float[] vector) {
        Map<Topic, Double> scores = new EnumMap<>(Topic.class);
        words.forEach((topic, w) ->
                scores.put(topic, (1 - BLEND) * w + BLEND * vectors.get(topic).probability(YES, vector)));
        return scores;
    }

    /** Every topic's blended score, thresholds aside: for calibration and reports. */
    public Map<Topic, Double> scores(String[] features, float[] vector) {
        Map<Topic, Double> words = new EnumMap<>(Topic.class);
        models.forEach((topic, model) -> words.put(topic, Maxent.probability(model, YES, features)));
        return blend(words, vector);
    }

    /**
     * Trains the two models of each topic on {@code examples} ({@code vectors}: the encoder's vector of each),
     * thresholds from {@value #FOLDS}-fold out-of-fold scores.
     */
    public static TopicModel train(List<Example> examples, List<float[]> vectors) {
        List<String[]> features =
                examples.stream().map(e -> Features.of(e.doc())).toList();
        Map<Topic, Double> thresholds = calibrate(examples, features, vectors);
        return new TopicModel(fit(examples, features), fitVectors(examples, vectors), thresholds);
    }

    /** The models alone, all thresholds 0.5: what the calibration's folds need. */
    private static TopicModel trainUncalibrated(
            List<Example> examples, List<String[]> features, List<float[]> vectors) {
        Map<Topic, Double> half = new EnumMap<>(Topic.class);
        for (Topic t : Topic.values()) {
            half.put(t, 0.5);
        }
        return new TopicModel(fit(examples, features), fitVectors(examples, vectors), half);
    }

    private static Map<Topic, MaxentModel> fit(List<Example> examples, List<String[]> features) {
        Map<Topic, MaxentModel> models = new EnumMap<>(Topic.class);
        for (Topic topic : Topic.values()) {
            List<Event> events = new ArrayList<>(examples.size());
            for (int i = 0; i < examples.size(); i++) {
                events.add(new Event(examples.get(i).topics().contains(topic) ? YES : NO, features.get(i)));
            }
            models.put(topic, Maxent.train(events));
        }
        return models;
    }

    private static Map<Topic, VectorModel> fitVectors(List<Example> examples, List<float[]> vectors) {
        Map<Topic, VectorModel> models = new EnumMap<>(Topic.class);
        for (Topic topic : Topic.values()) {
            models.put(
                    topic,
                    VectorModel.train(
                            examples.stream()
                                    .map(e -> e.topics().contains(topic) ? YES : NO)
                                    .toList(),
                            vectors));
        }
        return models;
    }

    /** Per topic, the threshold with the best F1 over the out-of-fold scores (ties: the higher one). */
    private static Map<Topic, Double> calibrate(
            List<Example> examples, List<String[]> features, List<float[]> vectors) {
        double[][] outOfFold = new double[examples.size()][];
        for (int fold = 0; fold < FOLDS; fold++) {
            List<Example> train = new ArrayList<>();
            List<String[]> trainFeatures = new ArrayList<>();
            List<float[]> trainVectors = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                if (i % FOLDS != fold) {
                    train.add(examples.get(i));
                    trainFeatures.add(features.get(i));
                    trainVectors.add(vectors.get(i));
                }
            }
            TopicModel model = trainUncalibrated(train, trainFeatures, trainVectors);
            for (int i = fold; i < examples.size(); i += FOLDS) {
                Map<Topic, Double> scores = model.scores(features.get(i), vectors.get(i));
                outOfFold[i] = Topic.stream().mapToDouble(scores::get).toArray();
            }
        }
        Map<Topic, Double> thresholds = new EnumMap<>(Topic.class);
        for (Topic topic : Topic.values()) {
            double best = 0.5;
            double bestF1 = -1;
            for (int step = 5; step <= 90; step++) {
                double threshold = step / 100.0;
                int tp = 0;
                int fp = 0;
                int fn = 0;
                for (int i = 0; i < examples.size(); i++) {
                    boolean predicted = outOfFold[i][topic.ordinal()] >= threshold;
                    boolean actual = examples.get(i).topics().contains(topic);
                    tp += predicted && actual ? 1 : 0;
                    fp += predicted && !actual ? 1 : 0;
                    fn += !predicted && actual ? 1 : 0;
                }
                double f1 = tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
                if (f1 >= bestF1) {
                    bestF1 = f1;
                    best = threshold;
                }
            }
            thresholds.put(topic, best);
        }
        return thresholds;
    }

    /** Writes {@code topic-ID.bin} and {@code topic-ID-vector.bin} for each topic, the thresholds into {@code properties}. */
    public void write(Path dir, Properties properties) throws IOException {
        for (Map.Entry<Topic, MaxentModel> m : models.entrySet()) {
            try (OutputStream out =
                    Files.newOutputStream(dir.resolve("topic-" + m.getKey().id() + ".bin"))) {
                Maxent.write(m.getValue(), out);
            }
            vectors.get(m.getKey()).write(dir.resolve("topic-" + m.getKey().id() + "-vector.bin"));
            properties.setProperty("threshold." + m.getKey().id(), Double.toString(thresholds.get(m.getKey())));
        }
    }

    /** Reads what {@link #write} wrote, from the classpath folder {@code dir}. */
    public static TopicModel read(String dir, Properties properties) throws IOException {
        Map<Topic, MaxentModel> models = new EnumMap<>(Topic.class);
        Map<Topic, VectorModel> vectors = new EnumMap<>(Topic.class);
        Map<Topic, Double> thresholds = new EnumMap<>(Topic.class);
        for (Topic topic : Topic.values()) {
            vectors.put(topic, VectorModel.read(dir + "/topic-" + topic.id() + "-vector.bin"));
            String name = dir + "/topic-" + topic.id() + ".bin";
            try (InputStream in = TopicModel.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IOException("the model " + name + " is not on the classpath");
                }
                models.put(topic, Maxent.read(in));
            }
            thresholds.put(topic, Double.parseDouble(properties.getProperty("threshold." + topic.id(), "0.5")));
        }
        return new TopicModel(models, vectors, thresholds);
    }
}
