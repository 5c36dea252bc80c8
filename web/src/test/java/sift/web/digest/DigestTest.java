package sift.web.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import sift.ingest.testing.FixtureServer;
import sift.store.feed.NewFeed;
import sift.store.user.DigestSettings;
import sift.web.TestApp;
import sift.web.Visitor;
import sift.web.cli.Main;

/**
 * A day built from fixture feeds that go through the whole pipeline (fetch, parse, NLP, store, index, stories):
 * three feeds telling one outage become one entry, the sections fill, the hype watch says why, and the digest
 * arrives by e-mail at a real SMTP server (GreenMail on 127.0.0.1), once.
 */
class DigestTest {
    private static final String PASSWORD = "a long admin password";

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    @Test
    void aDayOfFixturePostsBecomesACuratedDigestOnThePageInMarkdownAndByEmail() throws Exception {
        // the digest is made at the top of this hour (UTC) of the 24 hours before: the posts are dated inside them
        Instant to = Instant.now().truncatedTo(ChronoUnit.HOURS);
        try (FixtureServer origin = fixtures(to);
                TestApp app = TestApp.startPrivate(
                        dir,
                        PASSWORD,
                        Map.of(
                                "SIFT_SMTP_HOST",
                                "127.0.0.1",
                                "SIFT_SMTP_PORT",
                                String.valueOf(SMTP.getSmtp().getPort()),
                                "SIFT_SMTP_FROM",
                                "sift@team.example",
                                "SIFT_SMTP_STARTTLS",
                                "false",
                                "SIFT_BASE_URL",
                                "https://sift.team.example"))) {
            var db = app.server.db();
            for (String feed : List.of(
                    "/cloudflare.xml",
                    "/ipspace.xml",
                    "/outages.xml",
                    "/netvendor.xml",
                    "/skeptic.xml",
                    "/podcast.xml",
                    "/netlab.xml")) {
                db.feeds().subscribe(new NewFeed(origin.url(feed), null, "Test"), Instant.now());
            }
            app.server.ingestion().scheduler().refreshAll();
            app.server.search().catchUp();
            app.server.search().linkStories();
            long admin = db.users().find("admin").orElseThrow().id();
            db.users()
                    .saveDigestSettings(
                            admin,
                            new DigestSettings(
                                    "UTC",
                                    to.atZone(ZoneOffset.UTC).getHour(),
                                    List.of("operations"),
                                    "ana@team.example",
                                    true));
            db.savedSearches().save(admin, "Feature files", "\"feature file\"", Instant.now());
            db.savedSearches().save(admin, "Nothing today", "kubernetes", Instant.now());

            Visitor ana = new Visitor(app);
            ana.login("admin", PASSWORD, null);
            Document page = Jsoup.parse(ana.get("/digest").body());
            String day = to.atZone(ZoneOffset.UTC).toLocalDate().toString();
            assertThat(page.select("h1").text()).startsWith("Sift digest for");
            Element top = page.selectFirst("section:has(#d-top)");
            assertThat(top.select("li.story"))
                    .as("one entry for the outage, told by three feeds")
                    .filteredOn(li ->
                            li.select("a.title").text().toLowerCase(Locale.ROOT).contains("outage"))
                    .hasSize(1);
            Element outage = top.selectFirst("li.story");
            assertThat(outage.select("a.title").text()).containsIgnoringCase("outage");
            assertThat(outage.select(".meta").text()).contains("The Cloudflare Blog", "ipSpace.net", "Outage Watch");
            assertThat(outage.select("ul.also li")).hasSize(2);
            assertThat(page.select("section.digest-section h2").eachText())
                    .as("a saved search with stories of the day")
                    .contains("Your search: Feature files")
                    .doesNotContain("Your search: Nothing today");
            assertThat(page.select("section:has(h2:contains(Feature files)) li.story"))
                    .singleElement()
                    .asString()
                    .contains("Outage Watch");
            assertThat(page.select("section:has(#d-episodes) li.story").text()).contains("CPH113");
            assertThat(page.select("section:has(#d-releases) li.story").text()).contains("netlab", "2.1.0");
            Element hype = page.selectFirst("section:has(#d-hype) li.hype-post");
            assertThat(hype.select("a.title").text()).contains("NetPilot");
            assertThat(page.select("section:has(#d-hype) li.hype-post a.title").eachText())
                    .as("a post once, however many of its claims are hype")
                    .doesNotHaveDuplicates();
            assertThat(hype.select("li.claim blockquote").text()).isNotBlank();
            assertThat(hype.select("li.claim .meta").eachText())
                    .as("each claim says why it is hype")
                    .allSatisfy(meta -> assertThat(meta).matches("claim \\d+: .+"));
            assertThat(page.select("section:has(#d-skeptical) li.story").text()).contains("evidence");
            assertThat(page.select("section:has(#d-top) li.story").first().text())
                    .as("hype is held down: the press release does not lead")
                    .doesNotContain("NetPilot");
            // the day before is offered only when a post is that old (the oldest fixture is 9 hours old)
            boolean olderDay = to.minus(Duration.ofHours(9))
                    .atZone(ZoneOffset.UTC)
                    .toLocalDate()
                    .isBefore(to.atZone(ZoneOffset.UTC).toLocalDate());
            assertThat(page.select("a[rel=prev][href=/digest/"
                            + to.atZone(ZoneOffset.UTC).toLocalDate().minusDays(1) + "]"))
                    .hasSize(olderDay ? 1 : 0);
            assertThat(Jsoup.parse(ana.get("/digest/" + day).body())
                            .select("h1")
                            .text())
                    .isEqualTo(page.select("h1").text());
            assertThat(ana.get("/digest/2999-01-01").statusCode()).isEqualTo(404);
            assertThat(ana.get("/digest/yesterday").statusCode()).isEqualTo(400);

            assertThat(app.server.mailer().sendDue()).isEqualTo(1);
            assertThat(app.server.mailer().sendDue())
                    .as("a day's digest goes once")
                    .isZero();
            MimeMessage[] received = SMTP.getReceivedMessages();
            assertThat(received).hasSize(1);
            assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("ana@team.example");
            assertThat(received[0].getSubject()).isEqualTo(page.select("h1").text());
            String mail = GreenMailUtil.getBody(received[0]);
            assertThat(mail).contains("Hype watch", "https://sift.team.example/posts/", "text/html", "text/plain");

            String feed = ana.get("/feeds/digest.atom").body();
            assertThat(feed).contains("<entry>", "Sift digest for", "https://sift.team.example/digest/" + day);
        }
        // the same day printed by the command line (Sift stopped: the data folder is free)
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        int status = cli.execute(
                "digest",
                "--data",
                dir.toString(),
                "--user",
                "admin",
                "--date",
                to.atZone(ZoneOffset.UTC).toLocalDate().toString());
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(printed).isZero();
        assertThat(printed).startsWith("# Sift digest for").contains("## Top stories", "## Hype watch", "  - also: [");
    }

