package sift.nlp.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import sift.nlp.corpus.StanceCorpus;
import sift.nlp.hype.HypeScorer;
import sift.nlp.hype.StanceModel;
import sift.nlp.train.StanceEvaluation.Scores;

/**
 * Retrains the stance model on the bundled stance corpus and admins' labelled sentences, and decides whether the
 * new model may replace the active one: both are evaluated on the same held-out data (the bundled held-out
 * sentences and whole posts, in voices the training never saw; admins' labels are never held-out data, so that
 * wrong labels cannot vouch for the model they taught), and the new model is promoted only when no figure falls
 * by more than the tolerance: each stance's F1 and the macro-F1 on sentences; it may get at most one more held-out
 * post wrong (or the tolerance's share of them, when that is more); nor may it call more sober technical posts
 * hype. Pure: the caller keeps the model and applies the decision.
 */
public final class Retraining {
    /** How far a figure may fall before the new model is refused. */
    public static final double DEFAULT_TOLERANCE = 0.02;

    private Retraining() {}

    /** A model's figures on the held-out sentences and posts. */
    public record Evaluated(Scores sentences, Scores posts) {}

    /**
     * What a retraining found: how many sentences it learned from (of them admins' labels), both models' figures,
     * the tolerance, and each figure that fell by more than it (none: promoted).
     */
    public record Comparison(
            int examples,
            int labels,
            double tolerance,
            Evaluated active,
            Evaluated candidate,
            List<String> regressions) {
        public boolean promoted() {
            return regressions.isEmpty();
        }

        /** The same comparison, refused for one more reason. */
        public Comparison refused(String reason) {
            List<String> all = new ArrayList<>(regressions);
            all.add(reason);
            return new Comparison(examples, labels, tolerance, active, candidate, List.copyOf(all));
        }
    }

    /** A retrained model and its comparison with the active one. */
    public record Result(StanceModel model, Comparison comparison) {}

    /**
     * Trains a model on the bundled corpus and {@code labels} with the active model's lexicon and threshold, and
     * compares it with {@code active}; {@code step} hears each step as it starts.
     */
    public static Result retrain(
            StanceModel active, List<StanceModel.Labelled> labels, double tolerance, Consumer<String> step) {
        checkTolerance(tolerance);
        List<StanceModel.Labelled> corpus = new ArrayList<>(StanceCorpus.bundled(StanceCorpus.TRAIN));
        corpus.addAll(labels);
        step.accept(String.format(
                Locale.ROOT, "training on %,d sentences (%,d of them admins' labels)", corpus.size(), labels.size()));
        StanceModel candidate = StanceModel.train(corpus, active.lexicon()).withThreshold(active.threshold());
        return new Result(candidate, compare(active, candidate, corpus.size(), labels.size(), tolerance, step));
    }

    /**
     * Compares a changed model (another lexicon, say) with the active one on the held-out data, by the same rules
     * as a retrained one.
     */
    public static Comparison compare(StanceModel active, StanceModel candidate, double tolerance) {
        checkTolerance(tolerance);
        return compare(active, candidate, 0, 0, tolerance, step -> {});
    }

    private static Comparison compare(
            StanceModel active,
            StanceModel candidate,
            int examples,
            int labels,
            double tolerance,
            Consumer<String> step) {
        List<StanceModel.Labelled> sentences = StanceCorpus.bundled(StanceCorpus.HELD_OUT);
        List<StanceCorpus.LabelledPost> posts = StanceCorpus.bundledPosts(StanceCorpus.POSTS_HELD_OUT);
        step.accept("evaluating the new model on " + sentences.size() + " held-out sentences and " + posts.size()
                + " posts");
        Evaluated next = evaluate(candidate, sentences, posts);
        step.accept("evaluating the active model on the same");
        Evaluated now = evaluate(active, sentences, posts);
        return new Comparison(examples, labels, tolerance, now, next, regressions(now, next, tolerance));
    }

    private static void checkTolerance(double tolerance) {
        if (!(tolerance >= 0 && tolerance < 1)) {
            throw new IllegalArgumentException("the tolerance is a fall in F1 from 0 to 1, not " + tolerance);
        }
    }

    private static Evaluated evaluate(
            StanceModel model, List<StanceModel.Labelled> sentences, List<StanceCorpus.LabelledPost> posts) {
        return new Evaluated(
                StanceEvaluation.of(model, sentences).scores(),
                StanceEvaluation.ofPosts(new HypeScorer(model), posts).scores());
    }

    /** Each figure of the new model that fell by more than the tolerance, in words. */
    static List<String> regressions(Evaluated now, Evaluated next, double tolerance) {
        List<String> fell = new ArrayList<>();
        int sentences = now.sentences().total();
        for (String stance : StanceModel.STANCES) {
            fall(
                    fell,
                    "the F1 of '" + stance + "' on the " + sentences + " held-out sentences",
                    now.sentences().of(stance).f1(),
                    next.sentences().of(stance).f1(),
                    tolerance);
        }
        fall(
                fell,
                "the macro-F1 on the " + sentences + " held-out sentences",
                now.sentences().macroF1(),
                next.sentences().macroF1(),
                tolerance);
        // a held-out post is a large share of few: the new model may get at most one more of them wrong, or the
        // tolerance's share of them when that is more
        int posts = now.posts().total();
        int more = next.posts().wrong() - now.posts().wrong();
        if (more > Math.max(1, (int) Math.floor(tolerance * posts))) {
            fell.add("it gets " + next.posts().wrong() + " of the " + posts + " held-out posts wrong, the active model "
                    + now.posts().wrong());
        }
        if (next.posts().technicalHype() > now.posts().technicalHype()) {
            fell.add("it calls " + next.posts().technicalHype() + " of the "
                    + next.posts().technical() + " sober technical posts hype, the active model "
                    + now.posts().technicalHype());
        }
        return List.copyOf(fell);
    }

    private static void fall(List<String> fell, String figure, double now, double next, double tolerance) {
        if (now - next > tolerance + 1e-9) {
            fell.add(String.format(
                    Locale.ROOT,
                    "%s fell from %.3f to %.3f, more than the tolerance of %.3f",
                    figure,
                    now,
                    next,
                    tolerance));
        }
    }
}
