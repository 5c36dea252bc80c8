package sift.nlp.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import sift.nlp.taxonomy.Kind;
import sift.nlp.taxonomy.Topic;

class CorpusTest {
    private static List<Example> parse(String jsonl) {
        return Corpus.parse(jsonl.getBytes(StandardCharsets.UTF_8), "test.jsonl");
    }

    @Test
    void readsExamplesWithTheirLabelsAndMetadata() {
        List<Example> examples = parse("""
                {"title":"HN812: Loneliness","text":"Show notes.","topics":["career"],"kind":"podcast","media":"audio/mpeg","feed":"Heavy Networking","episode":812}

                {"id":"r1","title":"netlab release 25.11","text":"New devices","topics":["automation"],"kind":"release","release":{"product":"netlab","version":"25.11"}}
                """);
        assertThat(examples).hasSize(2);
        Example episode = examples.get(0);
        assertThat(episode.id()).isEqualTo("test.jsonl:1");
        assertThat(episode.topics()).containsExactly(Topic.CAREER);
        assertThat(episode.kind()).isEqualTo(Kind.PODCAST);
        assertThat(episode.doc().hasMedia()).isTrue();
        assertThat(episode.doc().feedTitle()).isEqualTo("Heavy Networking");
        assertThat(episode.episode()).isEqualTo(812);
        assertThat(examples.get(1).id()).isEqualTo("r1");
        assertThat(examples.get(1).isRelease()).isTrue();
        assertThat(examples.get(1).version()).isEqualTo("25.11");
    }

    @Test
    void aBadLineNamesItsSourceLineAndProblem() {
        assertThatThrownBy(() -> parse("""
                {"title":"t","text":"x","topics":["routing"],"kind":"article"}
                {"title":"t","text":"x","topics":["bgp"],"kind":"article"}""")).hasMessage("test.jsonl:2: unknown topic 'bgp'");
        assertThatThrownBy(() -> parse("{\"text\":\"x\",\"topics\":[],\"kind\":\"article\"}"))
                .hasMessage("test.jsonl:1: 'title' is missing");
        assertThatThrownBy(() -> parse("{\"title\":\"t\",\"text\":\"x\",\"topics\":[],\"kind\":\"essay\"}"))
                .hasMessage("test.jsonl:1: unknown kind 'essay'");
        assertThatThrownBy(() -> parse("{oops")).hasMessageStartingWith("test.jsonl:1: ");
    }

    @Test
    void theBundledCorpusHasWhatTheIssueAsksFor() {
        List<Example> train = Corpus.bundled(Corpus.TRAIN);
        for (Topic t : Topic.values()) {
            assertThat(train.stream().filter(e -> e.topics().contains(t)).count())
                    .as(t.id())
                    .isGreaterThanOrEqualTo(60);
        }
        for (Kind k : Kind.values()) {
            assertThat(train.stream().filter(e -> e.kind() == k).count())
                    .as(k.id())
                    .isGreaterThanOrEqualTo(40);
        }
        assertThat(Corpus.bundled(Corpus.HELD_OUT)).hasSizeGreaterThanOrEqualTo(100);
    }
}
