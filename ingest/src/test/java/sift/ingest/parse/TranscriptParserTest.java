package sift.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import sift.ingest.parse.ParsedTranscript.Cue;

class TranscriptParserTest {
    private static ParsedTranscript parse(String text, String type) throws IOException {
        return TranscriptParser.parse(text.getBytes(StandardCharsets.UTF_8), type);
    }

    private static ParsedTranscript example(String extension, String type) throws IOException {
        try (InputStream in =
                TranscriptParserTest.class.getResourceAsStream("/transcripts/podcastindex-example." + extension)) {
            return TranscriptParser.parse(in.readAllBytes(), type);
        }
    }

    @Test
    void readsThePodcasting20WebVttExampleWithItsVoices() throws IOException {
        ParsedTranscript t = example("vtt", "text/vtt");
        assertThat(t.cues().get(0))
                .isEqualTo(new Cue(0, "Sarah", "In today's episode, you'll learn whether or not you"));
        assertThat(t.cues().get(2).text()).isEqualTo("include in one? Welcome to Podcasting Q&A, where you learn");
        assertThat(t.cues()).anySatisfy(c -> assertThat(c).isEqualTo(new Cue(19_080, "Gillian", c.text())));
        assertThat(t.remark()).isNull();
    }

    @Test
    void readsThePodcasting20SrtExampleWithTheSpeakerBeforeTheWords() throws IOException {
        ParsedTranscript t = example("srt", "application/srt");
        assertThat(t.cues().get(0)).isEqualTo(new Cue(179, "Travis", "When you first get started in podcasting, it's"));
        assertThat(t.cues().get(1))
                .as("the speaker goes on until another is named")
                .isEqualTo(new Cue(2_400, "Travis", "almost guaranteed that you're going to make a handful of rookie"));
        assertThat(t.cues()).hasSizeGreaterThan(100);
    }

    @Test
    void readsThePodcasting20JsonExampleWordByWordIntoSentences() throws IOException {
        ParsedTranscript t = example("json", "application/json");
        assertThat(t.cues())
                .containsExactly(new Cue(500, "Darth Vader", "I am your father."), new Cue(2_750, "Luke", "Nooooo"));
    }

    @Test
    void readsThePodcasting20HtmlExampleWithSpeakersAndTimes() throws IOException {
        ParsedTranscript t = example("html", "text/html");
        assertThat(t.cues().get(0).startMillis()).isZero();
        assertThat(t.cues().get(0).speaker()).isEqualTo("Travis");
        assertThat(t.cues().get(0).text()).startsWith("When you first get started in podcasting, it's almost");
        assertThat(t.cues().get(1).startMillis()).isEqualTo(53_000);
        assertThat(t.cues().get(1).speaker()).isEqualTo("Sarah");
    }

    @Test
    void readsWebVttCueSettingsIdentifiersClassedVoicesNotesAndCuesOfSeveralLines() throws IOException {
        ParsedTranscript t = parse("""
                WEBVTT - an episode

                NOTE this block is a comment
                with --> in it

                STYLE
                ::cue { color: red }

                intro
                00:01.500 --> 00:04.000 align:start line:0%
                <v.host Ivan Pepelnjak>Welcome to <b>Software Gone Wild</b>,
                episode 202.

                01:02:03.250 --> 01:02:05.000 position:10%
                <v Sander>EVPN &amp; VXLAN &lt;again&gt;.
                """, "text/vtt");
        assertThat(t.cues())
                .containsExactly(
                        new Cue(1_500, "Ivan Pepelnjak", "Welcome to Software Gone Wild, episode 202."),
                        new Cue(3_723_250, "Sander", "EVPN & VXLAN <again>."));
    }

    @Test
    void readsPlainTextAParagraphACueWithoutTimes() throws IOException {
        ParsedTranscript t =
                parse("Ivan: BGP is not dead.\n\nIt carries the Internet.\n\nRuss: Agreed.\n", "text/plain");
        assertThat(t.cues())
                .containsExactly(
                        new Cue(null, "Ivan", "BGP is not dead."),
                        new Cue(null, "Ivan", "It carries the Internet."),
                        new Cue(null, "Russ", "Agreed."));
    }

    @Test
    void leavesOutCuesWithBrokenTimesAndSaysHowMany() throws IOException {
        ParsedTranscript t = parse("""
                WEBVTT

                00:00:01.000 --> 00:00:02.000
                kept

                00:99:00.000 --> 01:00:00.000
                minutes past 59

                aa:bb.ccc --> 00:00:05.000
                not a time

                00:00:09.000 --> 00:00:08.000
                ends before it starts

                999:00:00.000 --> 999:00:01.000
                past a hundred hours

                00:00:10.000 --> 00:00:11.000
                kept too
                """, "text/vtt");
        assertThat(t.cues()).extracting(Cue::text).containsExactly("kept", "kept too");
        assertThat(t.remark()).isEqualTo("4 cues with a broken time left out");
    }

