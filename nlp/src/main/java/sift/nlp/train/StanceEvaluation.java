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
        return Evaluation.f1(confusion, StanceModel.STANCES.indexOf(stance));
    }

    public double macroF1() {
        return StanceModel.STANCES.stream().mapToDouble(this::f1).average().orElse(0);
    }

    public List<String> mistakes() {
        return List.copyOf(mistakes);
    }

    public String report(String heading) {
        StringBuilder out = new StringBuilder(heading).append('\n');
        Evaluation.labelRows(out, "stance", StanceModel.STANCES, confusion);
        out.append(String.format(Locale.ROOT, "  %-14s %29.3f%n", "macro-F1", macroF1()));
        out.append("  stance confusion (row: labelled, column: found)\n");
        Evaluation.matrix(out, StanceModel.STANCES, confusion);
        return out.toString();
    }
}
