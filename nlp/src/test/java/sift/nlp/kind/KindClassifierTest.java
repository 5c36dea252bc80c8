package sift.nlp.kind;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import sift.nlp.Document;
import sift.nlp.Kind;

class KindClassifierTest {
    private final KindClassifier classifier = new KindClassifier();

    private Kind kindOf(String title, String link, String... enclosureTypes) {
        return classifier.classify(new Document(title, "", link, List.of(), List.of(enclosureTypes)));
    }

    @Test
    void anAudioEnclosureMakesAPodcastWhateverTheTitleSays() {
        assertThat(kindOf("Release 25.11 and the outage that wasn't", null, "audio/mpeg")).isEqualTo(Kind.PODCAST);
        assertThat(kindOf("Video walkthrough", null, "video/mp4")).isEqualTo(Kind.PODCAST);
    }

    @Test
    void anImageEnclosureDoesNotMakeAPodcast() {
        assertThat(kindOf("Diagram of the week", null, "image/png")).isEqualTo(Kind.ARTICLE);
    }

    @Test
    void aGithubReleaseTagLinkMakesARelease() {
        assertThat(kindOf("Hotfix", "https://github.com/ipspace/netlab/releases/tag/release_25.11.1"))
                .isEqualTo(Kind.RELEASE);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "netlab release 25.11|release",
                "FRRouting 10.2.1 is out|release",
                "v3.4.0|release",
                "Released: Batfish v2025.11.1|release",
                "Cloudflare outage on November 18, 2025|incident",
                "Postmortem: the BGP leak of last Tuesday|incident",
                "Replicate is joining Cloudflare|announcement",
                "Introducing remote bindings for Workers|announcement",
                "Remote bindings are now generally available|announcement",
                "Why stretched VLANs are still a bad idea|article",
                "IPv6 in 2025: ten years of progress|article",
                "Running OSPF over 2 links with 1.5 ms latency|article"
            })
    void readsTheKindFromTheTitle(String title, String kind) {
        assertThat(kindOf(title, null).id()).isEqualTo(kind);
    }
}
