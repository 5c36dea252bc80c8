package sift.nlp.hype;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The stance model trained on the stance corpus: verdicts, faithful reasons, quoted hype, superlatives. */
class StanceModelTest {
    private static StanceModel model;

    @BeforeAll
    static void train() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<StanceModel.Labelled> sentences = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/corpus/stance"))) {
            files.filter(p -> p.toString().endsWith(".jsonl")).sorted().forEach(f -> {
                try {
                    for (String line : Files.readAllLines(f)) {
                        JsonNode n = json.readTree(line);
                        sentences.add(new StanceModel.Labelled(
                                n.get("text").asText(), n.get("stance").asText()));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(f.toString(), e);
                }
            });
        }
        model = StanceModel.train(sentences, HypeLexicon.bundled());
    }

    @Test
    void tellsHypeFromMeasuredClaimsAndFromSkepticism() {
        assertThat(model.judge("Our revolutionary AI guarantees zero downtime for every network, forever.")
                        .stance())
                .isEqualTo("hype");
        assertThat(model.judge("On 300 held-out tickets the model was right in 71 percent of cases, compared with "
                                + "64 percent for the old rules.")
                        .stance())
                .isEqualTo("neutral");
        assertThat(model.judge("Where is the evidence that these 'autonomous' agents are safe? Nobody has published "
                                + "any.")
                        .stance())
                .isEqualTo("skeptical");
    }

    @Test
    void everyReasonIsAPhraseWhoseRemovalLowersTheScore() {
        String sentence = "Our revolutionary AI guarantees zero downtime for every network, forever.";
        StanceModel.Verdict verdict = model.judge(sentence);
        assertThat(verdict.reasons()).isNotEmpty().anySatisfy(r -> assertThat(r).startsWith("promo: 'revolutionary'"));
        StanceModel.Verdict without = model.judge(sentence.replace("revolutionary ", ""));
        assertThat(without.hype()).isLessThan(verdict.hype());
    }

    @Test
    void hypeWordsInScareQuotesCountAsQuotedNotAsHype() {
        ClaimFeatures features = ClaimFeatures.of(
                "The vendor says its AI is 'revolutionary', which nobody has measured.", HypeLexicon.bundled());
        assertThat(features.explained()).containsKey("quoted-claim").doesNotContainKey("promo");
    }

    @Test
    void superlativesComeFromPartOfSpeechTags() {
        assertThat(ClaimFeatures.of("This is the fastest and most powerful AI chip ever built.", HypeLexicon.bundled())
                        .explained()
                        .get("superlative"))
                .extracting(HypeLexicon.Match::phrase)
                .containsExactly("fastest", "most powerful");
        assertThat(ClaimFeatures.of("We ran the latest test on the west coast.", HypeLexicon.bundled())
                        .explained())
                .doesNotContainKey("superlative");
    }
}
