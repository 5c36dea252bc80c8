package sift.web.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import sift.store.digest.DigestSource.Candidate;
import sift.store.digest.DigestSource.HypeClaim;

/** The curation rules, one at a time, on hand-made days. */
class DigestBuilderTest {
    private static final Instant END = Instant.parse("2025-11-19T07:00:00Z");
    private static final LocalDate DAY = LocalDate.parse("2025-11-19");

    private static Candidate post(long id, long feed, String kind, String topic, long story, int hoursOld) {
        return post(id, feed, kind, topic, story, hoursOld, 1.0, 0, "neutral", null);
    }

    private static Candidate post(
            long id,
            long feed,
            String kind,
            String topic,
            long story,
            int hoursOld,
            double weight,
            int hype,
            String stance,
            String product) {
        return new Candidate(
                id,
                feed,
                "Feed " + feed,
                weight,
                "Post " + id,
                "https://e.example/" + id,
                "Summary " + id,
                kind,
                hype,
                stance,
                topic == null ? List.of() : List.of(topic),
                story,
                END.minus(Duration.ofHours(hoursOld)),
                0,
                0,
                product,
                product == null ? null : "1.0",
                false,
                null,
                null);
    }

    private static Digest build(
            List<Candidate> posts, DigestBuilder.Interests interests, Set<String> watched, List<HypeClaim> claims) {
        return DigestBuilder.build(
                DAY, ZoneOffset.UTC, END.minus(Duration.ofDays(1)), END, posts, claims, interests, watched);
    }

    private static List<Long> leads(List<Digest.Story> stories) {
        return stories.stream().map(s -> s.lead().id()).toList();
    }

    @Test
    void postsOfOneStoryAreOneEntryWithTheirSourcesAndCoverageLiftsIt() {
        Digest digest = build(
                List.of(
                        post(1, 10, "incident", "operations", 1, 3),
                        post(2, 11, "article", "operations", 1, 2),
                        post(3, 12, "article", "operations", 1, 1),
                        post(4, 13, "article", "operations", 4, 1)),
                DigestBuilder.Interests.NONE,
                Set.of(),
                List.of());
        assertThat(digest.top()).hasSize(2);
        Digest.Story story = digest.top().get(0);
        assertThat(story.lead().storyId())
                .as("three feeds outrank one fresher post")
                .isEqualTo(1);
        assertThat(story.lead().id()).as("the freshest of the three leads").isEqualTo(3);
        assertThat(story.others()).extracting(Candidate::id).containsExactly(2L, 1L);
        assertThat(story.sources()).containsExactly("Feed 12", "Feed 11", "Feed 10");
    }

    @Test
    void hypeIsHeldDownAndFeedWeightCounts() {
        Digest digest = build(
                List.of(
                        post(1, 10, "announcement", "ai-ml", 1, 1, 1.0, 90, "hype", null),
                        post(2, 11, "article", "ai-ml", 2, 1),
                        post(3, 12, "article", "ai-ml", 3, 1, 2.0, 0, "neutral", null),
                        post(4, 13, "article", "ai-ml", 4, 1, 0.0, 0, "neutral", null)),
                DigestBuilder.Interests.NONE,
                Set.of(),
                List.of());
        assertThat(leads(digest.top())).containsExactly(3L, 2L, 1L, 4L);
    }

    @Test
    void followedAndReadTopicsComeFirst() {
        List<Candidate> day = List.of(
                post(1, 10, "article", "cloud", 1, 1),
                post(2, 11, "article", "routing", 2, 1),
                post(3, 12, "article", "career", 3, 1));
        assertThat(leads(build(day, new DigestBuilder.Interests(Set.of("routing"), Map.of()), Set.of(), List.of())
                        .top()))
                .first()
                .isEqualTo(2L);
        assertThat(leads(build(
                                day,
                                new DigestBuilder.Interests(Set.of(), Map.of("career", 12.0, "cloud", 3.0)),
                                Set.of(),
                                List.of())
                        .top()))
                .containsExactly(3L, 1L, 2L);
    }

