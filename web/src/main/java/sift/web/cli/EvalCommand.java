package sift.web.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sift.nlp.Analyzer;
import sift.nlp.corpus.Corpus;
import sift.nlp.corpus.Example;
import sift.nlp.corpus.StanceCorpus;
import sift.nlp.hype.HypeScorer;
import sift.nlp.hype.StanceModel;
import sift.nlp.train.Evaluation;
import sift.nlp.train.StanceEvaluation;

/**
 * {@code sift eval}: how well the bundled models do, by k-fold cross-validation on the bundled training corpus
 * and on the held-out set written in other voices, which no model trains or tunes on.
 */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = "Cross-validated precision, recall and F1 of the bundled models on the bundled corpus, "
                + "and the same on the held-out set.")
public final class EvalCommand implements Callable<Integer> {
    @Option(names = "--folds", defaultValue = "5", description = "folds of the cross-validation (2-20, default 5)")
    int folds;

    @Option(names = "--mistakes", description = "also list every example the models got wrong")
    boolean mistakes;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (folds < 2 || folds > 20) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--folds must be 2 to 20, was " + folds);
        }
        PrintWriter out = spec.commandLine().getOut();
        List<Example> train = Corpus.bundled(Corpus.TRAIN);
        List<Example> heldOut = Corpus.bundled(Corpus.HELD_OUT);
        Analyzer bundled = new Analyzer();
        out.printf(
                "models %s; training corpus %d examples, held-out set %d%n%n",
                bundled.version(), train.size(), heldOut.size());
        out.flush();
        StanceModel stances;
        try {
            stances = StanceModel.read(Analyzer.MODELS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the bundled stance model", e);
        }
        Evaluation cv = Evaluation.crossValidate(train, folds, stances);
        print(out, cv, folds + "-fold cross-validation on the training corpus");
        print(out, Evaluation.of(bundled, heldOut), "held-out set (bundled models)");
        print(
                out,
                Evaluation.of(bundled, heldOut.stream().map(Example::textOnly).toList()),
                "held-out set, title and text alone (bundled models)");
        List<Example> dev = Corpus.bundled(Corpus.DEV);
        print(
                out,
                Evaluation.of(bundled, dev),
                "dev set, " + dev.size() + " texts in other voices, title and text "
                        + "alone (bundled models; the blend settings were chosen on it)");

        List<StanceModel.Labelled> sentences = StanceCorpus.bundled(StanceCorpus.TRAIN);
        List<StanceModel.Labelled> heldOutSentences = StanceCorpus.bundled(StanceCorpus.HELD_OUT);
        out.printf(
                "AI-claim stance: training corpus %d sentences, held-out set %d%n%n",
                sentences.size(), heldOutSentences.size());
        printStance(
                out,
                StanceEvaluation.crossValidate(sentences, folds),
                folds + "-fold cross-validation on the stance corpus");
        printStance(out, StanceEvaluation.of(stances, heldOutSentences), "stance held-out set (bundled model)");
        List<StanceCorpus.LabelledPost> posts = StanceCorpus.bundledPosts(StanceCorpus.POSTS_HELD_OUT);
        printStance(
                out,
                StanceEvaluation.ofPosts(new HypeScorer(stances), posts),
                "post stance held-out set, " + posts.size() + " whole posts (bundled model)");
        return 0;
    }

    private void printStance(PrintWriter out, StanceEvaluation e, String heading) {
        print(out, e.report(heading), e.mistakes());
    }

    private void print(PrintWriter out, Evaluation e, String heading) {
        print(out, e.report(heading), e.mistakes());
    }

    /** A report, and with {@code --mistakes} every example it got wrong. */
    private void print(PrintWriter out, String report, List<String> wrong) {
        out.println(report);
        if (mistakes) {
            wrong.forEach(m -> out.println("  mistake: " + m));
            out.println();
        }
        out.flush();
    }
}
