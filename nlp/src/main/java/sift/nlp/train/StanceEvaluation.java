package sift.nlp.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import sift.nlp.corpus.StanceCorpus;
import sift.nlp.hype.Hype;
import sift.nlp.hype.HypeLexicon;
import sift.nlp.hype.HypeScorer;
import sift.nlp.hype.StanceModel;

/**
 * How well the AI-claim stance model does on sentences: per-stance precision, recall and F1, macro-F1, the
 * confusion between stances and the sentences it got wrong; by k-fold cross-validation on the training part
 * of the stance corpus, or for a given model on the held-out part; and the same for whole posts.
 */
public final class StanceEvaluation {
    private final int[][] confusion = new int[3][3];
    private final List<String> mistakes = new ArrayList<>();
    private int technical;
    private int technicalHype;

    private StanceEvaluation() {}

    public static StanceEvaluation of(StanceModel model, List<StanceModel.Labelled> sentences) {
        StanceEvaluation e = new StanceEvaluation();
        sentences.forEach(s -> e.add(s, model.judge(s.text())));
        return e;
    }

    /** Whole posts scored by {@code scorer}; also counts the sober technical posts it calls hype. */
    public static StanceEvaluation ofPosts(HypeScorer scorer, List<StanceCorpus.LabelledPost> posts) {
        StanceEvaluation e = new StanceEvaluation();
        for (StanceCorpus.LabelledPost post : posts) {
            Hype hype = scorer.score(post.title(), post.text());
            e.count(post.stance(), hype.stance(), hype.score(), post.id() + " " + post.title());
            if (post.technical()) {
                e.technical++;
                e.technicalHype += hype.stance().equals("hype") ? 1 : 0;
            }
        }
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
            StanceModel model = StanceModel.train(train, HypeLexicon.bundled());
            test.forEach(s -> e.add(s, model.judge(s.text())));
        }
        return e;
    }

    private void add(StanceModel.Labelled s, StanceModel.Verdict v) {
        count(s.stance(), v.stance(), v.score(), s.text());
    }

    private void count(String labelled, String found, int score, String what) {
        confusion[StanceModel.STANCES.indexOf(labelled)][StanceModel.STANCES.indexOf(found)]++;
        if (!labelled.equals(found)) {
            mistakes.add(labelled + ", found " + found + " (hype " + score + "): " + what);
        }
    }

    /** How many sober technical posts were called hype. */
    public int technicalHype() {
        return technicalHype;
    }

    public double f1(String stance) {
        return Evaluation.f1(confusion, StanceModel.STANCES.indexOf(stance));
    }

    public double macroF1() {
        return StanceModel.STANCES.stream().mapToDouble(this::f1).average().orElse(0);
    }

    /** One stance's precision, recall, F1 and support (how many were labelled so). */
    public record LabelScore(String label, double precision, double recall, double f1, int support) {}

    /**
     * The figures of an evaluation, to keep and to show: per stance, macro-F1, the confusion table (row: labelled,
     * column: found, in the order of {@link StanceModel#STANCES}) and the sober technical posts called hype.
     */
    public record Scores(List<LabelScore> labels, double macroF1, int[][] confusion, int technical, int technicalHype) {
        public LabelScore of(String stance) {
            return labels.stream()
                    .filter(l -> l.label().equals(stance))
                    .findFirst()
                    .orElseThrow();
        }

        public int total() {
            return labels.stream().mapToInt(LabelScore::support).sum();
        }

        /** How many were found with another stance than labelled. */
        public int wrong() {
            int right = 0;
            for (int k = 0; k < confusion.length; k++) {
                right += confusion[k][k];
            }
            return total() - right;
        }
    }

    public Scores scores() {
        List<LabelScore> labels = new ArrayList<>();
        for (int k = 0; k < StanceModel.STANCES.size(); k++) {
            int found = 0;
            int labelled = 0;
            for (int j = 0; j < StanceModel.STANCES.size(); j++) {
                found += confusion[j][k];
                labelled += confusion[k][j];
            }
            labels.add(new LabelScore(
                    StanceModel.STANCES.get(k),
                    Evaluation.ratio(confusion[k][k], found),
                    Evaluation.ratio(confusion[k][k], labelled),
                    Evaluation.f1(confusion, k),
                    labelled));
        }
        int[][] copy = new int[confusion.length][];
        for (int i = 0; i < confusion.length; i++) {
            copy[i] = confusion[i].clone();
        }
        return new Scores(List.copyOf(labels), macroF1(), copy, technical, technicalHype);
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
        if (technical > 0) {
            out.append(String.format(
                    Locale.ROOT, "  sober technical posts called hype: %d of %d%n", technicalHype, technical));
        }
        return out.toString();
    }
}
