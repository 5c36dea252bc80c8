package sift.nlp.episode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sift.nlp.text.Document;

class EpisodeExtractorTest {
    private final EpisodeExtractor extractor = new EpisodeExtractor();

    private EpisodeExtractor.Episode of(String title, String text, Integer tag) {
        return extractor.extract(
                new Document(title, text, null, List.of(), List.of("audio/mpeg"), "Heavy Networking", tag, 2400, null));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Episode 202: Scaling EVPN|202",
                "Ep. 45 - Why BGP|45",
                "HN812: Automating a campus|812",
                "#17 Careers in operations|17",
                "TNO042: Kubernetes networking|42",
                "202: The one with the outage|202",
                "S3E4: Segment routing in practice|4",
                "Network Break 512: Switch silicon hits 102.4T|512",
                "Show 41: What AIOps tools really do|41",
            })
    void readsTheNumberFromTheTitle(String title, int number) {
        assertThat(of(title, "", null).number()).isEqualTo(number);
    }

    @Test
    void readsShowAndNumberFromTheTextAlone() {
        Document doc = Document.of(
                "",
                "In March 2024, I received my first PR from an airplane.\n"
                        + "For more details, listen to Episode 202 of Software Gone Wild.");
        assertThat(extractor.announcesEpisode(doc)).isTrue();
        EpisodeExtractor.Episode e = extractor.extract(doc);
        assertThat(e.show()).isEqualTo("Software Gone Wild");
        assertThat(e.number()).isEqualTo(202);
    }

    @Test
    void showNotesAreToldFromOtherPostsByTheirWords() {
        assertThat(extractor.announcesEpisode(Document.of(
                        "", "Loneliness expert Lucy Rose joins Eyvonne, Tom, and Russ to discuss loneliness.")))
                .isTrue();
        assertThat(extractor.announcesEpisode(Document.of("Kubernetes networking", "In this episode we dig into CNI.")))
                .isTrue();
        assertThat(extractor.announcesEpisode(
                        Document.of("Nexus 9000: new maintenance release", "NX-OS 10.4(3)F is out.")))
                .isFalse();
        assertThat(extractor.announcesEpisode(Document.of(
                        "Something a guest said has been bugging me",
                        "I was listening to a networking podcast while walking the dog.")))
                .isFalse();
    }

    @Test
    void theFeedsTagWinsAndTheShowIsTheFeed() {
        EpisodeExtractor.Episode e = of("Episode 12: something", "", 99);
        assertThat(e.number()).isEqualTo(99);
        assertThat(e.show()).isEqualTo("Heavy Networking");
        assertThat(e.durationSeconds()).isEqualTo(2400);
    }

    @Test
    void numbersThatAreNoEpisodeAreNotTaken() {
        assertThat(of("Running 400G optics at 15 W", "", null).number()).isNull();
        assertThat(of("Talking careers with a hiring manager", "Recorded in 2026.", null)
                        .number())
                .isNull();
        assertThat(of("A chat", "In episode 33 we talked about BGP.", null).number())
                .isEqualTo(33);
    }
}