    @Test
    void topicSectionsHoldWhatTopStoriesLeftInTheReadersOrder() {
        List<Candidate> day = new java.util.ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            day.add(post(i, i, "article", i % 2 == 0 ? "routing" : "security", i, i));
        }
        Digest digest = build(day, new DigestBuilder.Interests(Set.of("security"), Map.of()), Set.of(), List.of());
        assertThat(digest.top()).hasSize(DigestBuilder.TOP);
        assertThat(digest.topics()).extracting(Digest.TopicSection::topic).containsExactly("security", "routing");
        assertThat(digest.topics().stream()
                        .flatMap(t -> t.stories().stream())
                        .map(s -> s.lead().id()))
                .doesNotContainAnyElementsOf(leads(digest.top()));
    }

    @Test
    void episodesReleasesHypeAndSkepticalReadsHaveTheirSections() {
        List<Candidate> day = List.of(
                post(1, 10, "podcast", "routing", 1, 2),
                post(2, 11, "release", "automation", 2, 1, 1.0, 0, "neutral", "containerlab"),
                post(3, 12, "release", "automation", 3, 9, 1.0, 0, "neutral", "netlab"),
                post(4, 13, "announcement", "ai-ml", 4, 1, 1.0, 80, "hype", null),
                post(5, 14, "article", "ai-ml", 5, 1, 1.0, 30, "skeptical", null));
        Digest digest = build(
                day,
                DigestBuilder.Interests.NONE,
                Set.of("netlab"),
                List.of(
                        new HypeClaim(
                                4,
                                "It fixes every outage before it happens.",
                                80,
                                List.of("absolute promise: 'every'"),
                                false,
                                null,
                                null),
                        new HypeClaim(
                                999,
                                "A claim of a post of another day.",
                                90,
                                List.of("superlative"),
                                false,
                                null,
                                null)));
        assertThat(leads(digest.episodes())).containsExactly(1L);
        assertThat(leads(digest.releases())).as("watched products first").containsExactly(3L, 2L);
        assertThat(leads(digest.top())).doesNotContain(1L, 2L, 3L);
        assertThat(digest.hypeWatch()).singleElement().satisfies(h -> {
            assertThat(h.post().id()).isEqualTo(4);
            assertThat(h.claims())
                    .singleElement()
                    .satisfies(c -> assertThat(c.reasons()).containsExactly("absolute promise: 'every'"));
        });
        assertThat(leads(digest.skeptical())).containsExactly(5L);
    }

    @Test
    void theHypeWatchShowsPostsEachWithItsStrongestClaimsNotOnePressReleaseFourTimes() {
        List<Candidate> day = List.of(
                post(1, 10, "announcement", "ai-ml", 1, 1, 1.0, 99, "hype", null),
                post(2, 11, "article", "ai-ml", 2, 2, 1.0, 70, "hype", null));
        List<HypeClaim> claims = List.of(
                new HypeClaim(1, "It runs itself.", 99, List.of("anthro: 'runs itself'"), false, null, null),
                new HypeClaim(1, "Zero human effort.", 98, List.of("absolute: 'zero'"), false, null, null),
                new HypeClaim(1, "It understands intent.", 97, List.of("anthro: 'understands'"), false, null, null),
                new HypeClaim(1, "Every outage, gone.", 96, List.of("absolute: 'every'"), false, null, null),
                new HypeClaim(2, "AI will replace the NOC.", 70, List.of("replacement"), true, 754_500, "Raj\n*[x]*"));

        Digest digest = build(day, DigestBuilder.Interests.NONE, Set.of(), claims);

        assertThat(digest.hypeWatch()).extracting(h -> h.post().id()).containsExactly(1L, 2L);
        Digest.HypePost press = digest.hypeWatch().get(0);
        assertThat(press.claims())
                .extracting(Digest.Claim::sentence)
                .containsExactly("It runs itself.", "Zero human effort.");
        assertThat(press.more()).isEqualTo(2);
        String md = DigestText.markdown(digest, "https://s.example");
        assertThat(md.substring(md.indexOf("## Hype watch")))
                .containsOnlyOnce("[Post 1]")
                .contains("2 more claims in this post")
                .contains("    [said at 12:34 by Raj \\*\\[x\\]\\*](https://s.example/posts/2?t=754) - claim 70: ");
    }

    @Test
    void aReleaseIsNamedOnceWhenItsTitleSaysItAndItsBreakingChangesAreSaid() {
        Candidate titled = new Candidate(
                1,
                10,
                "Release notes from labforge",
                1.0,
                "labforge 3.2.0",
                "https://e.example/1",
                "Notes",
                "release",
                0,
                "neutral",
                List.of("automation"),
                1,
                END.minus(Duration.ofHours(2)),
                0,
                0,
                "labforge",
                "v3.2.0",
                true,
                null,
                null);
        Candidate untitled = new Candidate(
                2,
                11,
                "FRR news",
                1.0,
                "A quiet summer of fixes",
                "https://e.example/2",
                "Notes",
                "release",
                0,
                "neutral",
                List.of("routing"),
                2,
                END.minus(Duration.ofHours(3)),
                0,
                0,
                "FRR",
                "10.2.1",
                false,
                null,
                null);

        String md = DigestText.markdown(
                build(List.of(titled, untitled), DigestBuilder.Interests.NONE, Set.of(), List.of()),
                "https://s.example");

        assertThat(md)
                .containsOnlyOnce("3.2.0")
                .contains(
                        "labforge 3.2.0](https://s.example/posts/1) - Release notes from labforge - breaking changes");
        assertThat(md).contains("A quiet summer of fixes](https://s.example/posts/2) - FRR news - FRR 10.2.1\n");
    }

    @Test
    void aDayWithoutPostsIsEmpty() {
        Digest digest = build(List.of(), DigestBuilder.Interests.NONE, Set.of(), List.of());
        assertThat(digest.isEmpty()).isTrue();
        assertThat(DigestText.markdown(digest, "https://s.example")).contains("No posts were published");
        assertThat(digest.title()).isEqualTo("Sift digest for Wednesday 19 November 2025");
    }
}
