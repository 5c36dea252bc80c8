package sift.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sift.nlp.hype.Hype;
import sift.nlp.taxonomy.Kind;
import sift.nlp.text.Document;
import sift.nlp.topic.TopicModel;

/** The bundled models, as ingest and {@code sift score} use them. */
class AnalyzerTest {
    private static final Analyzer ANALYZER = new Analyzer();

    private static Analysis analyze(String title, String text, String link, String... enclosureTypes) {
        return ANALYZER.analyze(new Document(title, text, link, List.of(), List.of(enclosureTypes)));
    }

    private static List<String> topics(Analysis a) {
        return a.topics().stream().map(s -> s.topic().id()).toList();
    }

    @Test
    void mediaEnclosuresMakeAnEpisodeWhateverTheTitleSays() {
        Analysis a = ANALYZER.analyze(new Document(
                "Release 25.11 and the outage that wasn't",
                "Show notes.",
                null,
                List.of(),
                List.of("audio/mpeg"),
                "Packet Stories",
                null,
                1830,
                null));
        assertThat(a.kind()).isEqualTo(Kind.PODCAST);
        assertThat(a.release()).isNull();
        assertThat(a.episode().show()).isEqualTo("Packet Stories");
        assertThat(a.episode().durationSeconds()).isEqualTo(1830);
        assertThat(analyze("Diagram of the week", "A picture of our fabric.", null, "image/png")
                        .kind())
                .isNotEqualTo(Kind.PODCAST);
    }

    @Test
    void aReleaseTagLinkMakesAReleaseOfTheRepository() {
        Analysis a = analyze("v25.11.1", "Bug fixes.", "https://github.com/ipspace/netlab/releases/tag/v25.11.1");
        assertThat(a.kind()).isEqualTo(Kind.RELEASE);
        assertThat(a.release().product()).isEqualTo("netlab");
        assertThat(a.release().version()).isEqualTo("25.11.1");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Cloudflare outage on November 18, 2025|For three hours many requests failed. The root cause was a database "
                        + "permission change; we rolled back and restarted the proxies.|incident|operations",
                "Replicate is joining Cloudflare|We are excited to announce that the Replicate team joins us today to bring "
                        + "AI models to our developer platform.|announcement|ai-ml",
                "Why stretched VLANs are still a bad idea|Stretching a layer 2 domain between data centres joins their "
                        + "failure domains: a broadcast storm in one site takes down the other.|article|datacenter",
                "FRRouting 10.2.1 is out|bgpd: fix a crash when a BGP peer sends add-path routes\\nzebra: nexthop group "
                        + "cleanup after interface removal|release|routing",
            })
    void readsKindAndTopicsFromTitleAndText(String title, String text, String kind, String topic) {
        Analysis a = analyze(title, text.replace("\\n", "\n"), null);
        assertThat(a.kind().id()).isEqualTo(kind);
        assertThat(topics(a)).contains(topic);
        assertThat(a.topics())
                .hasSizeLessThanOrEqualTo(TopicModel.MAX_TOPICS)
                .allSatisfy(s -> assertThat(s.score()).isBetween(0.0, 1.0));
    }

    @Test
    void aPostThatMerelyMentionsAVersionIsNoRelease() {
        Analysis a = analyze(
                "What we learned running FRR 10.2 on our route servers",
                "We upgraded the route "
                        + "servers at our internet exchange last month. Memory use fell and convergence after restarts halved. "
                        + "Here is how we tested the upgrade and what we would do differently next time.",
                null);
        assertThat(a.kind()).isEqualTo(Kind.ARTICLE);
        assertThat(a.release()).isNull();
    }

    @Test
    void emptyHugeBinaryAndForeignTextsGetAnAnswerNotAnException() {
        Analysis empty = analyze("", "", null);
        assertThat(empty.kind()).isNotNull();
        assertThat(empty.topics()).isEmpty();

        String huge = "BGP route reflectors and EVPN fabrics. ".repeat(5 * 1024 * 1024 / 39);
        assertThat(topics(analyze("Big", huge, null))).contains("routing");

        byte[] junk = new byte[64 * 1024];
        new Random(7).nextBytes(junk);
        Analysis binary = analyze("\u0000\u0001", new String(junk, StandardCharsets.ISO_8859_1), null);
        assertThat(binary.kind()).isNotNull();

        Analysis german = analyze(
                "Unser Sommerfest am Firmensitz",
                "Am Freitag feiern wir gemeinsam mit Familien und "
                        + "Freunden im Garten. Es gibt Kuchen, Musik und ein kleines Programm für Kinder.",
                null);
        assertThat(german.kind()).isNotNull();
        assertThat(german.topics()).isEmpty();
        Analysis japanese = analyze("今日の天気", "今日は晴れです。明日は雨が降るでしょう。", null);
        assertThat(japanese.topics()).isEmpty();
    }

    @Test
    void whatWasSaidIsJudgedWhenItIsEnglishWhateverTheLanguageOfTheShowNotes() {
        List<Hype.Cue> english = List.of(new Hype.Cue(
                754_000,
                "Raj",
                "Honestly, our revolutionary AI will replace the entire NOC and never makes a mistake."));
        List<Hype.Cue> german = List.of(new Hype.Cue(
                754_000,
                "Raj",
                "Ehrlich gesagt wird unsere revolutionäre KI das ganze NOC ersetzen und macht nie Fehler."));
        Document germanNotes = new Document(
                "Folge 12: Das autonome NOC",
                "Zwei Betreiber erzählen, wie sie ihre Netze mit und ohne KI betreiben.",
                null,
                List.of(),
                List.of("audio/mpeg"));
        Document noNotes = new Document("Episode 12", "", null, List.of(), List.of("audio/mpeg"));

        assertThat(ANALYZER.analyze(germanNotes, english).hype().claims())
                .singleElement()
                .satisfies(c -> assertThat(c.part()).isEqualTo(Hype.Part.TRANSCRIPT));
        assertThat(ANALYZER.analyze(noNotes, english).hype().stance()).isEqualTo("hype");
        assertThat(ANALYZER.analyze(noNotes, german).hype()).isEqualTo(Hype.NONE);
    }

    @Test
    void theModelsCarryTheVersionOfTheirCorpus() {
        assertThat(ANALYZER.version()).matches("[0-9a-f]{12}");
    }
}
