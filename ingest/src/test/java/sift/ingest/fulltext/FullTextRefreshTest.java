package sift.ingest.fulltext;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sift.ingest.clean.HtmlCleaner;
import sift.ingest.fetch.FeedFetcher;
import sift.ingest.fetch.FetchSettings;
import sift.ingest.refresh.RefreshReport;
import sift.ingest.refresh.Refresher;
import sift.ingest.testing.FixtureServer;
import sift.ingest.testing.Fixtures;
import sift.ingest.testing.TestRefresher;
import sift.store.Database;
import sift.store.DbSettings;
import sift.store.feed.Feed;
import sift.store.feed.FetchStatus;
import sift.store.feed.NewFeed;
import sift.store.post.Post;

/** Teasers get their page's article through the refresh, once, and never at the cost of the post or the feed. */
class FullTextRefreshTest {
    private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");

    @TempDir
    Path dir;

    FixtureServer server;
    Database db;
    FeedFetcher fetcher;
    Refresher refresher;

    @BeforeEach
    void setUp() {
        server = new FixtureServer()
                .feed("/posts/evpn-mtu/", "text/html; charset=utf-8", Fixtures.text("fulltext/article.html"))
                .feed("/posts/report.pdf", "application/pdf", "%PDF-1.7");
        server.feed("/feed.xml", "application/rss+xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Fabric Notes</title><link>%1$s</link>
                <item><title>Why our EVPN fabric needed a second look at MTU</title><link>%1$s/posts/evpn-mtu/</link>
                  <guid>post-1</guid><pubDate>Thu, 12 Nov 2026 08:00:00 GMT</pubDate>
                  <description>Replication stalled across the new interconnect while ping looked fine. [&#8230;]</description></item>
                <item><title>A post whose page is gone</title><link>%1$s/posts/gone/</link><guid>post-2</guid>
                  <pubDate>Wed, 11 Nov 2026 08:00:00 GMT</pubDate>
                  <description>The page behind this teaser answers 404. Continue reading</description></item>
                <item><title>A report</title><link>%1$s/posts/report.pdf</link><guid>post-3</guid>
                  <pubDate>Tue, 10 Nov 2026 08:00:00 GMT</pubDate><description>Our yearly report, as a PDF.</description></item>
                </channel></rss>""".formatted(server.url("")));
        db = Database.open(DbSettings.embedded(dir));
        fetcher =
                new FeedFetcher(FetchSettings.defaults().withAllowPrivate(true).withHostGap(Duration.ZERO));
        refresher = TestRefresher.over(db, fetcher, Clock.fixed(NOW, ZoneOffset.UTC));
        db.feeds().subscribe(new NewFeed(server.url("/feed.xml"), null, null), NOW);
    }

    @AfterEach
    void tearDown() {
        fetcher.close();
        db.close();
        server.close();
    }

    private Feed feed() {
        return db.feeds().all().get(0);
    }

    private List<Post> posts() {
        return db.postQueries().river(10, null).stream()
                .map(s -> db.postQueries().find(s.id()).orElseThrow())
                .sorted(Comparator.comparing(Post::guid))
                .toList();
    }

    private static String text(Post post) {
        return Jsoup.parse(post.contentHtml()).text();
    }

    @Test
    void aTeaserIsStoredWithItsPagesArticleAndTheOthersKeepTheirTeaser() {
        RefreshReport report = refresher.refresh(feed());

        assertThat(report.created()).isEqualTo(3);
        assertThat(feed().lastStatus()).isEqualTo(FetchStatus.OK);
        List<Post> posts = posts();
        assertThat(text(posts.get(0)))
                .contains("replication jobs stalled at random", "ip tcp adjust-mss 1360")
                .doesNotContain("Recent posts", "Great write-up");
        assertThat(posts.get(0).contentHtml()).doesNotContain("<script").contains("<pre>");
        assertThat(posts.get(0).summary()).startsWith("Replication stalled across the new interconnect");
        assertThat(text(posts.get(1))).isEqualTo("The page behind this teaser answers 404. Continue reading");
        assertThat(text(posts.get(2))).isEqualTo("Our yearly report, as a PDF.");
        assertThat(server.hits("/posts/evpn-mtu/")).isEqualTo(1);
        assertThat(server.hits("/posts/gone/")).isEqualTo(1);
    }

    @Test
    void theSameTeaserSeenAgainIsTheSamePostAndItsPageIsNotFetchedAgain() {
        refresher.refresh(feed());
        Feed again = new Feed(feed().id(), feed().url(), null, null, null, null, null, null, null, null, 0, NOW);

        RefreshReport report = refresher.refresh(again);

        assertThat(report.outcome()).isEqualTo(RefreshReport.Outcome.FETCHED);
        assertThat(report.created()).isZero();
        assertThat(report.updated()).isZero();
        assertThat(server.hits("/feed.xml")).isEqualTo(2);
        assertThat(server.hits("/posts/evpn-mtu/")).isEqualTo(1);
        assertThat(text(posts().get(0))).contains("replication jobs stalled at random");
    }

    @Test
    void theFeedsSwitchKeepsTeasersAndItsSelectorPicksTheArticle() {
        db.feeds().setFullText(feed().id(), false, null);
        refresher.refresh(feed());
        assertThat(server.hits("/posts/evpn-mtu/")).isZero();
        assertThat(text(posts().get(0))).startsWith("Replication stalled").doesNotContain("adjust-mss");
    }

    @Test
    void aSelectorChoosesWhatIsTheArticle() {
        db.feeds().setFullText(feed().id(), true, ".entry-content ul");
        refresher.refresh(feed());
        assertThat(text(posts().get(0)))
                .contains("Leaf to leaf, same site")
                .doesNotContain("replication jobs stalled at random");
    }

    @Test
    void issue20StoresAHugeArticleCutByTheCleanerAtATag() {
        StringBuilder page = new StringBuilder("<html><body><article class=\"post\">");
        for (int i = 0; page.length() < 1_200_000; i++) {
            page.append("<p>Hop ")
                    .append(i)
                    .append(" of the path, <a href=\"/hops/")
                    .append(i)
                    .append("\">traced</a>, ")
                    .append("with <code>mtu 9000</code> set, at last.</p>");
        }
        server.feed(
                "/posts/evpn-mtu/",
                "text/html; charset=utf-8",
                page.append("</article></body></html>").toString());
        db.feeds().setFullText(feed().id(), true, "article.post");

        refresher.refresh(feed());

        String html = posts().get(0).contentHtml();
        assertThat(html.length())
                .isLessThanOrEqualTo(HtmlCleaner.MAX_HTML_CHARS)
                .isGreaterThan(800_000);
        assertThat(html)
                .startsWith("<article>")
                .endsWith("</p></article>")
                .contains("<p>Hop 0 of the path, <a href=\"" + server.url("/hops/0") + "\"");
    }
}
