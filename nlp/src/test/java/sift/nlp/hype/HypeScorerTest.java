package sift.nlp.hype;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sift.nlp.Analyzer;
import sift.nlp.corpus.StanceCorpus;

/** Post-level hype with the bundled stance model: claims, spans, stance, score and faithful reasons. */
class HypeScorerTest {
    private static StanceModel model;
    private static HypeScorer scorer;

    @BeforeAll
    static void load() throws IOException {
        model = StanceModel.read(Analyzer.MODELS);
        scorer = new HypeScorer(model);
    }

    @Test
    void aPressReleaseIsHypeWithItsClaimsInPlace() {
        String text = "NetMind is the revolutionary AI that understands your network better than anyone.\n"
                + "It predicts every outage before it happens and fixes it automatically, with zero human effort.\n"
                + "Pricing starts at 10 dollars per device.";
        Hype hype = scorer.score("NetMind 3.0: the network that runs itself", text);

        assertThat(hype.stance()).isEqualTo("hype");
        assertThat(hype.score()).isGreaterThanOrEqualTo(60);
        List<Hype.Claim> inText =
                hype.claims().stream().filter(c -> c.part() == Hype.Part.TEXT).toList();
        assertThat(inText).extracting(Hype.Claim::stance).containsExactly("hype", "hype");
        assertThat(inText.get(1).text())
                .as("'It' in a post about an AI product is the product")
                .startsWith("It predicts every outage");
        for (Hype.Claim c : inText) {
            assertThat(text.substring(c.start(), c.end())).isEqualTo(c.text());
            assertThat(c.reasons()).isNotEmpty();
        }
        assertThat(hype.claims()).noneMatch(c -> c.text().startsWith("Pricing"));
    }

    @Test
    void aClaimInTheTitleHasItsSpanInTheTitle() {
        String title = "Our AI will make every network engineer obsolete";
        Hype hype = scorer.score(title, "Read the announcement on our site.");
        Hype.Claim claim = hype.claims().get(0);
        assertThat(claim.part()).isEqualTo(Hype.Part.TITLE);
        assertThat(title.substring(claim.start(), claim.end())).isEqualTo(claim.text());
        assertThat(claim.stance()).isEqualTo("hype");
    }

    @Test
    void aDebunkingPostIsSkepticalAndATextWithoutAiHasNoClaims() {
        Hype skeptical = scorer.score(
                "That 90% claim",
                "The vendor claims its AI cuts incidents by up to 90%.\n"
                        + "There is no baseline, no sample size and no published method behind the number.\n"
                        + "Until the vendor shows its evidence, the 90% is marketing, not a measurement.");
        assertThat(skeptical.stance()).isEqualTo("skeptical");
        assertThat(skeptical.score()).isLessThan(50);

        assertThat(scorer.score(
                        "BGP route reflectors",
                        "The fastest, most reliable route reflector design ever: " + "always use two per cluster."))
                .isEqualTo(Hype.NONE);
    }

    @Test
    void noSoberTechnicalPostOfTheDevelopmentSetIsHype() throws IOException {
        List<StanceCorpus.LabelledPost> posts = StanceCorpus.parsePosts(
                Files.readAllBytes(Path.of("src/corpus/stance-posts-dev/posts.jsonl")), "stance-posts-dev");
        assertThat(posts)
                .filteredOn(StanceCorpus.LabelledPost::technical)
                .hasSizeGreaterThanOrEqualTo(7)
                .allSatisfy(p -> assertThat(scorer.score(p.title(), p.text()).stance())
                        .as(p.id())
                        .isNotEqualTo("hype"));
        assertThat(posts)
                .filteredOn(p -> p.stance().equals("hype"))
                .allSatisfy(p -> assertThat(scorer.score(p.title(), p.text()).stance())
                        .as(p.id())
                        .isEqualTo("hype"));
    }

    @Test
    void everyHypeVerdictHasAReasonAndDeletingAReasonsPhrasesLowersTheScore() {
        List<String> sentences = new ArrayList<>();
        StanceCorpus.bundled(StanceCorpus.TRAIN).forEach(s -> sentences.add(s.text()));
        StanceCorpus.bundled(StanceCorpus.HELD_OUT).forEach(s -> sentences.add(s.text()));
        int hype = 0;
        int skeptical = 0;
        int skepticalWithReasons = 0;
        int checked = 0;
        for (String sentence : sentences) {
            StanceModel.Verdict v = model.judge(sentence);
            if (v.stance().equals("hype")) {
                hype++;
                assertThat(v.reasons()).as(sentence).isNotEmpty();
            }
            if (v.stance().equals("skeptical")) {
                skeptical++;
                skepticalWithReasons += v.reasons().isEmpty() ? 0 : 1;
            }
            reasons:
            for (String reason : v.reasons()) {
                String edited = sentence;
                String quoted = reason.substring(reason.indexOf(": ") + 2);
                for (String phrase : quoted.substring(1, quoted.length() - 1).split("', '")) {
                    if (edited.indexOf(phrase) != edited.lastIndexOf(phrase) || !edited.contains(phrase)) {
                        // the phrase twice, once quoted, or overlapping another phrase of the reason: which words
                        // the reason means is not in the text
                        continue reasons;
                    }
                    edited = edited.replace(phrase, " ");
                }
                checked++;
                if (v.stance().equals("skeptical")) {
                    // a skeptical sentence's reasons are what makes it skeptical
                    double skepticalWithout =
                            model.judge(edited).probabilities()[StanceModel.STANCES.indexOf("skeptical")];
                    assertThat(skepticalWithout).as(reason + " in: " + sentence).isLessThan(v.confidence());
                } else {
                    assertThat(model.judge(edited).hype())
                            .as(reason + " in: " + sentence)
                            .isLessThan(v.hype());
                }
            }
        }
        assertThat(hype).as("hype verdicts seen").isGreaterThan(300);
        assertThat(checked).as("reasons checked").isGreaterThan(hype);
        assertThat(skepticalWithReasons).as("skeptical verdicts that say why").isGreaterThan(skeptical / 2);
    }

