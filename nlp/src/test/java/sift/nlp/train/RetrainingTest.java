package sift.nlp.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sift.nlp.Analyzer;
import sift.nlp.corpus.StanceCorpus;
import sift.nlp.hype.HypeLexicon;
import sift.nlp.hype.StanceModel;

/** Retraining with admins' labels: a sound model is promoted, one taught by wrong labels refused with its reasons. */
class RetrainingTest {
    private static StanceModel active;

    @BeforeAll
    static void load() throws IOException {
        active = StanceModel.read(Analyzer.MODELS);
    }

    /** A few sentences labelled as a careful admin would. */
    static List<StanceModel.Labelled> soundLabels() {
        return List.of(
                new StanceModel.Labelled("Our AI copilot will make every firewall change safe forever.", "hype"),
                new StanceModel.Labelled("The new AIOps suite instantly eliminates every alert storm.", "hype"),
                new StanceModel.Labelled(
                        "The anomaly detector flagged 14 of the 20 injected faults in our lab.", "neutral"),
                new StanceModel.Labelled(
                        "We use a classifier to sort syslog lines by severity before paging.", "neutral"),
                new StanceModel.Labelled(
                        "The vendor's 'self-healing network' claim comes with no baseline at all.", "skeptical"),
                new StanceModel.Labelled(
                        "Show me the false-positive rate before you call the agent autonomous.", "skeptical"));
    }

    /** Every hype sentence of the corpus labelled neutral, and every skeptical one hype: labels gone wrong. */
    static List<StanceModel.Labelled> corruptedLabels() {
        List<StanceModel.Labelled> wrong = new ArrayList<>();
        for (StanceModel.Labelled s : StanceCorpus.bundled(StanceCorpus.TRAIN)) {
            switch (s.stance()) {
                case "hype" -> wrong.add(new StanceModel.Labelled(s.text(), "neutral"));
                case "skeptical" -> wrong.add(new StanceModel.Labelled(s.text(), "hype"));
                default -> {}
            }
        }
        return wrong;
    }

    @Test
    void aModelTaughtBySoundLabelsIsPromotedWithBothModelsFigures() {
        List<String> steps = new ArrayList<>();
        Retraining.Result result = Retraining.retrain(active, soundLabels(), Retraining.DEFAULT_TOLERANCE, steps::add);

        Retraining.Comparison c = result.comparison();
        assertThat(c.promoted()).as("regressions: %s", c.regressions()).isTrue();
        assertThat(c.labels()).isEqualTo(6);
        assertThat(c.examples())
                .isEqualTo(StanceCorpus.bundled(StanceCorpus.TRAIN).size() + 6);
        assertThat(c.active().sentences().total())
                .isEqualTo(StanceCorpus.bundled(StanceCorpus.HELD_OUT).size());
        assertThat(c.candidate().sentences().labels())
                .extracting(StanceEvaluation.LabelScore::label)
                .containsExactlyElementsOf(StanceModel.STANCES);
        assertThat(c.candidate().sentences().of("hype").f1()).isGreaterThan(0.7);
        assertThat(c.candidate().sentences().confusion()).hasDimensions(3, 3);
        assertThat(steps).hasSize(3).first().asString().contains("6 of them admins' labels");
        assertThat(result.model().threshold()).isEqualTo(active.threshold());
        assertThat(result.model()
                        .judge("Our revolutionary AI eliminates every outage forever.")
                        .stance())
                .isEqualTo("hype");
    }

    @Test
    void aModelTaughtByWrongLabelsIsRefusedNamingWhatFell() {
        Retraining.Comparison c = Retraining.retrain(active, corruptedLabels(), Retraining.DEFAULT_TOLERANCE, s -> {})
                .comparison();

        assertThat(c.promoted()).isFalse();
        assertThat(c.regressions())
                .anyMatch(
                        r -> r.startsWith("the F1 of 'hype' on the") && r.contains("more than the tolerance of 0.020"));
        assertThat(c.candidate().sentences().of("hype").f1())
                .isLessThan(c.active().sentences().of("hype").f1() - 0.02);
    }

