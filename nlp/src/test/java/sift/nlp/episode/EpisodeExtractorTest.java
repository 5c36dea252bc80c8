package sift.nlp.episode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sift.nlp.Document;

class EpisodeExtractorTest {
    private final EpisodeExtractor extractor = new EpisodeExtractor();

    private EpisodeExtractor.Episode of(String title, String text, Integer tag) {
        return extractor.extract(new Document(title, text, null, List.of(), List.of("audio/mpeg"), "Heavy Networking",
                tag, 2400));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Episode 202: Scaling EVPN|202",
        "Ep. 45 - Why BGP|45",
        "HN812: Automating a campus|812",
        "#17 Careers in operations|17",
        "TNO042: Kubernetes networking|42",
        "202: The one with the outage|202",
    })
    void readsTheNumberFromTheTitle(String title, int number) {
        assertThat(of(title, "", null).number()).isEqualTo(number);
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
        assertThat(of("Talking careers with a hiring manager", "Recorded in 2026.", null).number()).isNull();
        assertThat(of("A chat", "In episode 33 we talked about BGP.", null).number()).isEqualTo(33);
    }
}
