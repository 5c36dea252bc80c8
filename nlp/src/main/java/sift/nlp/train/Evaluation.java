package sift.nlp.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import sift.nlp.Analysis;
import sift.nlp.Analyzer;
import sift.nlp.corpus.Example;
import sift.nlp.embed.Encoder;
import sift.nlp.hype.StanceModel;
import sift.nlp.kind.KindClassifier;
import sift.nlp.release.ReleaseExtractor;
import sift.nlp.taxonomy.Kind;
import sift.nlp.taxonomy.Topic;
import sift.nlp.topic.TopicModel;

/**
 * How well the models do: per-label precision, recall and F1 for topics and kinds, release product and version,
 * episode numbers, the confusion between labels, and the examples they got wrong. {@link #crossValidate}
 * measures models trained on k-1 folds of the training corpus on the fold left out; {@link #of} measures given
 * models on given examples (the held-out set, which no model ever trains or tunes on).
 */
public final class Evaluation {
    private final int[][] topicCounts = new int[Topic.values().length][3]; // tp, fp, fn
    private final int[][] topicConfusion = new int[Topic.values().length][Topic.values().length];
    private final int[][] kindConfusion = new int[Kind.values().length][Kind.values().length];
    private int releases;
    private int releasesRight;
    private int nonReleases;
    private int falseReleases;
    private int episodes;
    private int episodesRight;
    private final List<String> mistakes = new ArrayList<>();

    private Evaluation() {}

    /** Measures {@code analyzer} on {@code examples}. */
    public static Evaluation of(Analyzer analyzer, List<Example> examples) {
        Evaluation e = new Evaluation();
        for (Example example : examples) {
            e.add(example, analyzer.analyze(example.doc()));
        }
        return e;
    }

