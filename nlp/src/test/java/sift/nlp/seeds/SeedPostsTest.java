package sift.nlp.seeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sift.nlp.Analysis;
import sift.nlp.Analyzer;
import sift.nlp.text.Document;

/**
 * The twelve real posts of {@code ../shared/seeds/} (written by others, excerpts as their feeds gave them), from
 * their text alone: no title, no link, no feed, no enclosure. Each is a run of lines of the file.
 */
class SeedPostsTest {
    private static final Analyzer ANALYZER = new Analyzer();
    private static List<String> lines;

    @BeforeAll
    static void read() throws IOException {
        Path seeds = Path.of(System.getProperty("sift.shared", "../../shared"), "seeds/feed-excerpts-2025-11.txt");
        lines = Files.readAllLines(seeds, StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "lines {0}-{1}: {2}, {3}, {4}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                // first line | last line | kind | one of the topics it must have | stance | release | episode
                "1|4|incident|operations|neutral|-|-", // Cloudflare's 18 November outage
                "5|11|article|datacenter|neutral|-|-", // Ultra Ethernet transport, a book chapter
                "12|16|announcement|ai-ml|hype|-|-", // Replicate is joining Cloudflare
                "17|19|article|ai-ml|skeptical|-|-", // AI preachers promising lower support costs
                "20|21|article|datacenter;operations|neutral|-|-", // a cluster's live metrics dashboard (monitoring)
                "23|23|article|security|neutral|-|-", // IP address truncation is no anonymisation
                "24|26|podcast|internet;automation|neutral|-|Software Gone Wild 202", // IPv6, CG-NAT; netlab, Ansible
                "27|27|podcast|career|neutral|-|-", // loneliness in network engineering, show notes
                "28|31|article|automation|neutral|-|-", // Salt failures at Cloudflare
                "32|34|release|automation|neutral|netlab 25.11|-",
                "35|39|article|cloud|neutral|-|-", // remote bindings, how they were built
                "40|41|article|ai-ml|skeptical|-|-", // the majority AI view
            })
    void readsEachSeedPostFromItsTextAlone(
            int first, int last, String kind, String topics, String stance, String release, String episode) {
        String text = String.join("\n", lines.subList(first - 1, last));
        Analysis a = ANALYZER.analyze(Document.of("", text));
        assertThat(a.kind().id()).as("kind").isEqualTo(kind);
        assertThat(a.topics())
                .as("topics")
                .anyMatch(t -> List.of(topics.split(";")).contains(t.topic().id()));
        assertThat(a.hype().stance()).as("stance").isEqualTo(stance);
        assertThat(
                        a.release() == null
                                ? null
                                : a.release().product() + " " + a.release().version())
                .as("release")
                .isEqualTo(release);
        assertThat(
                        a.episode() == null || a.episode().number() == null
                                ? null
                                : a.episode().show() + " " + a.episode().number())
                .as("episode")
                .isEqualTo(episode);
    }
}
