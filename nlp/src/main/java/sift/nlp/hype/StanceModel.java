package sift.nlp.hype;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
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
    static final Set<String> HYPE_MARKERS = Set.of(
            "promo", "superlative", "absolute", "scope", "future", "prediction", "vague", "vague-number", "anthro");

    /** The stances, in the order of {@link Verdict#probabilities()}. */
    public static final List<String> STANCES = List.of("hype", "neutral", "skeptical");

    /** The largest stance model taken, in bytes: the bundled one is about 66 KB. */
    public static final int MAX_BYTES = 4 << 20;

    private final MaxentModel model;
    private final double threshold;
    private final HypeLexicon lexicon;

    StanceModel(MaxentModel model, double threshold, HypeLexicon lexicon) {
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("the hype threshold is a probability between 0 and 1, not " + threshold);
        }
        this.model = model;
        this.threshold = threshold;
        this.lexicon = lexicon;
    }

    /** The probability of hype from which a claim is called hype. */
    public double threshold() {
        return threshold;
    }

    /** The same model calling a sentence hype from another probability of hype (configuration). */
    public StanceModel withThreshold(double threshold) {
        return new StanceModel(model, threshold, lexicon);
    }

    /** The lexicon whose phrases the model sees in a sentence. */
    public HypeLexicon lexicon() {
        return lexicon;
    }

    /** The same model finding its features with another lexicon (an admin's edit). */
    public StanceModel withLexicon(HypeLexicon lexicon) {
        return new StanceModel(model, threshold, lexicon);
    }

    /**
     * What the model says of one sentence: its stance, the probability of each stance (in the order of
     * {@link #STANCES}), the reasons for its hype score (for a skeptical sentence, the reasons for its skepticism),
     * and the names of the explainable features it carries.
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
        List<HypeLexicon.Match> words = lexicon.find(sentence);
        return judge(sentence, HypeLexicon.mentionsAi(words), words);
    }

    /**
     * The verdict on a sentence; {@code aboutAi} says whether it speaks of AI, by its own words or by its context
     * (a sentence about "it" in a post about an AI product).
     */
    public Verdict judge(String sentence, boolean aboutAi) {
        return judge(sentence, aboutAi, lexicon.find(sentence));
    }

    /** The verdict on a sentence whose {@link HypeLexicon} were already found. */
    Verdict judge(String sentence, boolean aboutAi, List<HypeLexicon.Match> words) {
        List<HypeLexicon.Match> superlatives = Superlatives.find(sentence);
        ClaimFeatures features = ClaimFeatures.of(sentence, words, superlatives);
        double[] p = eval(features);
        double hype = hype(p);
        List<String> reasons = new ArrayList<>();
        List<String> skepticalReasons = new ArrayList<>();
        double skeptical = stance(p, "skeptical");
        for (Map.Entry<String, List<HypeLexicon.Match>> f : features.explained().entrySet()) {
            Edit edit = Edit.deleting(sentence, f.getValue());
            double[] without = eval(ClaimFeatures.of(edit.text(), lexicon.find(edit.text()), edit.kept(superlatives)));
            String reason = f.getKey() + ": "
                    + f.getValue().stream()
                            .map(m -> "'" + m.phrase() + "'")
                            .distinct()
                            .collect(Collectors.joining(", "));
            if (logOdds(hype) - logOdds(hype(without)) >= REASON_LOG_ODDS) {
                reasons.add(reason);
            }
            if (logOdds(skeptical) - logOdds(stance(without, "skeptical")) >= REASON_LOG_ODDS) {
                skepticalReasons.add(reason);
            }
        }
        // hype is a promotional claim about AI: other marketing is neutral, and a sentence is called hype only
        // when one of the markers of hype is among the reasons for its score, never on its other words alone
        boolean marked = reasons.stream().anyMatch(r -> HYPE_MARKERS.contains(r.substring(0, r.indexOf(':'))));
        String stance = aboutAi && marked && hype >= threshold
                ? "hype"
                : p[model.getIndex("neutral")] >= p[model.getIndex("skeptical")] ? "neutral" : "skeptical";
        double[] ordered = new double[STANCES.size()];
        for (int i = 0; i < ordered.length; i++) {
            int index = model.getIndex(STANCES.get(i));
            ordered[i] = index < 0 ? 0 : p[index];
        }
        // a skeptical sentence's reasons are what makes it skeptical, not what would have made it hype
        return new Verdict(
                stance,
                ordered,
                stance.equals("skeptical") ? skepticalReasons : reasons,
                Set.copyOf(features.explained().keySet()));
    }

    /**
     * A sentence without some phrases (overlapping ones delete their union, each run of deleted characters
     * left as one space), and where each kept character went: so that the superlatives tagged in the sentence
     * carry over to the edit without tagging it again.
     */
    private record Edit(String text, int[] moved) {
        static Edit deleting(String sentence, List<HypeLexicon.Match> phrases) {
            boolean[] gone = new boolean[sentence.length()];
            for (HypeLexicon.Match m : phrases) {
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
        List<HypeLexicon.Match> kept(List<HypeLexicon.Match> matches) {
            List<HypeLexicon.Match> kept = new ArrayList<>();
            for (HypeLexicon.Match m : matches) {
                boolean whole = true;
                for (int i = m.start(); i < m.end(); i++) {
                    whole &= moved[i] >= 0;
                }
                if (whole) {
                    kept.add(new HypeLexicon.Match(m.feature(), m.phrase(), moved[m.start()], moved[m.end() - 1] + 1));
                }
            }
            return kept;
        }
    }

    /** The probability of each stance, each explainable feature weighed as the lexicon says. */
    private double[] eval(ClaimFeatures features) {
        String[] context = features.context();
        float[] values = lexicon.values(context);
        return values == null ? model.eval(context) : model.eval(context, values);
    }

    private double hype(double[] p) {
        return stance(p, "hype");
    }

    private double stance(double[] p, String stance) {
        int index = model.getIndex(stance);
        return index < 0 ? 0 : p[index];
    }

    private static double logOdds(double p) {
        double q = Math.min(1 - 1e-9, Math.max(1e-9, p));
        return Math.log(q / (1 - q));
    }

    /** A model trained on labelled sentences, their features found with the lexicon. */
    public static StanceModel train(List<Labelled> sentences, HypeLexicon lexicon) {
        List<Event> events = new ArrayList<>(sentences.size());
        for (Labelled s : sentences) {
            events.add(new Event(s.stance(), ClaimFeatures.of(s.text(), lexicon).context()));
        }
        return new StanceModel(Maxent.train(events), DEFAULT_THRESHOLD, lexicon);
    }

    public void write(Path dir) throws IOException {
        try (OutputStream out = Files.newOutputStream(dir.resolve(FILE))) {
            Maxent.write(model, out);
        }
    }

    /** The model as OpenNLP's binary format, to be kept as a version. */
    public byte[] bytes() {
        var out = new ByteArrayOutputStream();
        try {
            Maxent.write(model, out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing a model to memory cannot fail on I/O", e);
        }
        return out.toByteArray();
    }

    /** The model bundled under {@code dir}, with the bundled lexicon. */
    public static StanceModel read(String dir) throws IOException {
        return new StanceModel(Maxent.readResource(dir + "/" + FILE), DEFAULT_THRESHOLD, HypeLexicon.bundled());
    }

    /**
     * A model kept as bytes ({@link #bytes}), {@code source} naming it in errors. Refused with an {@link
     * IllegalArgumentException} that says why: empty, larger than {@value #MAX_BYTES} bytes, not an OpenNLP model,
     * or not a model of the three stances.
     */
    public static StanceModel read(byte[] bytes, String source, HypeLexicon lexicon) {
        if (bytes == null || bytes.length == 0) {
            throw new IllegalArgumentException(source + " is empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException(String.format(
                    java.util.Locale.ROOT,
                    "%s is %,d bytes; a stance model is at most %,d",
                    source,
                    bytes.length,
                    MAX_BYTES));
        }
        MaxentModel model;
        try {
            model = Maxent.read(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(source + " is not an OpenNLP maximum-entropy model (" + e + ")", e);
        }
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < model.getNumOutcomes(); i++) {
            outcomes.add(model.getOutcome(i));
        }
        if (outcomes.size() != STANCES.size() || !outcomes.containsAll(STANCES)) {
            throw new IllegalArgumentException(
                    source + " is a model of " + outcomes + ", not of the stances " + STANCES);
        }
        return new StanceModel(model, DEFAULT_THRESHOLD, lexicon);
    }
}