    @Test
    void theThresholdIsConfiguration() {
        String sentence = "Our AI copilot makes every engineer more productive.";
        StanceModel.Verdict usual = model.judge(sentence);
        assertThat(usual.stance()).isEqualTo("hype");
        assertThat(usual.hype()).isLessThan(0.99);
        assertThat(model.withThreshold(0.99).judge(sentence).stance()).isNotEqualTo("hype");
    }

    @Test
    void aHugeTextIsJudgedOnItsFirstSentencesOnly() {
        String text = "Our revolutionary AI fixes every outage forever.\n".repeat(20_000);
        Hype hype = scorer.score("AI", text);
        assertThat(hype.claims()).hasSizeLessThanOrEqualTo(HypeScorer.MAX_SENTENCES);
        assertThat(hype.stance()).isEqualTo("hype");
    }

    private static final String NOTES =
            "Two exchange operators on how they write peering policy for hundreds of members.";

    @Test
    void aClaimSaidOverTwoCuesIsOneSentenceWithTheTimeAndSpeakerOfItsFirstCue() {
        List<Hype.Cue> said = List.of(
                new Hype.Cue(0, "Maya", "Welcome back to the show."),
                new Hype.Cue(754_000, "Raj", "Honestly, our revolutionary AI"),
                new Hype.Cue(757_500, "Raj", "will replace the entire NOC and never makes a mistake."),
                new Hype.Cue(761_000, "Maya", "Bold words."));
        Hype hype = scorer.score("Episode 12: the autonomous NOC", NOTES, said);

        Hype.Claim claim = hype.claims().stream()
                .filter(c -> c.part() == Hype.Part.TRANSCRIPT)
                .findFirst()
                .orElseThrow();
        assertThat(claim.text())
                .isEqualTo("Honestly, our revolutionary AI will replace the entire NOC and never makes a mistake.");
        assertThat(claim.stance()).isEqualTo("hype");
        assertThat(claim.reasons()).isNotEmpty();
        assertThat(claim.startMillis()).isEqualTo(754_000);
        assertThat(claim.speaker()).isEqualTo("Raj");
        assertThat(Spoken.of(said).text.substring(claim.start(), claim.end())).isEqualTo(claim.text());
        assertThat(hype.stance())
                .as("the notes are sober; what was said is not")
                .isEqualTo("hype");
        assertThat(scorer.score("Episode 12: the autonomous NOC", NOTES)).isEqualTo(Hype.NONE);
    }

    @Test
    void aSentenceNeverRunsFromOneSpeakerIntoTheNext() {
        Hype hype = scorer.score(
                "Episode 13",
                NOTES,
                List.of(
                        new Hype.Cue(1_000, "Maya", "So the vendor told you their AI"),
                        new Hype.Cue(2_000, "Raj", "will replace every network engineer, overnight.")));
        assertThat(hype.claims())
                .filteredOn(c -> c.part() == Hype.Part.TRANSCRIPT)
                .allSatisfy(c -> assertThat(c.text()).doesNotContain("their AI will"));
    }

    @Test
    void aPronounInTalkIsNotTheProductOfTheTitle() {
        String title = "NetMind 3.0: the network that runs itself";
        String text = "NetMind is the revolutionary AI that understands your network better than anyone.";
        Hype written = scorer.score(title, text + "\nIt fixes every outage automatically, with zero human effort.");
        Hype spoken = scorer.score(
                title,
                text,
                List.of(new Hype.Cue(5_000, null, "It fixes every outage automatically, with zero human effort.")));
        assertThat(written.claims()).anyMatch(c -> c.text().startsWith("It fixes"));
        assertThat(spoken.claims()).noneMatch(c -> c.text().startsWith("It fixes"));
    }

    @Test
    void aTranscriptWithoutPunctuationIsJudgedCueByCue() {
        List<Hype.Cue> said = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            said.add(new Hype.Cue(i * 4_000, null, "and then we looked at the route server config again"));
        }
        said.add(new Hype.Cue(160_000, null, "our revolutionary AI will replace every network engineer overnight"));
        said.add(new Hype.Cue(164_000, null, "and so on with the prefix lists"));
        Hype hype = scorer.score("Episode 14", NOTES, said);
        assertThat(hype.claims())
                .filteredOn(c -> c.part() == Hype.Part.TRANSCRIPT)
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.text()).startsWith("our revolutionary AI");
                    assertThat(c.startMillis()).isEqualTo(160_000);
                    assertThat(c.speaker()).isNull();
                });
    }
}
