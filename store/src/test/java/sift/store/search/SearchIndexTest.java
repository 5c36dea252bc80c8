package sift.store.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sift.store.Database;
import sift.store.DbSettings;
import sift.store.FreshDatabase;
import sift.store.StoreException;
import sift.store.feed.NewFeed;
import sift.store.post.PostDraft;
import sift.store.post.PostFacts;
import sift.store.post.PostSummary;

@ExtendWith(FreshDatabase.class)
class SearchIndexTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;

    DbSettings settings;
    Database db;
    SearchIndex index;
    long cloudflare;
    long ipspace;

    @BeforeEach
    void open(Database db, DbSettings settings) {
        this.settings = settings;
        this.db = db;
        db.feeds().subscribe(new NewFeed("https://blog.cloudflare.com/rss/", "The Cloudflare Blog", null), NOW);
        db.feeds().subscribe(new NewFeed("https://blog.ipspace.net/atom.xml", "ipSpace.net blog", null), NOW);
        cloudflare = db.feeds().all().stream()
                .filter(f -> f.url().contains("cloudflare"))
                .findFirst()
                .orElseThrow()
                .id();
        ipspace = db.feeds().all().stream()
                .filter(f -> f.url().contains("ipspace"))
                .findFirst()
                .orElseThrow()
                .id();
        post(
                cloudflare,
                "outage",
                "Cloudflare outage on November 18",
                "A feature file for Bot Management doubled in size and routers across the network failed.",
                "incident",
                "2025-11-18T23:45:00Z");
        post(
                ipspace,
                "bgp",
                "BGP route reflectors and add-path",
                "Add-path lets a route reflector advertise more than one path. Best path selection still runs.",
                "article",
                "2025-11-20T10:00:00Z");
        post(
                ipspace,
                "evpn",
                "EVPN multihoming without MLAG",
                "ESI multihoming replaces MLAG; the route reflector carries type-1 and type-4 routes.",
                "article",
                "2025-10-01T10:00:00Z");
        post(
                ipspace,
                "sgw",
                "Software Gone Wild episode 202: IPv6 and CG-NAT",
                "We talked about the state of IPv6, CG-NAT and fraud prevention.",
                "podcast",
                "2025-11-21T09:00:00Z");
        index = SearchIndex.open(dir.resolve("index"), db.postChanges(), CLOCK);
    }

    @AfterEach
    void close() {
        index.close();
    }

    private void vectorPost(long feed, String guid, String title, String text, float[] vector, String published) {
        db.posts()
                .upsert(
                        new PostDraft(
                                feed,
                                guid,
                                null,
                                title,
                                null,
                                Instant.parse(published),
                                null,
                                null,
                                "<p>" + text + "</p>",
                                text,
                                new PostFacts("article", List.of(), 0, "neutral", List.of(), null, null, vector),
                                List.of()),
                        NOW);
    }

    private void post(long feed, String guid, String title, String text, String kind, String published) {
        db.posts()
                .upsert(
                        new PostDraft(
                                feed,
                                guid,
                                null,
                                title,
                                null,
                                Instant.parse(published),
                                null,
                                null,
                                "<p>" + text + "</p>",
                                text,
                                PostFacts.ofKind(kind),
                                List.of()),
                        NOW);
    }

    private List<String> titles(String query) {
        return index.search(new SearchRequest(query, 20, 0, SearchRequest.Order.RELEVANCE)).hits().stream()
                .map(SearchResult.Hit::title)
                .toList();
    }

    @Nested
    class SameStory {
        @Test
        void findsTheSameStoryInOtherFeedsOfThoseDaysOnly() {
            post(
                    ipspace,
                    "cf-retold",
                    "What the Cloudflare outage of November 18 teaches",
                    "Cloudflare's Bot Management feature file doubled in size; its routers failed on the oversized file.",
                    "article",
                    "2025-11-19T08:00:00Z");
            post(
                    cloudflare,
                    "cf-own-followup",
                    "Cloudflare outage follow-up: the Bot Management feature file",
                    "The feature file that doubled in size is now checked before routers load it.",
                    "article",
                    "2025-11-20T08:00:00Z");
            post(
                    ipspace,
                    "cf-much-later",
                    "A year after the Cloudflare outage of November 18",
                    "The Bot Management feature file doubled in size and routers failed, a year ago.",
                    "article",
                    "2026-11-18T08:00:00Z");
            index.catchUp();
            assertThat(index.linkStories())
                    .as("every post linked")
                    .isEqualTo(db.postChanges().count());
            assertThat(index.linkStories()).as("nothing left to link").isZero();
            long outage = id("Cloudflare outage on November 18");
            assertThat(db.postQueries().sameStory(outage, 5))
                    .extracting(PostSummary::title)
                    .containsExactly("What the Cloudflare outage of November 18 teaches");
            assertThat(db.postQueries().sameStory(id("What the Cloudflare outage of November 18 teaches"), 5))
                    .extracting(PostSummary::title)
                    .as("both ways, and the same feed's follow-up is of the story too")
                    .containsExactly(
                            "Cloudflare outage on November 18",
                            "Cloudflare outage follow-up: the Bot Management feature file");
            assertThat(db.postQueries().sameStory(id("A year after the Cloudflare outage of November 18"), 5))
                    .as("a year later")
                    .isEmpty();
            assertThat(db.postQueries().sameStory(id("BGP route reflectors and add-path"), 5))
                    .as("an unrelated post")
                    .isEmpty();
            assertThat(db.postQueries().sameStory(424_242, 5))
                    .as("no such post")
                    .isEmpty();
        }

        @Test
        void vectorsFindTheSameStoryInOtherWordsAndKeepNeighbouringStoriesApart() {
            // the encoder's vectors, made by hand: two tellings of one story point the same way, a neighbouring
            // story (another region) elsewhere; no post shares a word with another (in an index this small, one
            // common word would be the whole of a post's MoreLikeThis query)
            float[] lisbon = {0.9f, 0.3f, 0.1f, 0, 0, 0.3f};
            float[] lisbonRetold = {0.8f, 0.4f, 0.2f, 0.1f, 0, 0.4f};
            float[] madrid = {0, 0.1f, 0.2f, 0.9f, 0.3f, 0};
            vectorPost(
                    cloudflare,
                    "lisbon",
                    "Veyra opens its Lisbon cloud region",
                    "Veyra's new cloud region in Lisbon is open with three availability zones.",
                    lisbon,
                    "2026-03-02T10:00:00Z");
            vectorPost(
                    ipspace,
                    "lisbon-retold",
                    "Portugal gets hyperscale capacity",
                    "Customers in Portugal can now run workloads close to home, the provider said on Monday.",
                    lisbonRetold,
                    "2026-03-03T10:00:00Z");
            vectorPost(
                    ipspace,
                    "madrid",
                    "Madrid data hall goes live",
                    "Sovereign tenants in Spain's capital deploy there from today.",
                    madrid,
                    "2026-03-03T12:00:00Z");
            index.catchUp();
            index.linkStories();

            assertThat(db.postQueries()
                            .find(id("Veyra opens its Lisbon cloud region"))
                            .orElseThrow()
                            .facts()
                            .vector())
                    .as("the vector is stored with the post")
                    .containsExactly(lisbon);
            assertThat(db.postQueries().sameStory(id("Veyra opens its Lisbon cloud region"), 5))
                    .extracting(PostSummary::title)
                    .as("no word in common, the same story")
                    .containsExactly("Portugal gets hyperscale capacity");
            assertThat(db.postQueries().sameStory(id("Madrid data hall goes live"), 5))
                    .as("another story")
                    .isEmpty();
        }

        private long id(String title) {
            return db.postQueries().river(10, null).stream()
                    .filter(p -> p.title().equals(title))
                    .findFirst()
                    .orElseThrow()
                    .id();
        }
    }

    @Nested
    class ByMeaning {
        // the encoder's vectors, made by hand: a query near the Lisbon region's tellings, far from Madrid's
        private final float[] lisbon = {0.9f, 0.3f, 0.1f, 0, 0, 0.3f};
        private final float[] query = {0.85f, 0.35f, 0.15f, 0.05f, 0, 0.35f};

        @BeforeEach
        void posts() {
            vectorPost(
                    cloudflare,
                    "lisbon",
                    "Veyra opens its Lisbon cloud region",
                    "Veyra's new cloud region in Lisbon is open with three availability zones.",
                    lisbon,
                    "2026-03-02T10:00:00Z");
            vectorPost(
                    ipspace,
                    "lisbon-retold",
                    "Portugal gets hyperscale capacity",
                    "Customers in Portugal can now run workloads close to home, the provider said on Monday.",
                    new float[] {0.8f, 0.4f, 0.2f, 0.1f, 0, 0.4f},
                    "2026-03-03T10:00:00Z");
            vectorPost(
                    ipspace,
                    "madrid",
                    "Madrid data hall goes live",
                    "Sovereign tenants in Spain's capital deploy there from today.",
                    new float[] {0, 0.1f, 0.2f, 0.9f, 0.3f, 0},
                    "2026-03-03T12:00:00Z");
            index.catchUp();
        }

        @Test
        void wordsAloneAlsoFindThePostsNearestInMeaningAndSaySo() {
            SearchResult result =
                    index.search(new SearchRequest("lisbon region", 10, 0, SearchRequest.Order.RELEVANCE, null, query));
            assertThat(result.hits())
                    .extracting(SearchResult.Hit::title, SearchResult.Hit::byMeaning)
                    .containsExactly(
                            tuple("Veyra opens its Lisbon cloud region", false),
                            tuple("Portugal gets hyperscale capacity", true));
            assertThat(result.total())
                    .as("the post with the words and the one near in meaning")
                    .isEqualTo(2);
            assertThat(result.totalExact()).isTrue();
            assertThat(result.hits().get(1).snippet().text())
                    .as("the lead, with no words to show")
                    .startsWith("Customers in Portugal");
        }

        @Test
        void anExactQueryTheDateOrderAndNoMeaningGoByWordsAlone() {
            for (SearchRequest request : List.of(
                    new SearchRequest("lisbon region", 10, 0, SearchRequest.Order.RELEVANCE),
                    new SearchRequest("lisbon region", 10, 0, SearchRequest.Order.DATE, null, query),
                    new SearchRequest("\"lisbon cloud region\"", 10, 0, SearchRequest.Order.RELEVANCE, null, query),
                    new SearchRequest("lisbon kind:article", 10, 0, SearchRequest.Order.RELEVANCE, null, query),
                    new SearchRequest("lisbon -madrid", 10, 0, SearchRequest.Order.RELEVANCE, null, query),
                    new SearchRequest("lisbon region", 10, 0, SearchRequest.Order.RELEVANCE, null, new float[6]))) {
                assertThat(index.search(request).hits())
                        .as(request.query() + " " + request.order())
                        .extracting(SearchResult.Hit::title)
                        .containsExactly("Veyra opens its Lisbon cloud region");
            }
        }

        @Test
        void onlyWordsAloneAreWorthEncoding() {
            assertThat(List.of("lisbon region", "is-is convergence", "what:ever", "ORACLE or"))
                    .allMatch(SearchIndex::findsByMeaning);
            assertThat(List.of(
                            "\"lisbon region\"",
                            "lisbon -madrid",
                            "bgp OR ospf",
                            "(bgp)",
                            "topic:routing leak",
                            "Kind:release",
                            "\"unclosed",
                            "",
                            "   "))
                    .noneMatch(SearchIndex::findsByMeaning);
        }

        @Test
        void meaningKeepsToThePeriodAndFindsNothingFarAway() {
            var march2 = new SearchRequest.Period(
                    Instant.parse("2026-03-02T00:00:00Z"), Instant.parse("2026-03-03T00:00:00Z"));
            assertThat(index.search(new SearchRequest(
                                    "cloud capacity", 10, 0, SearchRequest.Order.RELEVANCE, march2, query))
                            .hits())
                    .extracting(SearchResult.Hit::title)
                    .containsExactly("Veyra opens its Lisbon cloud region");
            float[] elsewhere = {0, 0, 0, 0, 1, 0};
            assertThat(index.search(new SearchRequest(
                                    "sovereign", 10, 0, SearchRequest.Order.RELEVANCE, null, elsewhere))
                            .hits())
                    .as("the words' post, and none under the floor of meaning")
                    .extracting(SearchResult.Hit::title)
                    .containsExactly("Madrid data hall goes live");
        }
    }

    @Nested
    class Syntax {
        @Test
        void wordsMustAllMatchAndAreStemmed() {
            assertThat(titles("reflectors path")).containsExactly("BGP route reflectors and add-path");
            assertThat(titles("router")).containsExactly("Cloudflare outage on November 18");
        }

        @Test
        void titlesWeighMoreThanText() {
            assertThat(titles("route reflector")).first().isEqualTo("BGP route reflectors and add-path");
        }

        @Test
        void aTitleMatchOutranksATextThatRepeatsTheWord() {
            post(
                    ipspace,
                    "vxlan-text",
                    "Notes from a data center rebuild",
                    "VXLAN here, VXLAN there: VXLAN tunnels, VXLAN gateways, VXLAN everywhere in this rebuild.",
                    "article",
                    "2025-11-20T10:00:00Z");
            post(
                    ipspace,
                    "vxlan-title",
                    "VXLAN flood lists explained",
                    "How head-end replication sends broadcast and unknown traffic to every tunnel endpoint in the"
                            + " segment, and what it costs when a segment spans a few hundred switches in two halls.",
                    "article",
                    "2025-11-20T10:00:00Z");
            index.catchUp();

            assertThat(titles("vxlan")).first().isEqualTo("VXLAN flood lists explained");
        }

        @Test
        void phrasesMatchWordsInOrder() {
            assertThat(titles("\"route reflector carries\"")).containsExactly("EVPN multihoming without MLAG");
            assertThat(titles("\"reflector route\"")).isEmpty();
            assertThat(titles("\"route carries\""))
                    .as("two words, not adjacent")
                    .isEmpty();
            assertThat(titles("\"route reflector\"")).hasSize(2);
        }

        @Test
        void aMinusExcludes() {
            assertThat(titles("reflector -evpn")).containsExactly("BGP route reflectors and add-path");
            assertThat(titles("-reflector"))
                    .containsExactlyInAnyOrder(
                            "Cloudflare outage on November 18", "Software Gone Wild episode 202: IPv6 and CG-NAT");
        }

        @Test
        void orAndParenthesesCombine() {
            assertThat(titles("(ipv6 OR bot) -podcast")).hasSize(2);
            assertThat(titles("(ipv6 OR bot) -kind:podcast")).containsExactly("Cloudflare outage on November 18");
            assertThat(titles("mlag OR \"feature file\"")).hasSize(2);
        }

        @Test
        void filtersByKindFeedAndDate() {
            assertThat(titles("kind:incident")).containsExactly("Cloudflare outage on November 18");
            assertThat(titles("reflector feed:ipspace.net")).hasSize(2);
            assertThat(titles("reflector feed:cloudflare")).isEmpty();
            assertThat(titles("feed:" + cloudflare)).hasSize(1);
            assertThat(titles("reflector after:2025-11-01")).containsExactly("BGP route reflectors and add-path");
            assertThat(titles("reflector before:2025-11-01")).containsExactly("EVPN multihoming without MLAG");
        }

        @Test
        void filtersByTheFactsOfEachPost() {
            db.posts()
                    .upsert(
                            new PostDraft(
                                    cloudflare,
                                    "ai",
                                    null,
                                    "AI that runs your BGP",
                                    null,
                                    NOW,
                                    null,
                                    null,
                                    "<p>Our AI agent will run BGP for you.</p>",
                                    "Our AI agent will run BGP for you.",
                                    new PostFacts(
                                            "announcement",
                                            List.of(
                                                    new PostFacts.TopicScore("ai-ml", 0.9),
                                                    new PostFacts.TopicScore("routing", 0.5)),
                                            82,
                                            "hype",
                                            List.of(),
                                            null,
                                            null),
                                    List.of()),
                            NOW);
            db.posts()
                    .replaceFacts(
                            firstPostWithTitle("BGP route reflectors and add-path"),
                            new PostFacts(
                                    "article",
                                    List.of(new PostFacts.TopicScore("routing", 0.95)),
                                    0,
                                    "neutral",
                                    List.of(),
                                    null,
                                    null));
            index.catchUp();

            assertThat(titles("topic:routing"))
                    .containsExactlyInAnyOrder("AI that runs your BGP", "BGP route reflectors and add-path");
            assertThat(titles("topic:ai-ml bgp")).containsExactly("AI that runs your BGP");
            assertThat(titles("bgp stance:hype")).containsExactly("AI that runs your BGP");
            assertThat(titles("bgp hype:>40")).containsExactly("AI that runs your BGP");
            assertThat(titles("bgp hype:<=10")).containsExactly("BGP route reflectors and add-path");
            assertThat(titles("topic:career")).isEmpty();
        }

        private long firstPostWithTitle(String title) {
            return db.postChanges().changedAfter(Instant.EPOCH, 0, 100).stream()
                    .filter(p -> p.title().equals(title))
                    .findFirst()
                    .orElseThrow()
                    .id();
        }

        @Test
        void findsIsIsThoughBothHalvesAreStopWords() {
            post(
                    ipspace,
                    "isis",
                    "Flooding in IS-IS",
                    "IS-IS floods LSPs; OSPF floods LSAs.",
                    "article",
                    "2025-11-22T10:00:00Z");
            index.catchUp();
            assertThat(titles("is-is")).containsExactly("Flooding in IS-IS");
            assertThat(titles("isis flooding")).containsExactly("Flooding in IS-IS");
            assertThat(titles("\"is-is floods\"")).containsExactly("Flooding in IS-IS");
        }

        @Test
        void aColonInAnOrdinaryWordIsJustAWord() {
            assertThat(titles("episode 202:")).containsExactly("Software Gone Wild episode 202: IPv6 and CG-NAT");
        }

        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    "(bgp OR evpn|the '(' at position 1 is never closed",
                    "bgp)|a ')' at position 4 closes nothing",
                    "\"route reflector|the quote at position 1 is never closed",
                    "bgp OR|OR at position 5 needs words after it",
                    "OR bgp|OR at position 1 needs words before it",
                    "kind:rumour|unknown kind 'rumour' at position 1: one of announcement, article, incident, podcast, release",
                    "stance:angry|unknown stance 'angry'",
                    "topic:nonsense|unknown topic 'nonsense' at position 1: one of ai-ml, automation, career, cloud,",
                    "hype:>lots|hype: at position 1 needs a score from 0 to 100",
                    "hype:>400|hype scores run from 0 to 100, not 400",
                    "after:yesterday|after: at position 1 needs a date as YYYY-MM-DD, not 'yesterday'",
                    "kind:|kind: at position 1 needs a value, e.g. kind:podcast",
                    "()|empty parentheses at position 1",
                    "'   '|the query is empty"
                })
        void aMalformedQueryGetsAReadableError(String query, String message) {
            assertThatThrownBy(() -> titles(query.equals("'   '") ? "   " : query))
                    .isInstanceOf(SearchSyntaxException.class)
                    .hasMessageContaining(message);
        }
    }

    @Nested
    class Results {
        private void episodeWithTranscript() {
            episodeWithTranscript(List.of(
                    new PostFacts.Cue(0, "Ivan", "Welcome back."),
                    new PostFacts.Cue(
                            754_500, "Guest", "We moved the fabric to Kubernetes" + " operators last spring."),
                    new PostFacts.Cue(800_000, "Ivan", "Fabrics are hard.")));
        }

        private void episodeWithTranscript(List<PostFacts.Cue> cues) {
            db.posts()
                    .upsert(
                            new PostDraft(
                                    ipspace,
                                    "sgw-203",
                                    null,
                                    "Software Gone Wild episode 203",
                                    null,
                                    Instant.parse("2025-11-22T09:00:00Z"),
                                    null,
                                    null,
                                    "<p>A chat about data center fabrics.</p>",
                                    "A chat about data center fabrics.",
                                    new PostFacts(
                                            "podcast",
                                            List.of(),
                                            0,
                                            "neutral",
                                            List.of(),
                                            null,
                                            new PostFacts.Episode(
                                                    "Software Gone Wild",
                                                    null,
                                                    203,
                                                    3_600,
                                                    null,
                                                    null,
                                                    null,
                                                    List.of(),
                                                    new PostFacts.Transcript(
                                                            "https://example.net/203.vtt", null, cues)),
                                            null),
                                    List.of()),
                            NOW);
            index.catchUp();
        }

        @Test
        void aWordSaidOnlyInAnEpisodeFindsItWithTheCueThatSaysItAndItsTime() {
            episodeWithTranscript();
            SearchResult.Hit hit = index.search(
                            new SearchRequest("kubernetes operators", 10, 0, SearchRequest.Order.RELEVANCE))
                    .hits()
                    .get(0);
            assertThat(hit.title()).isEqualTo("Software Gone Wild episode 203");
            assertThat(hit.said()).isEqualTo(new SearchResult.Said(754_500, "Guest"));
            assertThat(hit.snippet().text()).isEqualTo("We moved the fabric to Kubernetes operators last spring.");
            assertThat(hit.snippet().pieces())
                    .filteredOn(Snippet.Piece::match)
                    .extracting(Snippet.Piece::text)
                    .containsExactly("Kubernetes", "operators");
            assertThat(titles("\"kubernetes operators\"")).as("a phrase said").containsExactly(hit.title());
        }

        @Test
        void aWordSaidLateInAnHourIsFoundInItsCue() {
            List<PostFacts.Cue> hour = new ArrayList<>();
            for (int i = 0; i < 3_000; i++) {
                hour.add(new PostFacts.Cue(i * 1_200, i % 2 == 0 ? "Ivan" : "Guest", "We talked about route servers."));
            }
            hour.add(new PostFacts.Cue(3_599_000, "Guest", "And the lab runs on a Raspberry Pi."));
            hour.add(new PostFacts.Cue(3_600_000, "Ivan", "Thanks for listening."));
            episodeWithTranscript(hour);
            SearchResult.Hit hit = index.search(new SearchRequest("raspberry", 10, 0, SearchRequest.Order.RELEVANCE))
                    .hits()
                    .get(0);
            assertThat(hit.said()).isEqualTo(new SearchResult.Said(3_599_000, "Guest"));
            assertThat(hit.snippet().text()).isEqualTo("And the lab runs on a Raspberry Pi.");
        }

        @Test
        void wordsInAnEpisodesTextShowTheTextAndWeighMoreThanWordsSaid() {
            episodeWithTranscript();
            SearchResult.Hit hit = index.search(new SearchRequest("fabrics", 10, 0, SearchRequest.Order.RELEVANCE))
                    .hits()
                    .get(0);
            assertThat(hit.said()).isNull();
            assertThat(hit.snippet().text()).isEqualTo("A chat about data center fabrics.");
            assertThat(titles("spring")).containsExactly("Software Gone Wild episode 203");
            assertThat(titles("spring kind:article")).isEmpty();
        }

        @Test
        void aFieldNarrowsTheResultsWithoutChangingTheirScores() {
            var words = index.search(new SearchRequest("reflector", 10, 0, SearchRequest.Order.RELEVANCE))
                    .hits();
            var narrowed = index.search(new SearchRequest(
                            "reflector kind:article after:2025-01-01", 10, 0, SearchRequest.Order.RELEVANCE))
                    .hits();
            assertThat(narrowed).hasSize(2).isEqualTo(words);
        }

        @Test
        void canBeSortedByDate() {
            var result = index.search(new SearchRequest("reflector OR ipv6 OR bot", 10, 0, SearchRequest.Order.DATE));
            assertThat(result.hits())
                    .extracting(SearchResult.Hit::title)
                    .containsExactly(
                            "Software Gone Wild episode 202: IPv6 and CG-NAT", "BGP route reflectors and add-path",
                            "Cloudflare outage on November 18", "EVPN multihoming without MLAG");
            assertThat(result.total()).isEqualTo(4);
        }

        @Test
        void pageThroughWithOffsets() {
            var second = index.search(new SearchRequest("reflector OR ipv6 OR bot", 2, 2, SearchRequest.Order.DATE));
            assertThat(second.total()).isEqualTo(4);
            assertThat(second.hits())
                    .extracting(SearchResult.Hit::title)
                    .containsExactly("Cloudflare outage on November 18", "EVPN multihoming without MLAG");
        }

        @Test
        void snippetsMarkTheMatchingWords() {
            Snippet snippet = index.search(new SearchRequest("fraud", 1, 0, SearchRequest.Order.RELEVANCE))
                    .hits()
                    .get(0)
                    .snippet();
            assertThat(snippet.text()).contains("CG-NAT and fraud prevention");
            assertThat(snippet.pieces())
                    .filteredOn(Snippet.Piece::match)
                    .extracting(Snippet.Piece::text)
                    .containsExactly("fraud");
        }

        @Test
        void aHeadingDoesNotRunIntoTheLineBelowIt() {
            post(
                    ipspace,
                    "labforge",
                    "labforge 3.2.0",
                    "Breaking changes\nThe routing policy attribute was renamed\nNew features\n"
                            + "BGP unnumbered sessions over IPv6 link-local addresses\nUpgrade soon.\nThanks!",
                    "release",
                    "2025-11-20T10:00:00Z");
            index.catchUp();

            Snippet snippet = index.search(new SearchRequest("unnumbered", 1, 0, SearchRequest.Order.RELEVANCE))
                    .hits()
                    .get(0)
                    .snippet();
            assertThat(snippet.text())
                    .contains("renamed · New features · BGP unnumbered sessions")
                    .contains("addresses · Upgrade soon.");
            assertThat(Queries.readable("Upgrade soon.\n Thanks!")).isEqualTo("Upgrade soon. Thanks!");
        }

        @Test
        void aTitleOnlyMatchStillHasASnippet() {
            Snippet snippet = index.search(new SearchRequest("wild", 1, 0, SearchRequest.Order.RELEVANCE))
                    .hits()
                    .get(0)
                    .snippet();
            assertThat(snippet.text()).startsWith("We talked about the state of IPv6");
        }

        @Test
        void carriesWhatAResultListShows() {
            SearchResult.Hit hit = index.search(new SearchRequest("outage", 1, 0, SearchRequest.Order.RELEVANCE))
                    .hits()
                    .get(0);
            assertThat(hit.feedTitle()).isEqualTo("The Cloudflare Blog");
            assertThat(hit.kind()).isEqualTo("incident");
            assertThat(hit.publishedAt()).isEqualTo(Instant.parse("2025-11-18T23:45:00Z"));
            assertThat(hit.score()).isPositive();
        }

        @Test
        void aPeriodKeepsThePostsPublishedInIt() {
            var november = new SearchRequest.Period(
                    Instant.parse("2025-11-19T00:00:00Z"), Instant.parse("2025-11-21T09:00:00Z"));
            var result = index.search(
                    new SearchRequest("reflector OR ipv6", 10, 0, SearchRequest.Order.DATE, november, null));
            assertThat(result.hits())
                    .extracting(SearchResult.Hit::title)
                    .containsExactly("BGP route reflectors and add-path");
        }
    }

    @Nested
    class FollowingTheDatabase {
        /** Stores 6,000 posts at once, as a bulk load does. */
        private void backlog() {
            List<PostDraft> backlog = new ArrayList<>();
            for (int i = 0; i < 6000; i++) {
                backlog.add(new PostDraft(
                        i % 2 == 0 ? cloudflare : ipspace,
                        "backlog-" + i,
                        null,
                        "Backlog post " + i + " on route " + (i % 97),
                        null,
                        NOW.minusSeconds(i),
                        null,
                        null,
                        "<p>words " + i + "</p>",
                        "words " + i + " about prefix " + (i % 89),
                        PostFacts.ofKind("article"),
                        List.of()));
            }
            db.posts().insertBatch(backlog, NOW);
        }

        @Test
        void aCloseStopsACatchUpAfterItsBatchAndTheNextOpenGoesOn() throws Exception {
            backlog();
            SearchIndex catching = index;
            var catchUp = java.util.concurrent.CompletableFuture.supplyAsync(catching::catchUp);
            Thread.sleep(50);
            catching.close();
            int indexed = catchUp.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(indexed)
                    .as("the close stopped the catch-up after its batch")
                    .isLessThan(6000);
            index = SearchIndex.open(dir.resolve("index"), db.postChanges(), CLOCK);
            assertThat(index.catchUp())
                    .as("the next open went on from where it stopped")
                    .isZero();
            assertThat(index.size()).isEqualTo(6004);
        }

        @Test
        void countsTheCpuOfIndexingAndOfStoryLinkingApart() throws Exception {
            backlog();
            SearchIndex.Work before = index.work();
            index.catchUp();
            SearchIndex.Work indexed = index.work();
            assertThat(indexed.indexNanos()).isGreaterThan(before.indexNanos());
            assertThat(indexed.storiesNanos()).isEqualTo(before.storiesNanos());
            index.linkStories();
            assertThat(index.work().storiesNanos()).isGreaterThan(indexed.storiesNanos());
            assertThat(index.work().indexNanos()).isEqualTo(indexed.indexNanos());
        }

        @Test
        void storyLinkingStopsAtThePostItIsOnNotAtTheEndOfItsBatch() throws Exception {
            backlog();
            index.catchUp();
            int unlinked = db.postChanges().withoutStory(0, 10_000).size();
            var asked = new java.util.concurrent.atomic.AtomicInteger();
            int linked = index.linkStories(() -> asked.incrementAndGet() > 100);
            assertThat(linked)
                    .as("asked to stop at the 101st post of a batch of 500")
                    .isPositive()
                    .isLessThanOrEqualTo(100);
            assertThat(index.linkStories()).isEqualTo(unlinked - linked);
        }

        @Test
        void aCloseStopsStoryLinkingAfterItsBatchAndTheNextOpenGoesOn() throws Exception {
            backlog();
            index.catchUp();
            int unlinked = db.postChanges().withoutStory(0, 10_000).size();
            assertThat(unlinked).isGreaterThanOrEqualTo(6000);

            SearchIndex linking = index;
            var linker = java.util.concurrent.CompletableFuture.supplyAsync(linking::linkStories);
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
            while (db.postChanges().withoutStory(0, 10_000).size() == unlinked && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            linking.close();
            int linkedBeforeClose = linker.get(30, java.util.concurrent.TimeUnit.SECONDS);
            int left = db.postChanges().withoutStory(0, 10_000).size();
            assertThat(left)
                    .as("the close stopped the linking after its batch (%d linked)", linkedBeforeClose)
                    .isPositive();
            assertThat(linking.linkStories()).as("a closed index links nothing").isZero();

            index = SearchIndex.open(dir.resolve("index"), db.postChanges(), CLOCK);
            assertThat(index.linkStories()).isEqualTo(left);
            assertThat(db.postChanges().withoutStory(0, 10_000)).isEmpty();
        }

        @Test
        void aFollowerThatGetsTheIndexAfterItClosedLeavesTheDatabaseAlone() {
            post(
                    cloudflare,
                    "late",
                    "A post the follower has not linked",
                    "Its story is not known yet.",
                    "article",
                    "2025-11-17T14:00:00Z");
            int stored = db.postChanges().count();
            index.close();
            // the follower's thread was interrupted by the close and then got the monitor back
            Thread.currentThread().interrupt();
            try {
                assertThat(index.catchUp()).isZero();
                assertThat(index.linkStories()).isZero();
            } finally {
                Thread.interrupted();
            }
            assertThat(db.postChanges().count())
                    .as("the database's file still open for everyone")
                    .isEqualTo(stored);
            index = SearchIndex.open(dir.resolve("index"), db.postChanges(), CLOCK);
        }

        @Test
        void findsNewAndChangedPostsAfterACatchUp() {
            post(
                    cloudflare,
                    "replicate",
                    "Replicate is joining Cloudflare",
                    "The leading platform for AI models.",
                    "announcement",
                    "2025-11-17T14:00:00Z");
            assertThat(titles("replicate")).isEmpty();
            assertThat(index.catchUp()).isEqualTo(1);
            assertThat(titles("replicate")).containsExactly("Replicate is joining Cloudflare");

            post(
                    cloudflare,
                    "replicate",
                    "Replicate joins Cloudflare",
                    "Model hosting, now on Workers.",
                    "announcement",
                    "2025-11-17T14:00:00Z");
            index.catchUp();
            assertThat(titles("leading")).isEmpty();
            assertThat(titles("workers")).containsExactly("Replicate joins Cloudflare");
            assertThat(index.size()).isEqualTo(db.postChanges().count());
        }

        @Test
        void findsAPostWhoseTransactionBeganEarlierButCommittedLater() throws Exception {
            try (Connection late = DriverManager.getConnection(settings.url(), settings.user(), settings.password())) {
                late.setAutoCommit(false);
                // this transaction's time (and so the post's changed_at) is older than the post stored next
                late.createStatement().executeUpdate("""
                        INSERT INTO posts (feed_id, guid, title, published_at, content_hash, kind, first_seen_at,
                                           changed_at)
                        VALUES (%d, 'late', 'Committed late', CURRENT_TIMESTAMP, '%s', 'article', CURRENT_TIMESTAMP,
                                CURRENT_TIMESTAMP)""".formatted(ipspace, "0".repeat(64)));
                Thread.sleep(20);
                post(cloudflare, "early", "Committed early", "First in line.", "article", "2025-11-24T10:00:00Z");
                assertThat(index.catchUp()).isEqualTo(1);
                late.commit();
            }
            assertThat(index.catchUp()).isEqualTo(1);
            assertThat(titles("committed")).containsExactlyInAnyOrder("Committed late", "Committed early");
            assertThat(index.size()).isEqualTo(db.postChanges().count());
        }

        @Test
        void anUnchangedPostIsNotIndexedAgain() {
            assertThat(index.catchUp()).isZero();
        }

        @Test
        void resumesFromItsLastCommitAfterARestart() {
            index.close();
            post(cloudflare, "later", "Written while Sift was down", "Quiet.", "article", "2025-11-25T10:00:00Z");
            index = SearchIndex.open(dir.resolve("index"), db.postChanges(), CLOCK);
            assertThat(titles("quiet")).containsExactly("Written while Sift was down");
            assertThat(index.size()).isEqualTo(5);
        }

        @Test
        void aMissingIndexIsRebuiltOnOpen() throws Exception {
            index.close();
            try (var files = Files.list(dir.resolve("index"))) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            index = SearchIndex.open(dir.resolve("index"), db.postChanges(), CLOCK);
            assertThat(index.size()).isEqualTo(4);
            assertThat(titles("mlag")).hasSize(1);
        }

        @Test
        void aCorruptIndexIsRebuiltOnOpenInsteadOfFailing() throws Exception {
            index.close();
            try (var files = Files.list(dir.resolve("index"))) {
                for (Path f : files.filter(p -> !p.getFileName().toString().equals("write.lock"))
                        .toList()) {
                    Files.write(f, "garbage, not a Lucene file".getBytes());
                }
            }
            index = SearchIndex.open(dir.resolve("index"), db.postChanges(), CLOCK);
            assertThat(index.size()).isEqualTo(4);
            assertThat(titles("reflector")).hasSize(2);
        }

        @Test
        void anIndexOfAnOlderLayoutIsRebuiltOnOpen() throws Exception {
            index.close();
            Path old = dir.resolve("old-index");
            try (var directory = FSDirectory.open(old);
                    var writer = new IndexWriter(directory, new IndexWriterConfig(new EnglishAnalyzer()))) {
                for (var post :
                        db.postQueries().river(10, null)) { // as many documents as posts: only the layout differs
                    Document doc = new Document();
                    doc.add(new StringField("id", String.valueOf(post.id()), Field.Store.YES));
                    doc.add(new TextField("title", post.title(), Field.Store.NO));
                    writer.addDocument(doc);
                }
                writer.setLiveCommitData(Map.of("changed_at", Instant.now().toString(), "changed_id", "999")
                        .entrySet());
                writer.commit();
            }
            index = SearchIndex.open(old, db.postChanges(), CLOCK);
            assertThat(index.size()).isEqualTo(4);
            assertThat(titles("outage")).containsExactly("Cloudflare outage on November 18");
        }

        @Test
        void rebuildsFromScratchOnRequest() {
            index.rebuild();
            assertThat(index.size()).isEqualTo(4);
            assertThat(titles("reflector")).hasSize(2);
        }

        @Test
        void aSecondProcessIsToldTheIndexIsInUseAndDestroysNothing() {
            assertThatThrownBy(() -> SearchIndex.rebuild(dir.resolve("index"), db.postChanges(), CLOCK))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("is in use by another Sift process");
            assertThat(titles("reflector")).hasSize(2);
        }
    }
}