    /**
     * {@code folds}-fold cross-validation on the training corpus: every example judged by topic and kind models that
     * never saw it ({@code stances} only completes the analyzer; this evaluation does not look at hype).
     */
    public static Evaluation crossValidate(List<Example> examples, int folds, StanceModel stances) {
        Evaluation e = new Evaluation();
        List<float[]> vectors =
                Encoder.shared().encodeAll(examples.stream().map(Example::doc).toList());
        for (int fold = 0; fold < folds; fold++) {
            List<Example> train = new ArrayList<>();
            List<float[]> trainVectors = new ArrayList<>();
            List<Example> test = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                if (i % folds == fold) {
                    test.add(examples.get(i));
                } else {
                    train.add(examples.get(i));
                    trainVectors.add(vectors.get(i));
                }
            }
            Analyzer analyzer = new Analyzer(
                    TopicModel.train(train, trainVectors),
                    KindClassifier.train(train, trainVectors),
                    stances,
                    "fold-" + fold);
            for (Example example : test) {
                e.add(example, analyzer.analyze(example.doc()));
            }
        }
        return e;
    }

    private void add(Example example, Analysis analysis) {
        Set<Topic> predicted =
                analysis.topics().stream().map(TopicModel.Scored::topic).collect(Collectors.toSet());
        for (Topic t : Topic.values()) {
            boolean p = predicted.contains(t);
            boolean a = example.topics().contains(t);
            if (p || a) {
                topicCounts[t.ordinal()][p && a ? 0 : p ? 1 : 2]++;
            }
        }
        for (Topic actual : example.topics()) {
            for (Topic p : predicted) {
                if (!example.topics().contains(p)) {
                    topicConfusion[actual.ordinal()][p.ordinal()]++;
                }
            }
        }
        kindConfusion[example.kind().ordinal()][analysis.kind().ordinal()]++;
        ReleaseExtractor.Release release = analysis.release();
        if (example.isRelease()) {
            releases++;
            if (release != null
                    && same(release.product(), example.product())
                    && same(release.version(), example.version())) {
                releasesRight++;
            } else {
                mistakes.add(example.id() + ": release " + example.product() + " " + example.version() + ", found "
                        + (release == null ? "none" : release.product() + " " + release.version()));
            }
        } else {
            nonReleases++;
            if (release != null) {
                falseReleases++;
                mistakes.add(example.id() + ": no release, found " + release.product() + " " + release.version());
            }
        }
        if (example.episode() != null) {
            episodes++;
            Integer number =
                    analysis.episode() == null ? null : analysis.episode().number();
            if (example.episode().equals(number)) {
                episodesRight++;
            } else {
                mistakes.add(example.id() + ": episode " + example.episode() + ", found " + number);
            }
        }
        if (!predicted.equals(example.topics())) {
            mistakes.add(example.id() + ": topics " + ids(example.topics()) + ", found " + ids(predicted) + " ("
                    + example.doc().title() + ")");
        }
        if (analysis.kind() != example.kind()) {
            mistakes.add(example.id() + ": kind " + example.kind().id() + ", found "
                    + analysis.kind().id() + " (" + example.doc().title() + ")");
        }
    }

    private static boolean same(String a, String b) {
        return normal(a).equals(normal(b));
    }

    private static String normal(String s) {
        return s == null
                ? ""
                : s.toLowerCase(Locale.ROOT).replaceAll("^v(?=\\d)", "").replaceAll("[^a-z0-9.]", "");
    }

    private static String ids(Set<Topic> topics) {
        return topics.stream().sorted().map(Topic::id).collect(Collectors.joining(",", "[", "]"));
    }

    public double topicMacroF1() {
        double sum = 0;
        for (Topic t : Topic.values()) {
            sum += f1(topicCounts[t.ordinal()]);
        }
        return sum / Topic.values().length;
    }

    public double kindAccuracy() {
        int right = 0;
        int all = 0;
        for (int a = 0; a < kindConfusion.length; a++) {
            for (int p = 0; p < kindConfusion.length; p++) {
                all += kindConfusion[a][p];
                right += a == p ? kindConfusion[a][p] : 0;
            }
        }
        return all == 0 ? 0 : (double) right / all;
    }

    public double releaseAccuracy() {
        return releases == 0 ? 0 : (double) releasesRight / releases;
    }

    public double falseReleaseRate() {
        return nonReleases == 0 ? 0 : (double) falseReleases / nonReleases;
    }

    public double episodeAccuracy() {
        return episodes == 0 ? 0 : (double) episodesRight / episodes;
    }

    public List<String> mistakes() {
        return List.copyOf(mistakes);
    }

    private static double f1(int[] c) {
        return c[0] == 0 ? 0 : 2.0 * c[0] / (2.0 * c[0] + c[1] + c[2]);
    }

    /** The report {@code sift eval} prints for this measurement. */
    public String report(String heading) {
        StringBuilder out = new StringBuilder(heading).append('\n');
        out.append(String.format(
                Locale.ROOT, "  %-14s %9s %9s %9s %7s%n", "topic", "precision", "recall", "F1", "support"));
        for (Topic t : Topic.values()) {
            int[] c = topicCounts[t.ordinal()];
            out.append(String.format(
                    Locale.ROOT,
                    "  %-14s %9.3f %9.3f %9.3f %7d%n",
                    t.id(),
                    ratio(c[0], c[0] + c[1]),
                    ratio(c[0], c[0] + c[2]),
                    f1(c),
                    c[0] + c[2]));
        }
        out.append(String.format(Locale.ROOT, "  %-14s %29.3f%n", "macro-F1", topicMacroF1()));
        labelRows(out, "kind", Arrays.stream(Kind.values()).map(Kind::id).toList(), kindConfusion);
        out.append(String.format(Locale.ROOT, "  %-14s %29.3f%n", "kind accuracy", kindAccuracy()));
        out.append(String.format(
                Locale.ROOT,
                "  release product+version %.3f (%d of %d), false releases %.3f (%d of %d)%n",
                releaseAccuracy(),
                releasesRight,
                releases,
                falseReleaseRate(),
                falseReleases,
                nonReleases));
        out.append(String.format(
                Locale.ROOT, "  episode number %.3f (%d of %d)%n", episodeAccuracy(), episodesRight, episodes));
        out.append(
                "  topics predicted but not labelled (row: a labelled topic of the post, column: the extra topic)\n");
        matrix(out, Topic.stream().map(Topic::id).toList(), topicConfusion);
        out.append("  kind confusion (row: labelled, column: found)\n");
        matrix(out, Arrays.stream(Kind.values()).map(Kind::id).toList(), kindConfusion);
        return out.toString();
    }

    /** Precision, recall, F1 and support of each label of a confusion table (row: labelled, column: found). */
    static void labelRows(StringBuilder out, String heading, List<String> labels, int[][] confusion) {
        out.append(String.format(
                Locale.ROOT, "  %-14s %9s %9s %9s %7s%n", heading, "precision", "recall", "F1", "support"));
        for (int k = 0; k < labels.size(); k++) {
            int predicted = 0;
            int actual = 0;
            for (int j = 0; j < labels.size(); j++) {
                predicted += confusion[j][k];
                actual += confusion[k][j];
            }
            out.append(String.format(
                    Locale.ROOT,
                    "  %-14s %9.3f %9.3f %9.3f %7d%n",
                    labels.get(k),
                    ratio(confusion[k][k], predicted),
                    ratio(confusion[k][k], actual),
                    f1(confusion, k),
                    actual));
        }
    }

    /** The F1 of label {@code k} in a confusion table. */
    static double f1(int[][] confusion, int k) {
        int tp = confusion[k][k];
        int wrong = 0;
        for (int j = 0; j < confusion.length; j++) {
            if (j != k) {
                wrong += confusion[j][k] + confusion[k][j];
            }
        }
        return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + wrong);
    }

    /** A table of counts, one row and one column a label; column heads cut to the column's width. */
    static void matrix(StringBuilder out, List<String> labels, int[][] counts) {
        out.append(String.format(Locale.ROOT, "  %-12s", ""));
        labels.forEach(l -> out.append(String.format(Locale.ROOT, "%7.6s", l)));
        out.append('\n');
        for (int row = 0; row < labels.size(); row++) {
            out.append(String.format(Locale.ROOT, "  %-12s", labels.get(row)));
            for (int column = 0; column < labels.size(); column++) {
                out.append(String.format(Locale.ROOT, "%7d", counts[row][column]));
            }
            out.append('\n');
        }
    }

    static double ratio(int a, int b) {
        return b == 0 ? 0 : (double) a / b;
    }
}
