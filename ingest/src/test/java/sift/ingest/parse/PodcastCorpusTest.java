package sift.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import sift.ingest.testing.Fixtures;

/** The podcast feeds of {@code ../shared/corpora/podcast}: two real captures are not well-formed XML. */
class PodcastCorpusTest {
    private final FeedParser parser = new FeedParser();

    private ParsedFeed parse(String file) throws Exception {
        return parser.parse(Files.readAllBytes(Fixtures.shared("corpora/podcast/" + file)), null);
    }

    @Test
    void readsThePodcasting20ExampleWithTranscriptsChaptersPersonsSeasonAndEpisode() throws Exception {
        ParsedFeed feed = parse("podcastindex-example.xml");
        assertThat(feed.problem()).isNull();
        assertThat(feed.title().value()).isEqualTo("Podcasting 2.0 Namespace Example");
        assertThat(feed.entries()).hasSize(3);
        ParsedEntry third = feed.entries().get(0);
        assertThat(third.title().value()).isEqualTo("Episode 3 - The Future");
        assertThat(third.published()).isEqualTo(Instant.parse("2020-10-09T04:30:38Z"));
        assertThat(third.enclosures())
                .containsExactly(
                        new ParsedEntry.ParsedEnclosure("https://example.com/file-03.mp3", 43_200_000L, "audio/mpeg"));
        ParsedPodcast podcast = third.podcast();
        assertThat(podcast.season()).isEqualTo(1);
        assertThat(podcast.episode()).isEqualTo(3);
        assertThat(podcast.explicit()).isFalse();
        assertThat(podcast.image()).isEqualTo("https://example.com/ep0003/artMd.jpg");
        assertThat(podcast.chapters())
                .isEqualTo(new ParsedPodcast.Chapters("https://example.com/ep3_chapters.json", "application/json"));
        assertThat(podcast.transcripts())
                .containsExactly(
                        new ParsedPodcast.Transcript(
                                "https://example.com/ep3/transcript.txt", "text/plain", null, null),
                        new ParsedPodcast.Transcript(
                                "https://example.com/episode1/transcript.vtt", "text/vtt", "es", "captions"));
        assertThat(podcast.persons())
                .extracting(ParsedPodcast.Person::name, ParsedPodcast.Person::role, ParsedPodcast.Person::group)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Adam Curry", "host", "cast"),
                        org.assertj.core.groups.Tuple.tuple("Dave Jones", "guest", "cast"),
                        org.assertj.core.groups.Tuple.tuple("Becky Smith", "cover art designer", "visuals"));
    }

    @Test
    void readsEveryEpisodeOfALargeRealFeedWithItsDuration() throws Exception {
        ParsedFeed feed = parse("rss-parser-giantbomb-podcast.rss");
        assertThat(feed.entries()).hasSize(730);
        assertThat(feed.entries()).allSatisfy(e -> assertThat(e.enclosures()).hasSize(1));
        assertThat(feed.entries())
                .as("34 episodes say their duration is 0, which is unknown")
                .filteredOn(e -> e.podcast().durationSeconds() != null)
                .hasSize(730 - 34);
        ParsedEntry latest = feed.entries().get(0);
        assertThat(latest.title().value()).isEqualTo("Giant Bombcast 603: Call of Tuesday");
        assertThat(latest.published()).as("PST is UTC-8").isEqualTo(Instant.parse("2019-10-01T22:30:00Z"));
    }

    @Test
    void readsACaptureWithABlankLineBeforeTheXmlDeclarationAndAWrongCaseItunesNamespace() throws Exception {
        ParsedFeed feed = parse("rss-parser-itunes-missing-image.rss");
        assertThat(feed.entries()).hasSize(131);
        ParsedEntry first = feed.entries().get(0);
        assertThat(first.title().value()).isEqualTo("Taverncast 62 - Temporal Anomaly");
        assertThat(first.podcast().durationSeconds()).isEqualTo(3600 + 9 * 60 + 50);
        assertThat(first.published()).as("EST is UTC-5").isEqualTo(Instant.parse("2015-11-07T17:00:00Z"));
        assertThat(first.enclosures())
                .singleElement()
                .satisfies(e -> assertThat(e.length()).isEqualTo(47_160_424L));
    }

    @Test
    void keepsNonAsciiTextOfAGermanFeed() throws Exception {
        ParsedFeed feed = parse("rss-parser-itunes-keywords-astext.rss");
        assertThat(feed.title().value()).isEqualTo("Endorphine für Delfine");
        assertThat(feed.entries()).hasSize(32);
        assertThat(feed.entries().get(0).podcast().durationSeconds()).isEqualTo(45 * 60 + 44);
    }

    @Test
    void readsPersonsWhoseNamespaceWasNeverDeclared() throws Exception {
        ParsedFeed feed = parse("podcastparser-episode_podcast_person.rss");
        assertThat(feed.problem()).as("not namespace-well-formed").contains("not well-formed XML");
        ParsedEntry episode = feed.entries().get(0);
        assertThat(episode.enclosures())
                .extracting(ParsedEntry.ParsedEnclosure::url)
                .containsExactly("http://example.org/example.mp3");
        assertThat(episode.podcast().episodeType()).isEqualTo("trailer");
        assertThat(episode.podcast().persons())
                .containsExactly(
                        new ParsedPodcast.Person(
                                "John Doe",
                                "host",
                                "cast",
                                "http://www.example.com",
                                "http://www.example.com/avatar.jpg"),
                        new ParsedPodcast.Person("Stephanie Smith", "guest", "cast", "http://amazingsite.com", null));
    }

    @Test
    void readsDurationsInEveryForm() {
        assertThat(Durations.seconds("3725")).isEqualTo(3725);
        assertThat(Durations.seconds("62:05")).isEqualTo(3725);
        assertThat(Durations.seconds("1:02:05")).isEqualTo(3725);
        assertThat(Durations.seconds("01:02:05.500")).isEqualTo(3725);
        assertThat(Durations.seconds("1h 2m 5s")).isEqualTo(3725);
        assertThat(Durations.seconds("62 min")).isEqualTo(3720);
        assertThat(Durations.seconds("1:75:00"))
                .as("75 minutes past an hour is no clock")
                .isNull();
        assertThat(Durations.seconds("soon")).isNull();
        assertThat(Durations.seconds("0")).as("unknown").isNull();
    }
}