    @Test
    void aLexiconIsEvaluatedLikeAModel() {
        String text = HypeLexicon.bundled().text();
        for (String marker : List.of("promo", "absolute", "scope", "future", "prediction", "vague", "anthro")) {
            text = text.replaceFirst("(?m)^" + marker + ": ", marker + " weight=0: ");
        }
        Retraining.Comparison silenced = Retraining.compare(
                active, active.withLexicon(HypeLexicon.parse(text, "the edit")), Retraining.DEFAULT_TOLERANCE);
        assertThat(silenced.promoted()).isFalse();
        assertThat(silenced.regressions())
                .anyMatch(r -> r.startsWith("the F1 of 'hype' on the 225 held-out sentences"));
        assertThat(silenced.labels()).isZero();

        String oneTermMore = HypeLexicon.bundled().text().replaceFirst("(?m)^ai: ", "ai: netoracle | ");
        assertThat(Retraining.compare(
                                active,
                                active.withLexicon(HypeLexicon.parse(oneTermMore, "the edit")),
                                Retraining.DEFAULT_TOLERANCE)
                        .promoted())
                .isTrue();
    }

    @Test
    void aFigureFallingWithinTheToleranceIsNoRegression() {
        Retraining.Evaluated now = evaluated(0.80, 2);
        assertThat(Retraining.regressions(now, evaluated(0.79, 3), 0.02))
                .as("one more post wrong is no regression")
                .isEmpty();
        assertThat(Retraining.regressions(now, evaluated(0.70, 4), 0.02))
                .hasSize(5)
                .contains(
                        "the macro-F1 on the 30 held-out sentences fell from 0.800 to 0.700, more than the tolerance of 0.020",
                        "it gets 4 of the 30 held-out posts wrong, the active model 2");
        assertThatThrownBy(() -> Retraining.retrain(active, List.of(), 1.5, s -> {}))
                .hasMessageContaining("not 1.5");
    }

    /** Figures with every F1 at {@code f1}, of 10 examples a stance, {@code wrong} hype ones found neutral. */
    private static Retraining.Evaluated evaluated(double f1, int wrong) {
        List<StanceEvaluation.LabelScore> labels = StanceModel.STANCES.stream()
                .map(s -> new StanceEvaluation.LabelScore(s, f1, f1, f1, 10))
                .toList();
        int[][] confusion = {{10 - wrong, wrong, 0}, {0, 10, 0}, {0, 0, 10}};
        StanceEvaluation.Scores scores = new StanceEvaluation.Scores(labels, f1, confusion, 5, 0);
        return new Retraining.Evaluated(scores, scores);
    }

    @Test
    void aRetrainedModelSurvivesItsBytesAndABadOneIsRefused() {
        StanceModel model =
                Retraining.retrain(active, soundLabels(), 0.02, s -> {}).model();
        StanceModel again = StanceModel.read(model.bytes(), "version 7", HypeLexicon.bundled());
        String sentence = "Our AI copilot will make every firewall change safe forever.";
        assertThat(again.judge(sentence).score())
                .isEqualTo(model.judge(sentence).score());

        assertThatThrownBy(() -> StanceModel.read(new byte[0], "version 8", HypeLexicon.bundled()))
                .hasMessage("version 8 is empty");
        assertThatThrownBy(() -> StanceModel.read("not a model".getBytes(), "version 9", HypeLexicon.bundled()))
                .hasMessageStartingWith("version 9 is not an OpenNLP maximum-entropy model");
        assertThatThrownBy(() ->
                        StanceModel.read(new byte[StanceModel.MAX_BYTES + 1], "version 10", HypeLexicon.bundled()))
                .hasMessageContaining("a stance model is at most 4,194,304");
    }
}