    @Test
    void aTranscriptOfEndlessCuesIsCutAtTheLimitAndSaysSo() throws IOException {
        StringBuilder vtt = new StringBuilder("WEBVTT\n\n");
        for (int i = 0; i < TranscriptParser.MAX_CUES + 5_000; i++) {
            vtt.append("00:00:01.000 --> 00:00:02.000\nagain and again\n\n");
        }
        ParsedTranscript t = parse(vtt.toString(), "text/vtt");
        assertThat(t.cues()).hasSize(TranscriptParser.MAX_CUES);
        assertThat(t.remark()).isEqualTo("cut at 20,000 cues and 300,000 characters");
    }

    @Test
    void tenMegabytesOfTextAreCutAtTheCharacterLimitCueByCue() throws IOException {
        String word = "bandwidth ";
        String huge = word.repeat(10 * 1024 * 1024 / word.length());
        ParsedTranscript srt = parse("1\n00:00:00,000 --> 00:00:01,000\n" + huge + "\n", "application/srt");
        assertThat(srt.cues()).hasSize(1);
        assertThat(srt.cues().get(0).text())
                .hasSize(TranscriptParser.CUE_CHARS + 1)
                .endsWith("…");

        StringBuilder paragraphs = new StringBuilder();
        while (paragraphs.length() < 10 * 1024 * 1024) {
            paragraphs.append("word ".repeat(300)).append("\n\n");
        }
        ParsedTranscript text = parse(paragraphs.toString(), "text/plain");
        int chars = text.cues().stream().mapToInt(c -> c.text().length()).sum();
        assertThat(chars)
                .isBetween(TranscriptParser.MAX_CHARS, TranscriptParser.MAX_CHARS + TranscriptParser.CUE_CHARS);
        assertThat(text.remark()).startsWith("cut at ");
    }

    @Test
    void anHtmlErrorPageWhereCaptionsWereLinkedIsRefusedNamingIt() {
        String page =
                "<!DOCTYPE html><html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>";
        for (String type : new String[] {"text/vtt", "application/srt", "application/json", null}) {
            assertThatThrownBy(() -> parse(page, type))
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith("an HTML page, not a transcript");
        }
    }

    @Test
    void whatIsNoTranscriptOfItsTypeIsRefusedNamingWhatItBegins() {
        assertThatThrownBy(() -> parse("Error: the file is gone\n", "text/vtt"))
                .hasMessage("not a transcript of type text/vtt: it begins 'Error: the file is gone'");
        assertThatThrownBy(() -> parse("{\"chapters\": []}", "application/json"))
                .hasMessage("JSON without a \"segments\" array");
        assertThatThrownBy(() -> parse("{\"segments\": [", "application/json")).hasMessageStartingWith("not JSON: ");
        assertThatThrownBy(() -> parse("WEBVTT\n\n00:99:00.000 --> 00:99:01.000\nx\n", "text/vtt"))
                .hasMessage("no cue with a readable time (1 broken)");
        assertThatThrownBy(() -> parse("  \n\n ", "text/plain")).hasMessage("no words in it");
    }

    @Test
    void aByteOrderMarkAndWindowsLineEndsAreRead() throws IOException {
        ParsedTranscript t = parse("\uFEFFWEBVTT\r\n\r\n00:00:02.000 --> 00:00:03.000\r\n<v Russ>Hello.\r\n", null);
        assertThat(t.cues()).isEqualTo(List.of(new Cue(2_000, "Russ", "Hello.")));
    }

    @Test
    void charactersThatXmlAndPostgresqlRefuseAreLeftOut() throws IOException {
        ParsedTranscript vtt =
                parse("WEBVTT\n\n00:00:02.000 --> 00:00:03.000\n<v Ru\u0000ss>Hel\u0007lo\uFFFF there.\n", null);
        assertThat(vtt.cues()).isEqualTo(List.of(new Cue(2_000, "Russ", "Hello there.")));
        ParsedTranscript json = parse(
                "{\"segments\":[{\"speaker\":\"A\\u0001\",\"startTime\":1,\"body\":\"Hi\\u0000 \\ud83d\\ude00 \\ud800ok.\"}]}",
                "application/json");
        assertThat(json.cues()).isEqualTo(List.of(new Cue(1_000, "A", "Hi \ud83d\ude00 ok.")));
    }
}
