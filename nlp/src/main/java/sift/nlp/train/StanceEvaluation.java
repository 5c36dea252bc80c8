package sift.nlp.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import sift.nlp.hype.StanceModel;

/**
 * How well the AI-claim stance model does on sentences: per-stance precision, recall and F1, macro-F1, the
 * confusion between stances and the sentences it got wrong; by k-fold cross-validation on the training part
 * of the stance corpus, or for a given model on the held-out part.
 */
public final class StanceEvaluation {
    private final int[][] confusion = new int[3][3];
    private final List<String> mistakes = new ArrayList<>();

    private StanceEvaluation() {}

    public static StanceEvaluation of(StanceModel model, List<StanceModel.Labelled> sentences) {
        StanceEvaluation e = new StanceEvaluation();
        sentences.forEach(s -> e.add(s, model.judge(s.text())));
        return e;
    }

    /** Cross-validation over a fixed shuffle (seed 1), so that every fold holds all three stances. */
    public static StanceEvaluation crossValidate(List<StanceModel.Labelled> sentences, int folds) {
        List<StanceModel.Labelled> shuffled = new ArrayList<>(sentences);
        Collections.shuffle(shuffled, new Random(1));
        StanceEvaluation e = new StanceEvaluation();
        for (int fold = 0; fold < folds; fold++) {
            List<StanceModel.Labelled> train = new ArrayList<>();
            List<StanceModel.Labelled> test = new ArrayList<>();
            for (int i = 0; i < shuffled.size(); i++) {
                (i % folds == fold ? test : train).add(shuffled.get(i));
            }
            StanceModel model = StanceModel.train(train);
            test.forEach(s -> e.add(s, model.judge(s.text())));
        }
        return e;
    }

    private void add(StanceModel.Labelled s, StanceModel.Verdict v) {
        int actual = StanceModel.STANCES.indexOf(s.stance());
        int found = StanceModel.STANCES.indexOf(v.stance());
        confusion[actual][found]++;
        if (actual != found) {
            mistakes.add(s.stance() + ", found " + v.stance() + " (hype " + v.score() + "): " + s.text());
        }
    }

    public double f1(String stance) {
        int k = StanceModel.STANCES.indexOf(stance);
        int tp = confusion[k][k];
        int fp = 0;
        int fn = 0;
        for (int j = 0; j < 3; j++) {
            if (j != k) {
                fp += confusion[j][k];
                fn += confusion[k][j];
            }
        }
        return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }

    public double macroF1() {
        return StanceModel.STANCES.stream().mapToDouble(this::f1).average().orElse(0);
    }

    public List<String> mistakes() {
        return List.copyOf(mistakes);
    }

    public String report(String heading) {
        StringBuilder out = new StringBuilder(heading).append('\n');
        out.append(String.format(Locale.ROOT, "  %-14s %9s %9s %9s %7s%n", "stance", "precision", "recall", "F1", "support"));
        for (String stance : StanceModel.STANCES) {
            int k = StanceModel.STANCES.indexOf(stance);
            int predicted = 0;
            int actual = 0;
            for (int j = 0; j < 3; j++) {
                predicted += confusion[j][k];
                actual += confusion[k][j];
            }
            out.append(String.format(Locale.ROOT, "  %-14s %9.3f %9.3f %9.3f %7d%n", stance,
                    predicted == 0 ? 0 : (double) confusion[k][k] / predicted,
                    actual == 0 ? 0 : (double) confusion[k][k] / actual, f1(stance), actual));
        }
        out.append(String.format(Locale.ROOT, "  %-14s %29.3f%n", "macro-F1", macroF1()));
        out.append("  stance confusion (row: labelled, column: found)\n");
        Evaluation.matrix(out, StanceModel.STANCES, confusion);
        return out.toString();
    }
}
