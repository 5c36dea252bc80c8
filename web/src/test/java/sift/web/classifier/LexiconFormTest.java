package sift.web.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import sift.nlp.hype.HypeLexicon;

/** The lexicon split into the page's two fields and put together again. */
class LexiconFormTest {
    @Test
    void theBuiltLexiconSurvivesTheFormWithItsAiTermsOneALine() {
        LexiconForm form = LexiconForm.of(HypeLexicon.bundled().text());
        assertThat(form.aiTerms().split("\n"))
                .hasSize(HypeLexicon.bundled().lists().get("ai"))
                .contains("artificial intelligence", "fine-tun*");
        assertThat(form.lists()).doesNotContain("\nai:").contains("promo: ");
        HypeLexicon again = HypeLexicon.parse(form.text(), "the lexicon");
        assertThat(again.lists()).isEqualTo(HypeLexicon.bundled().lists());
    }

    @Test
    void aProblemIsNamedByTheLineTheAdminSees() {
        String lists =
                "\n\n" + LexiconForm.of(HypeLexicon.bundled().text()).lists().replaceFirst("(?m)^promo: ", "promo ");
        int line = lists.substring(0, lists.indexOf("promo ")).split("\n", -1).length;
        assertThatThrownBy(() -> HypeLexicon.parse(new LexiconForm("ai", lists).text(), "the lexicon"))
                .hasMessageStartingWith("the lexicon:" + line + ": expected");
        assertThatThrownBy(() -> new LexiconForm("ai | ml", lists).text()).hasMessageContaining("holds '|' or ':'");
        assertThatThrownBy(() -> new LexiconForm("ai", "absolute: all\nai: more").text())
                .hasMessage("the lexicon:2: the AI terms go in their own list, one a line, not in the lexicon.");
    }
}
