package sift.ingest.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sift.ingest.clean.HtmlCleaner;
import sift.ingest.fetch.FeedFetcher;
import sift.ingest.fetch.FetchSettings;
import sift.ingest.testing.FixtureServer;
import sift.ingest.testing.Fixtures;
import sift.ingest.testing.TestRefresher;
import sift.store.Database;
import sift.store.DbSettings;
import sift.store.feed.Feed;
import sift.store.feed.FetchStatus;
import sift.store.feed.NewFeed;
import sift.store.podcast.PodcastStore;
import sift.store.post.Post;
import sift.store.post.PostFacts;
import sift.store.post.PostSummary;

class RefresherTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    @TempDir
    Path dir;

    FixtureServer server;
    Database db;
    FeedFetcher fetcher;
    Refresher refresher;

    @BeforeEach
    void setUp() {
        server = new FixtureServer()
                .feed("/cloudflare.xml", "application/rss+xml", Fixtures.text("parse/cloudflare-rss2.xml"))
                .feed("/ipspace.xml", "application/atom+xml", Fixtures.text("parse/ipspace-atom.xml"))
                .feed("/podcast.xml", "application/rss+xml", Fixtures.text("parse/packetpushers-podcast.xml"))
                .feed("/garbage.xml", "text/html", "<html><body>Moved to Substack!</body></html>");
        db = Database.open(DbSettings.embedded(dir));
        fetcher =
                new FeedFetcher(FetchSettings.defaults().withAllowPrivate(true).withHostGap(java.time.Duration.ZERO));
        refresher = TestRefresher.over(db, fetcher, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void tearDown() {
        fetcher.close();
        db.close();
        server.close();
    }

    private Feed subscribe(String path) {
        db.feeds().subscribe(new NewFeed(server.url(path), null, null), NOW);
        return db.feeds().all().stream()
                .filter(f -> f.url().equals(server.url(path)))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void storesCleanedPostsWithTheirKindAndRecordsTheFeedsTitle() {
        Feed feed = subscribe("/cloudflare.xml");
        RefreshReport report = refresher.refresh(feed);

        assertThat(report.outcome()).isEqualTo(RefreshReport.Outcome.FETCHED);
        assertThat(report.created()).isEqualTo(2);
        List<PostSummary> river = db.postQueries().river(10, null);
        assertThat(river)
                .extracting(PostSummary::title)
                .containsExactly(
                        "Cloudflare outage on November 18, 2025", "How we found the root cause of Salt failures");
        assertThat(river.get(0).kind()).isEqualTo("incident");
        Post outage = db.postQueries().find(river.get(0).id()).orElseThrow();
        assertThat(outage.contentHtml())
                .doesNotContain("<script", "onerror")
                .contains("href=\"https://blog.cloudflare.com/bot-management/\"");
        assertThat(outage.author()).isEqualTo("Matthew Prince");

        Feed after = db.feeds().find(feed.id()).orElseThrow();
        assertThat(after.title()).isEqualTo("The Cloudflare Blog");
        assertThat(after.siteUrl()).isEqualTo("https://blog.cloudflare.com");
        assertThat(after.lastStatus()).isEqualTo(FetchStatus.OK);
        assertThat(after.etag()).isNotBlank();
        assertThat(after.nextFetchAt())
                .as("its newest post is a year old: polled once a day")
                .isEqualTo(NOW.plus(Duration.ofHours(24)));
        assertThat(after.pollInterval()).isEqualTo(Duration.ofHours(24));
        assertThat(after.fullFetchAt())
                .as("the first fetch goes without validators")
                .isEqualTo(NOW);
    }

    @Test
    void newPostsAreAnalyzedOnTheAnalysisPoolAndEachStagesCpuIsCounted() {
        IngestMetrics metrics = new IngestMetrics(new PrometheusRegistry());
        List<String> analyzedOn = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.concurrent.ExecutorService pool =
                java.util.concurrent.Executors.newFixedThreadPool(2, r -> new Thread(r, "test-analysis"));
        try {
            Refresher pooled = TestRefresher.over(
                    db,
                    fetcher,
                    Clock.fixed(NOW, ZoneOffset.UTC),
                    metrics,
                    task -> pool.execute(() -> {
                        analyzedOn.add(Thread.currentThread().getName());
                        task.run();
                    }));
            Feed feed = subscribe("/ipspace.xml");
            RefreshReport report = pooled.refresh(feed);

            assertThat(report.created()).isPositive();
            assertThat(analyzedOn).hasSize(report.created()).containsOnly("test-analysis");
            assertThat(metrics.entries()).isEqualTo(report.created());
            for (Stage stage : List.of(Stage.FETCH, Stage.PARSE, Stage.CLEAN, Stage.ANALYSIS, Stage.STORE)) {
                assertThat(metrics.cpuSeconds(stage)).as(stage.label()).isPositive();
            }

            RefreshReport again = pooled.refresh(feed); // the old row: no ETag sent, so a full 200
            assertThat(again.unchanged()).isEqualTo(report.created());
            assertThat(analyzedOn)
                    .as("posts stored unchanged are not analyzed again")
                    .hasSize(report.created());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void onceADayAFetchGoesWithoutValidatorsToCatchServersThatNeverChangeThem() {
        Feed feed = subscribe("/ipspace.xml");
        refresher.refresh(feed);
        Refresher dayLater =
                TestRefresher.over(db, fetcher, Clock.fixed(NOW.plus(Duration.ofHours(25)), ZoneOffset.UTC));
        Refresher hourLater =
                TestRefresher.over(db, fetcher, Clock.fixed(NOW.plus(Duration.ofHours(1)), ZoneOffset.UTC));
        assertThat(hourLater.refresh(db.feeds().find(feed.id()).orElseThrow()).outcome())
                .isEqualTo(RefreshReport.Outcome.NOT_MODIFIED);
        RefreshReport full = dayLater.refresh(db.feeds().find(feed.id()).orElseThrow());
        assertThat(full.outcome()).as("200 for a request without validators").isEqualTo(RefreshReport.Outcome.FETCHED);
        assertThat(full.created()).isZero();
        assertThat(full.unchanged()).isPositive();
        assertThat(db.feeds().find(feed.id()).orElseThrow().fullFetchAt()).isEqualTo(NOW.plus(Duration.ofHours(25)));
    }

    @Test
    void aSecondRefreshOfAnUnchangedFeedIsA304AndStoresNothingNew() {
        Feed feed = subscribe("/ipspace.xml");
        refresher.refresh(feed);
        RefreshReport second = refresher.refresh(db.feeds().find(feed.id()).orElseThrow());
        assertThat(second.outcome()).isEqualTo(RefreshReport.Outcome.NOT_MODIFIED);
        assertThat(db.postChanges().count()).isEqualTo(2);
        assertThat(server.hits("/ipspace.xml")).isEqualTo(2);
    }

    @Test
    void refetchingWithoutValidatorsCreatesNoDuplicates() {
        Feed feed = subscribe("/ipspace.xml");
        refresher.refresh(feed);
        RefreshReport again = refresher.refresh(feed); // the old row: no ETag sent, so a full 200
        assertThat(again.outcome()).isEqualTo(RefreshReport.Outcome.FETCHED);
        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(again.created()).isZero();
        assertThat(db.postChanges().count()).isEqualTo(2);
    }

    @Test
    void podcastEpisodesKeepTheirEnclosuresAndAreStoredAsEpisodesOfTheirShow() {
        refresher.refresh(subscribe("/podcast.xml"));
        PostSummary episode = db.postQueries().river(1, null).get(0);
        assertThat(episode.kind()).isEqualTo("podcast");
        Post stored = db.postQueries().find(episode.id()).orElseThrow();
        assertThat(stored.enclosures())
                .singleElement()
                .satisfies(e -> assertThat(e.mimeType()).isEqualTo("audio/mpeg"));
        assertThat(stored.facts().episode())
                .isEqualTo(new PostFacts.Episode("Packet Pushers - Heavy Networking", null, 812, 48 * 60 + 12));
        assertThat(db.podcasts().about("Packet Pushers - Heavy Networking"))
                .contains(new PodcastStore.About(
                        "Heavy Networking is the flagship podcast of the Packet Pushers.",
                        "https://packetpushers.net/art/hn.png",
                        "https://packetpushers.net/podcasts/heavy-networking/"));
    }

    @Test
    void anEpisodesChaptersAreReadFromTheFileItsFeedLinksAndABrokenFileCostsOnlyTheChapters() {
        server.feed("/ch112.json", "application/json+chapters", """
                        {"version": "1.2.0", "chapters": [
                          {"startTime": 754.5, "title": "Route servers"},
                          {"startTime": 0, "title": "Intro"},
                          {"startTime": 60, "title": "Sponsor", "toc": false},
                          {"startTime": 90},
                          {"startTime": 1800, "title": "RPKI <script>alert(1)</script>"}]}""")
                .feed("/ch111.json", "application/json", "{\"chapters\": 7}")
                .feed("/chapters-show.xml", "application/rss+xml", """
                        <rss version="2.0" xmlns:podcast="https://podcastindex.org/namespace/1.0"><channel>
                        <title>Chapter Hour</title>
                        <item><title>CH112: Peering</title><guid>ch112</guid><pubDate>Wed, 25 Nov 2026 10:00:00 GMT</pubDate>
                        <enclosure url="https://ch.example/112.mp3" length="1000" type="audio/mpeg"/>
                        <podcast:chapters url="%s" type="application/json+chapters"/></item>
                        <item><title>CH111: Transit</title><guid>ch111</guid><pubDate>Tue, 24 Nov 2026 10:00:00 GMT</pubDate>
                        <enclosure url="https://ch.example/111.mp3" length="1000" type="audio/mpeg"/>
                        <podcast:chapters url="%s" type="application/json+chapters"/></item>
                        </channel></rss>""".formatted(
                                server.url("/ch112.json"), server.url("/ch111.json")));

        refresher.refresh(subscribe("/chapters-show.xml"));

        List<PostSummary> river = db.postQueries().river(10, null);
        assertThat(river).hasSize(2);
        PostFacts.Episode newest =
                db.postQueries().find(river.get(0).id()).orElseThrow().facts().episode();
        assertThat(newest.chapters())
                .containsExactly(
                        new PostFacts.Chapter(0, "Intro"),
                        new PostFacts.Chapter(754, "Route servers"),
                        new PostFacts.Chapter(1800, "RPKI <script>alert(1)</script>"));
        PostFacts.Episode broken =
                db.postQueries().find(river.get(1).id()).orElseThrow().facts().episode();
        assertThat(broken.chapters()).isEmpty();
        assertThat(broken.chaptersUrl()).isEqualTo(server.url("/ch111.json"));
    }

    @Test
    void anEpisodesTimedTranscriptIsReadIntoCuesScoredAndABrokenOneIsRecordedOnItsEpisodeOnly() {
        server.feed("/t3.vtt", "text/vtt", """
                        WEBVTT

                        00:00:00.000 --> 00:00:04.000
                        <v Ivan>Welcome to Transcript Hour.

                        00:12:34.500 --> 00:12:40.000 align:start
                        <v Guest>Honestly, our revolutionary AI will replace
                        the entire NOC and never makes a mistake.
                        """)
                .feed("/t3.html", "text/html", "<p>Welcome to Transcript Hour.</p>")
                .feed("/t2.vtt", "text/vtt", "<!DOCTYPE html><html><body><h1>Oops</h1></body></html>")
                .feed("/transcript-show.xml", "application/rss+xml", """
                        <rss version="2.0" xmlns:podcast="https://podcastindex.org/namespace/1.0"><channel>
                        <title>Transcript Hour</title>
                        <item><title>TH3: Models</title><guid>th3</guid><pubDate>Wed, 25 Nov 2026 10:00:00 GMT</pubDate>
                        <enclosure url="https://th.example/3.mp3" length="1000" type="audio/mpeg"/>
                        <podcast:transcript url="%s" type="text/html"/>
                        <podcast:transcript url="%s" type="text/vtt" rel="captions"/></item>
                        <item><title>TH2: Oops</title><guid>th2</guid><pubDate>Tue, 24 Nov 2026 10:00:00 GMT</pubDate>
                        <enclosure url="https://th.example/2.mp3" length="1000" type="audio/mpeg"/>
                        <podcast:transcript url="%s" type="text/vtt"/></item>
                        <item><title>TH1: Gone</title><guid>th1</guid><pubDate>Mon, 23 Nov 2026 10:00:00 GMT</pubDate>
                        <enclosure url="https://th.example/1.mp3" length="1000" type="audio/mpeg"/>
                        <podcast:transcript url="%s" type="application/srt"/></item>
                        </channel></rss>""".formatted(
                                server.url("/t3.html"),
                                server.url("/t3.vtt"),
                                server.url("/t2.vtt"),
                                server.url("/t1-gone.srt")));

        RefreshReport report = refresher.refresh(subscribe("/transcript-show.xml"));

        assertThat(report.created()).isEqualTo(3);
        List<PostSummary> river = db.postQueries().river(10, null);
        PostFacts.Episode read =
                db.postQueries().find(river.get(0).id()).orElseThrow().facts().episode();
        assertThat(read.transcriptUrl()).as("the link for reading").isEqualTo(server.url("/t3.html"));
        assertThat(read.transcript())
                .as("the timed file read")
                .usingRecursiveComparison()
                .ignoringFields("etag", "lastModified")
                .isEqualTo(new PostFacts.Transcript(
                        server.url("/t3.vtt"),
                        null,
                        List.of(
                                new PostFacts.Cue(0, "Ivan", "Welcome to Transcript Hour."),
                                new PostFacts.Cue(
                                        754_500,
                                        "Guest",
                                        "Honestly, our revolutionary AI will replace "
                                                + "the entire NOC and never makes a mistake."))));
        PostFacts scored =
                db.postQueries().find(river.get(0).id()).orElseThrow().facts();
        assertThat(scored.stance())
                .as("the show notes say nothing of AI; the guest does")
                .isEqualTo("hype");
        assertThat(scored.claims()).singleElement().satisfies(c -> {
            assertThat(c.part()).isEqualTo(PostFacts.Claim.TRANSCRIPT);
            assertThat(c.sentence())
                    .isEqualTo("Honestly, our revolutionary AI will replace the entire NOC and never makes a mistake.");
            assertThat(c.startMillis()).isEqualTo(754_500);
            assertThat(c.speaker()).isEqualTo("Guest");
            assertThat(c.stance()).isEqualTo("hype");
            assertThat(c.reasons()).isNotEmpty();
        });
        assertThat(db.postQueries()
                        .find(river.get(1).id())
                        .orElseThrow()
                        .facts()
                        .episode()
                        .transcript())
                .isEqualTo(new PostFacts.Transcript(
                        server.url("/t2.vtt"), "an HTML page, not a transcript of type text/vtt", List.of()));
        assertThat(db.postQueries()
                        .find(river.get(2).id())
                        .orElseThrow()
                        .facts()
                        .episode()
                        .transcript())
                .satisfies(t -> {
                    assertThat(t.problem()).startsWith("cannot fetch it: ").contains("404");
                    assertThat(t.cues()).isEmpty();
                });
    }

    @Test
    void aChangedEpisodeAsksForItsTranscriptConditionallyAndKeepsTheCuesOfAnUnchangedOne() {
        String show = """
                <rss version="2.0" xmlns:podcast="https://podcastindex.org/namespace/1.0"><channel>
                <title>Transcript Hour</title>
                <item><title>TH4: %s</title><guid>th4</guid><pubDate>Wed, 25 Nov 2026 10:00:00 GMT</pubDate>
                <enclosure url="https://th.example/4.mp3" length="1000" type="audio/mpeg"/>
                <podcast:transcript url="%s" type="text/vtt"/></item>
                </channel></rss>""";
        server.feed("/t4.vtt", "text/vtt", "WEBVTT\n\n00:00:05.000 --> 00:00:09.000\n<v Ivan>Route servers.\n")
                .feed("/t4-show.xml", "application/rss+xml", show.formatted("Route servers", server.url("/t4.vtt")));
        Feed feed = subscribe("/t4-show.xml");
        refresher.refresh(feed);
        long id = db.postQueries().river(1, null).get(0).id();
        PostFacts.Transcript first =
                db.postQueries().find(id).orElseThrow().facts().episode().transcript();
        assertThat(first.etag()).as("the file's validator kept").isNotNull();

        server.feed(
                "/t4-show.xml", "application/rss+xml", show.formatted("Route servers, again", server.url("/t4.vtt")));
        assertThat(refresher.refresh(feed).updated()).isEqualTo(1);
        assertThat(server.lastStatus("/t4.vtt"))
                .as("asked for conditionally, unchanged")
                .isEqualTo(304);
        assertThat(db.postQueries().find(id).orElseThrow().facts().episode().transcript())
                .isEqualTo(first);

        server.feed("/t4.vtt", "text/vtt", "WEBVTT\n\n00:00:07.000 --> 00:00:09.000\n<v Ivan>RPKI.\n")
                .feed("/t4-show.xml", "application/rss+xml", show.formatted("RPKI", server.url("/t4.vtt")));
        refresher.refresh(feed);
        assertThat(server.lastStatus("/t4.vtt")).isEqualTo(200);
        assertThat(db.postQueries()
                        .find(id)
                        .orElseThrow()
                        .facts()
                        .episode()
                        .transcript()
                        .cues())
                .containsExactly(new PostFacts.Cue(7_000, "Ivan", "RPKI."));
    }

    @Test
    void aShowsDescriptionIsKeptAsPlainTextAndArtworkOnlyAtAWebAddress() {
        server.feed("/hostile-show.xml", "application/rss+xml", """
                <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel>
                <title>Hostile Hour</title><link>https://hostile.example/</link>
                <description>&lt;p onclick="alert(1)"&gt;Weekly &lt;b&gt;chaos&lt;/b&gt;&lt;script&gt;x()&lt;/script&gt;&lt;/p&gt;</description>
                <itunes:image href="javascript:alert(document.cookie)"/>
                <item><title>HH1: First</title><guid>hh1</guid><pubDate>Wed, 25 Nov 2026 10:00:00 GMT</pubDate>
                <itunes:episode>1</itunes:episode>
                <enclosure url="https://hostile.example/1.mp3" length="1000" type="audio/mpeg"/></item>
                </channel></rss>""");
        refresher.refresh(subscribe("/hostile-show.xml"));

        assertThat(db.podcasts().about("Hostile Hour"))
                .contains(new PodcastStore.About("Weekly chaos", null, "https://hostile.example/"));
        assertThat(Refresher.webAddress("data:image/svg+xml,<svg onload=alert(1)>"))
                .isNull();
        assertThat(Refresher.webAddress("//cdn.example/a.png")).as("no scheme").isNull();
        assertThat(Refresher.webAddress(" HTTPS://cdn.example/a.png ")).isEqualTo("HTTPS://cdn.example/a.png");
    }

    @Test
    void postsAreStoredWithTheirTopics() {
        refresher.refresh(subscribe("/cloudflare.xml"));
        Post outage = db.postQueries()
                .find(db.postQueries().river(1, null).get(0).id())
                .orElseThrow();
        assertThat(outage.facts().topics())
                .isNotEmpty()
                .extracting(PostFacts.TopicScore::topic)
                .contains("operations");
    }

    @Test
    void aFeedThatIsNotAFeedIsRecordedAsFailedAndKeepsItsPosts() {
        Feed feed = subscribe("/garbage.xml");
        RefreshReport report = refresher.refresh(feed);
        assertThat(report.outcome()).isEqualTo(RefreshReport.Outcome.FAILED);
        Feed failed = db.feeds().find(feed.id()).orElseThrow();
        assertThat(failed.lastStatus()).isEqualTo(FetchStatus.FAILED);
        assertThat(failed.lastError()).startsWith("not a feed");
        assertThat(failed.consecutiveFailures()).isEqualTo(1);
        assertThat(failed.nextFetchAt()).isAfter(NOW);
    }

    @Test
    void aMissingFeedIsRecordedWithTheHttpStatus() {
        Feed feed = subscribe("/gone.xml");
        refresher.refresh(feed);
        assertThat(db.feeds().find(feed.id()).orElseThrow().lastError()).isEqualTo("HTTP 404 Not Found");
    }

    @Test
    void aFeedThatIsGoneIsDisabledWithTheReasonAndPolledNoMore() {
        server.route("/removed.xml", FixtureServer.Route.status(410));
        Feed feed = subscribe("/removed.xml");
        RefreshReport report = refresher.refresh(feed);
        assertThat(report.outcome()).isEqualTo(RefreshReport.Outcome.FAILED);
        assertThat(db.feeds().find(feed.id()).orElseThrow().lastError())
                .isEqualTo(
                        "HTTP 410 Gone: the publisher removed the feed; polling stopped (enable the feed again to resume)");
        Instant nextYear = NOW.plus(java.time.Duration.ofDays(365));
        assertThat(db.feeds().claimDue("test", nextYear, nextYear.plusSeconds(60), 10))
                .extracting(Feed::id)
                .doesNotContain(feed.id());
    }

    @Test
    void aFeedThatMovedForGoodIsFetchedFromItsNewUrlFromNowOn() {
        server.route("/moved.xml", FixtureServer.Route.status(301).withHeader("Location", "/cloudflare.xml"));
        Feed feed = subscribe("/moved.xml");
        assertThat(refresher.refresh(feed).created()).isEqualTo(2);
        assertThat(db.feeds().find(feed.id()).orElseThrow().url()).isEqualTo(server.url("/cloudflare.xml"));
    }

    @Test
    void oneBrokenFeedRecordsItsErrorWhileTheOthersAreStored() {
        Feed broken = subscribe("/garbage.xml");
        Feed good = subscribe("/ipspace.xml");
        assertThat(refresher.refresh(broken).outcome()).isEqualTo(RefreshReport.Outcome.FAILED);
        assertThat(refresher.refresh(good).outcome()).isEqualTo(RefreshReport.Outcome.FETCHED);
        assertThat(db.postQueries().river(10, null)).isNotEmpty();
    }

    @Test
    void aStoppedRefresherFetchesNothing() {
        Feed feed = subscribe("/cloudflare.xml");
        refresher.stop();
        assertThat(refresher.refresh(feed).outcome()).isEqualTo(RefreshReport.Outcome.STOPPED);
        assertThat(server.hits("/cloudflare.xml")).isZero();
        assertThat(db.feeds().find(feed.id()).orElseThrow().nextFetchAt())
                .as("still due")
                .isEqualTo(NOW);
    }

    @Test
    void issue20StoresAHugePostAsTheCleanerCutItAtATagNotAsTheStoreWouldCutIt() {
        StringBuilder content = new StringBuilder();
        for (int i = 0; content.length() < 3_000_000; i++) {
            content.append("<p>Route ")
                    .append(i)
                    .append(" <a href=\"https://huge.example/")
                    .append(i)
                    .append("\">via ")
                    .append(i)
                    .append("</a> and <b>more</b></p>");
        }
        server.feed(
                "/huge.xml",
                "application/rss+xml",
                "<rss version=\"2.0\"><channel><title>Huge</title><item>"
                        + "<title>Huge</title><link>https://huge.example/post</link><guid>huge-1</guid><description><![CDATA["
                        + content + "]]></description></item></channel></rss>");

        refresher.refresh(subscribe("/huge.xml"));

        Post post = db.postQueries()
                .find(db.postQueries().river(1, null).get(0).id())
                .orElseThrow();
        String cleaned = new HtmlCleaner()
                .clean(content.toString(), "https://huge.example/post")
                .html();
        assertThat(cleaned.length()).isLessThanOrEqualTo(HtmlCleaner.MAX_HTML_CHARS);
        assertThat(post.contentHtml()).isEqualTo(cleaned).endsWith("</p>");
    }
}
