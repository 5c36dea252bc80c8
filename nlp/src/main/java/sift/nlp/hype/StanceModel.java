package sift.nlp.hype;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.MaxentModel;
import sift.nlp.model.Maxent;

/**
 * The stance of a sentence about AI ({@code hype}, {@code neutral}, {@code skeptical}), from a maximum-entropy
 * model over {@link ClaimFeatures}; its hype score is the probability of hype, 0-100. A sentence is called hype
 * only when it carries a hype marker. Reasons are faithful: an explainable feature is listed only when leaving it
 * out lowers the log-odds of hype. Thread-safe.
 */
public final class StanceModel {
    static final String FILE = "stance.bin";
    /**
     * A feature is a reason when leaving it out lowers the log-odds of hype by at least this much (log-odds rather
     * than points, so that a sentence scored near 100 still shows what put it there).
     */
    static final double REASON_LOG_ODDS = 0.1;

    /** The explainable features that mark hype; a hype verdict needs at least one of them. */
    static final Set<String> HYPE_MARKERS = Set.of("promo", "superlative", "absolute", "scope", "future", "vague",
            "vague-number", "anthro");

    /** The stances, in the order of {@link Verdict#probabilities()}. */
    public static final List<String> STANCES = List.of("hype", "neutral", "skeptical");

    private final MaxentModel model;

    StanceModel(MaxentModel model) {
        this.model = model;
    }

    /**
     * What the model says of one sentence: its stance, the probability of each stance (in the order of
     * {@link #STANCES}), and the reasons for its hype score.
     */
    public record Verdict(String stance, double[] probabilities, List<String> reasons) {
        /** The probability of hype, 0-1. */
        public double hype() {
            return probabilities[0];
        }

        /** The hype score, 0-100. */
        public int score() {
            return (int) Math.round(100 * hype());
        }
    }

    /** A labelled sentence: its text and stance. */
    public record Labelled(String text, String stance) {}

    public Verdict judge(String sentence) {
        ClaimFeatures features = ClaimFeatures.of(sentence);
        double[] p = model.eval(features.context(null));
        double hype = hype(p);
        List<String> reasons = new ArrayList<>();
        for (Map.Entry<String, List<HypeWords.Match>> f : features.explained().entrySet()) {
            double without = hype(model.eval(features.context(f.getKey())));
            if (logOdds(hype) - logOdds(without) >= REASON_LOG_ODDS) {
                reasons.add(f.getKey() + ": " + f.getValue().stream().map(m -> "'" + m.phrase() + "'")
                        .distinct().collect(Collectors.joining(", ")));
            }
        }
        String stance = model.getBestOutcome(p);
        if (stance.equals("hype") && features.explained().keySet().stream().noneMatch(HYPE_MARKERS::contains)) {
            // hype is promotional wording: a sentence with none of its markers is not called hype on its words alone
            stance = p[model.getIndex("neutral")] >= p[model.getIndex("skeptical")] ? "neutral" : "skeptical";
        }
        double[] ordered = new double[STANCES.size()];
        for (int i = 0; i < ordered.length; i++) {
            int index = model.getIndex(STANCES.get(i));
            ordered[i] = index < 0 ? 0 : p[index];
        }
        return new Verdict(stance, ordered, reasons);
    }

    private double hype(double[] p) {
        int index = model.getIndex("hype");
        return index < 0 ? 0 : p[index];
    }

    private static double logOdds(double p) {
        double q = Math.min(1 - 1e-9, Math.max(1e-9, p));
        return Math.log(q / (1 - q));
    }

    public static StanceModel train(List<Labelled> sentences) {
        List<Event> events = new ArrayList<>(sentences.size());
        for (Labelled s : sentences) {
            events.add(new Event(s.stance(), ClaimFeatures.of(s.text()).context(null)));
        }
        return new StanceModel(Maxent.train(events));
    }

    public void write(Path dir) throws IOException {
        try (OutputStream out = Files.newOutputStream(dir.resolve(FILE))) {
            Maxent.write(model, out);
        }
    }

    public static StanceModel read(String dir) throws IOException {
        try (InputStream in = StanceModel.class.getResourceAsStream(dir + "/" + FILE)) {
            if (in == null) {
                throw new IOException("the model " + dir + "/" + FILE + " is not on the classpath");
            }
            return new StanceModel(Maxent.read(in));
        }
    }

    /** Whether a sentence makes a claim about AI at all (names AI, models, agents, GPUs, "intelligent" products). */
    public static boolean aboutAi(String sentence) {
        return HypeWords.mentionsAi(sentence);
    }
}