    /** Seven feeds of the day: one outage told three times, a press release full of hype, a skeptic, an episode, a release. */
    private static FixtureServer fixtures(Instant to) {
        return new FixtureServer()
                .feed(
                        "/cloudflare.xml",
                        "application/rss+xml",
                        rss(
                                "The Cloudflare Blog",
                                "https://blog.cloudflare.com/",
                                item(
                                        "Cloudflare outage on November 18, 2025",
                                        "https://blog.cloudflare.com/18-november-2025-outage/",
                                        to.minus(Duration.ofHours(9)),
                                        "Cloudflare's network began experiencing significant failures to "
                                                + "deliver core network traffic. A Bot Management feature file doubled in size and the routers "
                                                + "that load it failed across the network. It was not a cyber attack.")))
                .feed(
                        "/ipspace.xml",
                        "application/rss+xml",
                        rss(
                                "ipSpace.net",
                                "https://blog.ipspace.net/",
                                item(
                                        "What the Cloudflare outage teaches about feature files",
                                        "https://blog.ipspace.net/2025/11/cloudflare-outage/",
                                        to.minus(Duration.ofHours(6)),
                                        "The Cloudflare outage: a Bot Management feature file doubled in "
                                                + "size, the routers failed to load it and the network failed. Validate generated configuration "
                                                + "files before you roll them out.")))
                .feed(
                        "/outages.xml",
                        "application/rss+xml",
                        rss(
                                "Outage Watch",
                                "https://outages.example/",
                                item(
                                        "Cloudflare outage: an oversized feature file broke the network",
                                        "https://outages.example/cloudflare",
                                        to.minus(Duration.ofHours(4)),
                                        "Cloudflare's network failed when the Bot Management feature file "
                                                + "doubled in size; routers across the network failed to load the oversized file.")))
                .feed(
                        "/netvendor.xml",
                        "application/rss+xml",
                        rss(
                                "Netvendor Newsroom",
                                "https://newsroom.netvendor.example/",
                                item(
                                        "Introducing NetPilot AI: The Network That Runs Itself",
                                        "https://newsroom.netvendor.example/netpilot",
                                        to.minus(Duration.ofHours(2)),
                                        "Netvendor today introduced NetPilot AI, the industry's first fully "
                                                + "autonomous network operations platform. NetPilot AI understands your network better than any "
                                                + "engineer. It predicts every outage before it happens and fixes it automatically, with zero human "
                                                + "effort. Customers saw up to 90% fewer tickets from day one.")))
                .feed(
                        "/skeptic.xml",
                        "application/rss+xml",
                        rss(
                                "Skeptical Packets",
                                "https://skeptic.example/",
                                item(
                                        "AIOps vendors promise 90% fewer tickets: where is the evidence?",
                                        "https://skeptic.example/aiops",
                                        to.minus(Duration.ofHours(5)),
                                        "Every AIOps press release promises fewer tickets and self-healing "
                                                + "networks. None publishes a method, a baseline or a control group. Until a vendor shows the "
                                                + "evidence, treat 'up to 90%' as marketing, not measurement.")))
                .feed("/podcast.xml", "application/rss+xml", """
                        <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel>
                        <title>Control Plane Hours</title><link>https://cph.example/</link><description>A show.</description>
                        <item><title>CPH113: Running route servers at an IXP</title><link>https://cph.example/113</link>
                        <guid>cph-113</guid><pubDate>%s</pubDate><itunes:episode>113</itunes:episode>
                        <itunes:duration>00:52:10</itunes:duration>
                        <enclosure url="https://cph.example/113.mp3" length="50000000" type="audio/mpeg"/>
                        <description>Two IXP operators on route servers, RPKI origin validation and max-prefix limits.</description>
                        </item></channel></rss>""".formatted(rfc822(to.minus(Duration.ofHours(3)))))
                .feed(
                        "/netlab.xml",
                        "application/rss+xml",
                        rss(
                                "netlab releases",
                                "https://github.com/ipspace/netlab/releases",
                                item(
                                        "netlab 2.1.0",
                                        "https://github.com/ipspace/netlab/releases/tag/release_2.1.0",
                                        to.minus(Duration.ofHours(7)),
                                        "netlab 2.1.0 released. New features: BGP route reflector "
                                                + "clusters, EVPN on more platforms. Breaking change: the default address pool moved.")));
    }

    private static String rss(String title, String link, String items) {
        return "<rss version=\"2.0\"><channel><title>" + title + "</title><link>" + link
                + "</link><description>Fixture</description>" + items + "</channel></rss>";
    }

    private static String item(String title, String link, Instant published, String text) {
        return "<item><title>" + title + "</title><link>" + link + "</link><guid>" + link + "</guid><pubDate>"
                + rfc822(published) + "</pubDate><description>" + text + "</description></item>";
    }

    private static String rfc822(Instant at) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(at, ZoneOffset.UTC));
    }
}
