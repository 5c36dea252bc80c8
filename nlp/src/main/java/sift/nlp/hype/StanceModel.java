package sift.nlp.hype;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
 * only when it is about AI, carries a hype marker and its probability of hype reaches the threshold. Reasons are
 * faithful: a feature is listed only when deleting its phrases from the sentence lowers the log-odds of hype.
 * Thread-safe.
 */
public final class StanceModel {
    static final String FILE = "stance.bin";
    /**
     * A feature is a reason when deleting its phrases lowers the log-odds of hype by at least this much (log-odds
     * rather than points, so that a sentence scored near 100 still shows what put it there).
     */
    static final double REASON_LOG_ODDS = 0.1;
    /** The probability of hype from which a sentence is called hype, chosen by cross-validation (docs/NLP.md). */
    public static final double DEFAULT_THRESHOLD = 0.45;

    /** The explainable features that mark hype; a hype verdict needs at least one of them. */
    static final Set<String> HYPE_MARKERS = Set.of("promo", "superlative", "absolute", "scope", "future", "prediction",
            "vague", "vague-number", "anthro");

    /** The stances, in the order of {@link Verdict#probabilities()}. */
    public static final List<String> STANCES = List.of("hype", "neutral", "skeptical");

    private final MaxentModel model;
    private final double threshold;

    StanceModel(MaxentModel model, double threshold) {
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("the hype threshold is a probability between 0 and 1, not " + threshold);
        }
        this.model = model;
        this.threshold = threshold;
    }

    /** The same model calling a sentence hype from another probability of hype (configuration). */
    /** The probability of hype from which a claim is called hype. */
    public double threshold() {
        return threshold;
    }

    public StanceModel withThreshold(double threshold) {
        return new StanceModel(model, threshold);
    }

    /**
     * What the model says of one sentence: its stance, the probability of each stance (in the order of
     * {@link #STANCES}), the reasons for its hype score, and the names of the explainable features it carries.
     */
    public record Verdict(String stance, double[] probabilities, List<String> reasons, Set<String> features) {
        /** The probability of hype, 0-1. */
        public double hype() {
            return probabilities[0];
        }

        /** The probability of the verdict's own stance. */
        public double confidence() {
            return probabilities[STANCES.indexOf(stance)];
        }

        /** The hype score, 0-100. */
        public int score() {
            return (int) Math.round(100 * hype());
        }
    }

    /** A labelled sentence: its text and stance. */
    public record Labelled(String text, String stance) {}

    public Verdict judge(String sentence) {
        List<HypeWords.Match> words = HypeWords.find(sentence);
        return judge(sentence, HypeWords.mentionsAi(words), words);
    }

    /**
     * The verdict on a sentence; {@code aboutAi} says whether it speaks of AI, by its own words or by its context
     * (a sentence about "it" in a post about an AI product).
     */
    public Verdict judge(String sentence, boolean aboutAi) {
        return judge(sentence, aboutAi, HypeWords.find(sentence));
    }

    /** The verdict on a sentence whose {@link HypeWords} were already found. */
    Verdict judge(String sentence, boolean aboutAi, List<HypeWords.Match> words) {
        List<HypeWords.Match> superlatives = Superlatives.find(sentence);
        ClaimFeatures features = ClaimFeatures.of(sentence, words, superlatives);
        double[] p = model.eval(features.context());
        double hype = hype(p);
        List<String> reasons = new ArrayList<>();
        for (Map.Entry<String, List<HypeWords.Match>> f : features.explained().entrySet()) {
            Edit edit = Edit.deleting(sentence, f.getValue());
            double without = hype(model.eval(ClaimFeatures.of(edit.text(), HypeWords.find(edit.text()),
                    edit.kept(superlatives)).context()));
            if (logOdds(hype) - logOdds(without) >= REASON_LOG_ODDS) {
                reasons.add(f.getKey() + ": " + f.getValue().stream().map(m -> "'" + m.phrase() + "'")
                        .distinct().collect(Collectors.joining(", ")));
            }
        }
        // hype is a promotional claim about AI: other marketing is neutral, and a sentence is called hype only
        // when one of the markers of hype is among the reasons for its score, never on its other words alone
        boolean marked = reasons.stream().anyMatch(r -> HYPE_MARKERS.contains(r.substring(0, r.indexOf(':'))));
        String stance = aboutAi && marked && hype >= threshold ? "hype"
                : p[model.getIndex("neutral")] >= p[model.getIndex("skeptical")] ? "neutral" : "skeptical";
        double[] ordered = new double[STANCES.size()];
        for (int i = 0; i < ordered.length; i++) {
            int index = model.getIndex(STANCES.get(i));
            ordered[i] = index < 0 ? 0 : p[index];
        }
        return new Verdict(stance, ordered, reasons, Set.copyOf(features.explained().keySet()));
    }

    /**
     * A sentence without some phrases (overlapping ones delete their union, each run of deleted characters
     * left as one space), and where each kept character went: so that the superlatives tagged in the sentence
     * carry over to the edit without tagging it again.
     */
    private record Edit(String text, int[] moved) {
        static Edit deleting(String sentence, List<HypeWords.Match> phrases) {
            boolean[] gone = new boolean[sentence.length()];
            for (HypeWords.Match m : phrases) {
                Arrays.fill(gone, m.start(), m.end(), true);
            }
            StringBuilder out = new StringBuilder(sentence.length());
            int[] moved = new int[sentence.length()];
            for (int i = 0; i < sentence.length(); i++) {
                moved[i] = gone[i] ? -1 : out.length();
                if (!gone[i]) {
                    out.append(sentence.charAt(i));
                } else if (i == 0 || !gone[i - 1]) {
                    out.append(' ');
                }
            }
            return new Edit(out.toString(), moved);
        }

        /** The matches that survive the edit, at their new places. */
        List<HypeWords.Match> kept(List<HypeWords.Match> matches) {
            List<HypeWords.Match> kept = new ArrayList<>();
            for (HypeWords.Match m : matches) {
                boolean whole = true;
                for (int i = m.start(); i < m.end(); i++) {
                    whole &= moved[i] >= 0;
                }
                if (whole) {
                    kept.add(new HypeWords.Match(m.feature(), m.phrase(), moved[m.start()], moved[m.end() - 1] + 1));
                }
            }
            return kept;
        }
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
            events.add(new Event(s.stance(), ClaimFeatures.of(s.text()).context()));
        }
        return new StanceModel(Maxent.train(events), DEFAULT_THRESHOLD);
    }

    public void write(Path dir) throws IOException {
        try (OutputStream out = Files.newOutputStream(dir.resolve(FILE))) {
            Maxent.write(model, out);
        }
    }

    public static StanceModel read(String dir) throws IOException {
        return new StanceModel(Maxent.readResource(dir + "/" + FILE), DEFAULT_THRESHOLD);
    }

    /** Whether a sentence makes a claim about AI at all (names AI, models, agents, GPUs, "intelligent" products). */
    public static boolean aboutAi(String sentence) {
        return HypeWords.mentionsAi(HypeWords.find(sentence));
    }
}
