package sift.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReasonsTest {
    @Test
    void aReasonSaysWhatItsFeatureMeansWithTheWordsThatMatched() {
        assertThat(Reasons.plain("anthro: 'understands'")).isEqualTo("speaks of the product as a person: understands");
        assertThat(Reasons.plain("absolute: 'zero human', 'never'")).isEqualTo("an absolute: zero human, never");
        assertThat(Reasons.plain("superlative: 'most advanced'")).isEqualTo("a superlative: most advanced");
        assertThat(Reasons.plain("critique: 'where is the'")).isEqualTo("a critical word: where is the");
        assertThat(Reasons.plain("measured-number: 'baseline', 'sample'"))
                .isEqualTo("a number with its measure: baseline, sample");
    }

    @Test
    void aListAnAdminAddedKeepsItsNameAndTextWithoutAFeatureStaysAsItIs() {
        assertThat(Reasons.plain("buzzwords: 'synergy'")).isEqualTo("buzzwords: synergy");
        assertThat(Reasons.plain("no colon here")).isEqualTo("no colon here");
    }
}
