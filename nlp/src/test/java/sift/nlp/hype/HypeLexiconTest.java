package sift.nlp.hype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import opennlp.tools.ml.model.Event;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sift.nlp.Analyzer;
import sift.nlp.model.Maxent;

/** An admin's lexicon: validated before it is used, its AI terms and weights heard by the stance model. */
class HypeLexiconTest {
    private static StanceModel model;

    @BeforeAll
    static void load() throws IOException {
        model = StanceModel.read(Analyzer.MODELS);
    }

    private static String bundled() {
        return HypeLexicon.bundled().text();
    }

    @Test
    void theBundledLexiconReadsAsAnAdminsEdit() {
        HypeLexicon same = HypeLexicon.parse(bundled(), "the edit");
        assertThat(same.lists()).isEqualTo(HypeLexicon.bundled().lists()).containsKeys("ai", "promo", "not-scope");
        assertThat(same.weight("promo")).isEqualTo(1.0);
    }

    @Test
    void aNewAiTermMakesASentenceAboutAi() {
        String sentence = "NetOracle predicts every outage before it happens.";
        assertThat(HypeLexicon.bundled().aboutAi(sentence)).isFalse();
        HypeLexicon edited = HypeLexicon.parse(bundled().replaceFirst("(?m)^ai: ", "ai: netoracle | "), "the edit");
        assertThat(edited.aboutAi(sentence)).isTrue();
        assertThat(model.withLexicon(edited).judge(sentence).stance()).isEqualTo("hype");
        assertThat(model.judge(sentence).stance()).isNotEqualTo("hype");
    }

    @Test
    void aWeightScalesHowMuchAFeatureSays() {
        String sentence = "Our revolutionary AI platform is the future of networking.";
        int score = model.judge(sentence).score();
        HypeLexicon louder = HypeLexicon.parse(bundled().replaceFirst("(?m)^promo: ", "promo weight=3: "), "the edit");
        HypeLexicon silent = HypeLexicon.parse(bundled().replaceFirst("(?m)^promo: ", "promo weight=0: "), "the edit");
        assertThat(louder.weight("promo")).isEqualTo(3.0);
        assertThat(model.withLexicon(louder).judge(sentence).score()).isGreaterThan(score);
        assertThat(model.withLexicon(silent).judge(sentence).score()).isLessThan(score);
        assertThat(model.withLexicon(silent).judge(sentence).reasons()).noneMatch(r -> r.startsWith("promo:"));
    }

    @Test
    void aBadLexiconIsRefusedNamingTheProblem() {
        assertThatThrownBy(() -> HypeLexicon.parse("  \n", "the edit")).hasMessageStartingWith("the edit is empty");
        assertThatThrownBy(() -> HypeLexicon.parse("# only a comment\n", "the edit"))
                .hasMessageStartingWith("the edit has no list");
        assertThatThrownBy(() -> HypeLexicon.parse(bundled() + "\n" + "x".repeat(HypeLexicon.MAX_CHARS), "the edit"))
                .hasMessageContaining("a lexicon is at most 65,536");
        assertThatThrownBy(() -> HypeLexicon.parse("ai: ai\npromo revolutionary\n", "the edit"))
                .hasMessageStartingWith("the edit:2: expected 'name: phrase | phrase'");
        assertThatThrownBy(() -> HypeLexicon.parse(bundled() + "\npromo: again", "the edit"))
                .hasMessageContaining("the list 'promo' is there twice");
        assertThatThrownBy(
                        () -> HypeLexicon.parse(bundled().replaceFirst("(?m)^promo: ", "promo weight=9: "), "the edit"))
                .hasMessageContaining("the weight of 'promo' is 9; a weight is from 0 to 5");
        assertThatThrownBy(() -> HypeLexicon.parse(bundled() + "\nextra: | |", "the edit"))
                .hasMessageContaining("the list 'extra' has no phrase");
        assertThatThrownBy(() -> HypeLexicon.parse(bundled() + "\nnot-other: x", "the edit"))
                .hasMessageContaining("the exceptions 'not-other' are to a list 'other' it does not have");
        assertThatThrownBy(() -> HypeLexicon.parse(bundled() + "\nlong: a b c d e f g h i", "the edit"))
                .hasMessageContaining("has 9 words; a phrase is at most 8");
        assertThatThrownBy(() -> HypeLexicon.parse(bundled().replaceFirst("(?m)^ai: .*$", ""), "the edit"))
                .hasMessage("the edit has no list 'ai', the AI-term list");
        assertThatThrownBy(() -> HypeLexicon.parse(bundled().replaceFirst("(?m)^promo: .*$", ""), "the edit"))
                .hasMessageContaining("no list 'promo', which the stance model was trained on");
        String many = "big: " + String.join(" | ", java.util.Collections.nCopies(HypeLexicon.MAX_PHRASES, "w"));
        assertThatThrownBy(() -> HypeLexicon.parse(bundled() + "\n" + many, "the edit"))
                .hasMessageContaining("more than 4,000 phrases");
    }

    @Test
    void aModelOfOtherOutcomesIsNotAStanceModel() {
        byte[] other = new StanceModel(
                        Maxent.train(
                                List.of(new Event("yes", new String[] {"a"}), new Event("no", new String[] {"b"}))),
                        0.5,
                        HypeLexicon.bundled())
                .bytes();
        assertThatThrownBy(() -> StanceModel.read(other, "version 3", HypeLexicon.bundled()))
                .hasMessageStartingWith("version 3 is a model of [")
                .hasMessageEndingWith("], not of the stances [hype, neutral, skeptical]");
    }
}
