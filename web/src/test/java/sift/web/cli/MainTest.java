package sift.web.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sift.ingest.testing.FixtureServer;
import sift.ingest.testing.Fixtures;
import sift.store.Database;
import sift.store.DbSettings;
import sift.store.user.User;
import sift.web.auth.Passwords;

/** The command line: exit codes, messages, and the commands that prepare a data folder. */
class MainTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void capture() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpListsTheCommands() {
        assertThat(Main.run("--help")).isZero();
        assertThat(out()).contains("serve", "ingest", "import-opml", "export-opml", "backup", "restore");
    }

    @Test
    void benchDataAddsNewPostsEachTimeAndBenchSearchReportsPercentiles() {
        Path data = dir.resolve("bench");
        assertThat(Main.run("bench-data", "--posts", "300", "--feeds", "5", "--data", data.toString()))
                .isZero();
        assertThat(Main.run("bench-data", "--posts", "300", "--feeds", "5", "--data", data.toString()))
                .isZero();
        assertThat(out()).contains("600 posts in the database, 600 in the index", "MB per 100,000 posts");
        assertThat(Main.run("bench-search", "--rounds", "2", "--warmup", "1", "--data", data.toString()))
                .isZero();
        assertThat(out()).containsPattern("all 24 searches: p50 [0-9.]+ ms, p90 [0-9.]+ ms, p99 [0-9.]+ ms");
    }

    @Test
    void benchTranscriptReadsEpisodesWithTheirTalkAndFindsTheLastWordsSaid() {
        assertThat(Main.run("bench-transcript", "--minutes", "3", "--rounds", "1"))
                .isZero();
        assertThat(out())
                .containsPattern("a 3-minute transcript: \\d+ cues, \\d+ words, \\d+ KB of WebVTT; \\d+ claims found")
                .containsPattern("found: median \\d+ ms");
    }

    @Test
    void backsUpAndRestoresAStoppedDatabaseAndRefusesWhatWouldLoseData() throws Exception {
        Path data = dir.resolve("data");
        Path zip = dir.resolve("backup.zip");
        assertThat(Main.run("backup", zip.toString(), "--data", data.toString()))
                .isZero();
        assertThat(out()).contains("Backed up", zip.toString());
        assertThat(Main.run("backup", zip.toString(), "--data", data.toString()))
                .isEqualTo(2);
        assertThat(err()).contains(zip + " already exists");
        assertThat(Main.run("restore", dir.resolve("nothing.zip").toString(), "--data", data.toString()))
                .isEqualTo(2);
        assertThat(err()).contains("no backup file " + dir.resolve("nothing.zip"));
        Path notABackup = Files.writeString(dir.resolve("notes.zip"), "plain text");
        assertThat(Main.run("restore", notABackup.toString(), "--data", data.toString()))
                .isEqualTo(1);
        assertThat(err()).contains(notABackup + " is not a Sift backup");
        assertThat(Main.run("restore", zip.toString(), "--data", data.toString()))
                .isZero();
        assertThat(out()).contains("Restored", "0 posts, 0 feeds", "is kept as");
    }

    @Test
    void parsePrintsOneJsonLinePerFileAlsoForOneItCannotRead() throws Exception {
        Path good = dir.resolve("good.xml");
        Files.write(good, Fixtures.bytes("parse/cloudflare-rss2.xml"));
        Path broken = dir.resolve("broken.xml");
        Files.writeString(broken, "<html><body>not a feed</body></html>");
        assertThat(Main.run(
                        "parse",
                        good.toString(),
                        broken.toString(),
                        dir.resolve("missing.xml").toString()))
                .isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out().split("\n")) {
            lines.add(new ObjectMapper().readTree(line));
        }
        assertThat(lines).hasSize(3);
        JsonNode first = lines.get(0);
        assertThat(first.get("file").asText()).isEqualTo(good.toString());
        assertThat(first.get("format").asText()).isEqualTo("rss_2.0");
        assertThat(first.get("error").isNull()).isTrue();
        assertThat(first.get("feed").get("title").asText()).isEqualTo("The Cloudflare Blog");
        JsonNode outage = first.get("entries").get(0);
        assertThat(outage.get("published").asText()).isEqualTo("2025-11-18T23:45:00Z");
        assertThat(outage.get("content").asText())
                .contains("rel=\"nofollow noopener noreferrer\"")
                .doesNotContain("<script");
        assertThat(outage.get("categories")).hasSize(2);
        assertThat(lines.get(1).get("error").asText()).startsWith("not a feed: the document is <html>");
        assertThat(lines.get(1).get("entries")).isEmpty();
        assertThat(lines.get(2).get("error").asText())
                .startsWith("cannot read " + dir.resolve("missing.xml") + ": no such file");
        assertThat(Main.run("parse", dir.resolve("missing.xml").toString()))
                .as("every file failed")
                .isEqualTo(1);
    }

    @Test
    void anUnknownCommandIsABadUsageNamingIt() {
        assertThat(Main.run("frobnicate")).isEqualTo(2);
        assertThat(err()).contains("sift: Unmatched argument at index 0: 'frobnicate'", "./sift --help");
    }

    @Test
    void aBadOptionIsABadUsageNamingIt() {
        assertThat(Main.run("serve", "--port", "seventy")).isEqualTo(2);
        assertThat(err()).contains("sift serve: Invalid value for option '--port': 'seventy'");
        assertThat(Main.run("ingest")).isEqualTo(2);
        assertThat(err()).contains("sift ingest: Missing required option: '--once'");
    }

    @Test
    void noCommandAtAllPrintsTheUsage() {
        assertThat(Main.run()).isEqualTo(2);
        assertThat(err()).contains("Usage: sift");
    }

    @Test
    void aMissingOpmlFileFailsWithItsNameAndCreatesNoData() {
        Path data = dir.resolve("data");
        assertThat(Main.run("import-opml", dir.resolve("nope.opml").toString(), "--data", data.toString()))
                .isEqualTo(1);
        assertThat(err()).contains("sift import-opml: no such file: " + dir.resolve("nope.opml"));
        assertThat(data).doesNotExist();
    }

    @Test
    void ingestOnceSubscribesAnOpmlFileAndPrintsASummary() throws Exception {
        try (FixtureServer origin = new FixtureServer()) {
            origin.feed("/cloudflare.xml", "application/rss+xml", Fixtures.text("parse/cloudflare-rss2.xml"));
            Path opml = dir.resolve("feeds.opml");
            Files.writeString(opml, """
                    <opml version="2.0"><body><outline text="Blogs">
                      <outline type="rss" text="Cloudflare" xmlUrl="%s"/>
                      <outline type="rss" text="Gone" xmlUrl="%s"/>
                    </outline></body></opml>""".formatted(origin.url("/cloudflare.xml"), origin.url("/gone.xml")));
            String data = dir.resolve("data").toString();

            assertThat(Main.run("ingest", "--once", "--opml", opml.toString(), "--data", data))
                    .as("loopback is refused without --allow-private")
                    .isEqualTo(1);
            assertThat(out())
                    .contains(
                            "2 feeds, 2 newly subscribed, 0 already subscribed",
                            "refused: 127.0.0.1 is 127.0.0.1, a loopback address");
            out.reset();
            assertThat(Main.run("ingest", "--once", "--allow-private", "--data", data))
                    .isZero();
            assertThat(out())
                    .contains("FAILED", origin.url("/gone.xml") + ": HTTP 404 Not Found")
                    .containsPattern(
                            "2 feeds: 1 fetched, 0 not modified, 1 failed; 2 new posts, 0 updated; [0-9]+\\.[0-9] s");

            out.reset();
            assertThat(Main.run(
                            "ingest", "--once", "--allow-private", "--cost-sheet", "--skip-analysis", "--data", data))
                    .isZero();
            assertThat(out())
                    .as("after the summary, each stage's CPU and its share an entry (none read: a 304)")
                    .containsPattern("cost sheet: CPU of 0 entries read")
                    .containsPattern("\\n  fetch +[0-9]+ +-\\n")
                    .containsPattern("\\n  store +[0-9]+ +-\\n")
                    .containsPattern("\\n  process +[1-9][0-9]* +-\\n");

            out.reset();
            assertThat(Main.run("export-opml", "--data", data)).isZero();
            assertThat(out())
                    .contains("<outline text=\"Blogs\">")
                    .contains("text=\"The Cloudflare Blog\" xmlUrl=\"" + origin.url("/cloudflare.xml") + "\"");
        }
    }

    @Test
    void subscribeFindsTheFeedAPageAnnounces() throws Exception {
        try (FixtureServer origin = new FixtureServer()) {
            origin.feed(
                    "/blog/",
                    "text/html",
                    "<html><head><link rel=\"alternate\" type=\"application/rss+xml\" "
                            + "href=\"/blog/rss.xml\"></head></html>");
            origin.feed("/blog/rss.xml", "application/rss+xml", Fixtures.text("parse/cloudflare-rss2.xml"));
            String data = dir.resolve("data").toString();
            assertThat(Main.run("subscribe", origin.url("/blog/"), "--category", "Blogs", "--data", data))
                    .as("loopback is refused without --allow-private")
                    .isEqualTo(1);
            assertThat(err()).contains("refused: 127.0.0.1");
            assertThat(Main.run(
                            "subscribe",
                            origin.url("/blog/"),
                            "--category",
                            "Blogs",
                            "--allow-private",
                            "--data",
                            data))
                    .isZero();
            assertThat(out()).contains("subscribed " + origin.url("/blog/rss.xml"));
            out.reset();
            assertThat(Main.run("export-opml", "--data", data)).isZero();
            assertThat(out())
                    .contains("<outline text=\"Blogs\">")
                    .contains("xmlUrl=\"" + origin.url("/blog/rss.xml") + "\"");

            out.reset();
            assertThat(Main.run(
                            "subscribe",
                            origin.url("/blog/rss.xml"),
                            "--no-full-text",
                            "--full-text-selector",
                            "article .content",
                            "--allow-private",
                            "--data",
                            data))
                    .isZero();
            assertThat(out())
                    .contains("already subscribed " + origin.url("/blog/rss.xml"))
                    .contains("full text of teasers: off, article at 'article .content'");
            assertThat(Main.run(
                            "subscribe",
                            origin.url("/blog/rss.xml"),
                            "--full-text-selector",
                            "div[",
                            "--allow-private",
                            "--data",
                            data))
                    .isEqualTo(2);
            assertThat(err()).contains("--full-text-selector: 'div[' is not a valid CSS selector");
        }
    }

    @Test
    void scoreWritesOneLineOfFactsPerInputLineAndAnErrorLineForABadOne() throws Exception {
        Path input = dir.resolve("posts.jsonl");
        Files.writeString(
                input,
                String.join(
                        "\n",
                        "{\"id\":1,\"title\":\"FRRouting 10.2.1 is out\",\"text\":\"bgpd: fix a crash when a BGP peer sends add-path routes\"}",
                        "this is not JSON",
                        "{\"id\":\"no-text\"}",
                        "{\"id\":3,\"html\":\"<h1>Outage report</h1><p>Our DNS resolvers failed for an hour after a configuration push.</p>\"}"));
        assertThat(Main.run("score", input.toString())).as("a line failed").isEqualTo(1);
        String[] lines = out().strip().split("\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0])
                .startsWith("{\"id\":1,\"topics\":[{\"id\":\"routing\",\"score\":")
                .contains(
                        "\"kind\":\"release\"",
                        "\"release\":{\"product\":\"FRRouting\",\"version\":\"10.2.1\"}",
                        "\"hype\":{\"score\":0,\"stance\":\"neutral\",\"claims\":[]}",
                        "\"episode\":null");
        assertThat(lines[1])
                .isEqualTo("{\"id\":null,\"error\":\"" + input + " line 2: not JSON: Unrecognized token 'this': "
                        + "was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')\"}");
        assertThat(lines[2])
                .isEqualTo("{\"id\":\"no-text\",\"error\":\"" + input + " line 3: no \\\"text\\\" or \\\"html\\\"\"}");
        assertThat(lines[3]).startsWith("{\"id\":3,").contains("\"id\":\"internet\"");
        assertThat(Main.run("score", dir.resolve("missing.jsonl").toString())).isEqualTo(1);
        assertThat(err()).contains("no such file: " + dir.resolve("missing.jsonl"));
    }

    @Test
    void scoreTakesWhatAFeedGivesAPostAndNamesTheFieldAtFault() throws Exception {
        Path input = dir.resolve("context.jsonl");
        Files.writeString(
                input,
                String.join(
                        "\n",
                        "{\"id\":1,\"title\":\"Talking careers\",\"text\":\"A chat about finding a first job.\","
                                + "\"feed\":{\"title\":\"The Hedge\",\"url\":\"https://example.net/feed\"},\"episodeTag\":\"88\","
                                + "\"enclosures\":[{\"url\":\"https://example.net/88.mp3\",\"type\":\"audio/mpeg\",\"length\":1}],"
                                + "\"categories\":[\"career\"],\"author\":\"Russ\",\"link\":\"https://example.net/88\"}",
                        "{\"id\":2,\"title\":\"v3.4.0\",\"text\":\"Bug fixes.\","
                                + "\"link\":\"https://github.com/acme/netconfgen/releases/tag/v3.4.0\"}",
                        "{\"id\":3,\"text\":\"x\",\"enclosures\":\"audio/mpeg\"}",
                        "{\"id\":4,\"text\":\"x\",\"episodeTag\":\"twelve\"}"));
        assertThat(Main.run("score", input.toString())).isEqualTo(1);
        String[] lines = out().strip().split("\n");
        assertThat(lines[0]).contains("\"kind\":\"podcast\"", "\"episode\":{\"show\":\"The Hedge\",\"number\":88}");
        assertThat(lines[1])
                .contains("\"kind\":\"release\"", "\"release\":{\"product\":\"netconfgen\",\"version\":\"3.4.0\"}");
        assertThat(lines[2])
                .isEqualTo("{\"id\":3,\"error\":\"" + input + " line 3: \\\"enclosures\\\" must be an array\"}");
        assertThat(lines[3])
                .isEqualTo("{\"id\":4,\"error\":\"" + input
                        + " line 4: \\\"episodeTag\\\" must be a whole number, not \\\"twelve\\\"\"}");
    }

    @Test
    void scoreFindsTheClaimsSaidInATranscriptOfEveryFormatWithTheirTimeAndSpeaker() throws Exception {
        String said = "Honestly, our revolutionary AI will replace the entire NOC and never makes a mistake.";
        Map<String, String> transcripts = new LinkedHashMap<>();
        transcripts.put(
                "vtt",
                "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Maya>Welcome back.\n\n"
                        + "00:12:34.000 --> 00:12:40.000 line:90%\n<v Raj>Honestly, our revolutionary AI\n"
                        + "will replace the entire NOC and never makes a mistake.\n");
        transcripts.put(
                "srt",
                "1\n00:00:01,000 --> 00:00:04,000\nMaya: Welcome back.\n\n" + "2\n00:12:34,000 --> 00:12:40,000\nRaj: "
                        + said + "\n");
        transcripts.put(
                "json",
                "{\"version\":\"1.0.0\",\"segments\":[{\"speaker\":\"Maya\",\"startTime\":1,\"body\":\"Welcome back.\"},"
                        + "{\"speaker\":\"Raj\",\"startTime\":754.2,\"body\":\"" + said + "\"}]}");
        transcripts.put(
                "html",
                "<cite>Maya:</cite><time>0:01</time><p>Welcome back.</p>" + "<cite>Raj:</cite><time>12:34</time><p>"
                        + said + "</p>");
        transcripts.put("text", "Welcome back.\n\n" + said + "\n");
        ObjectMapper json = new ObjectMapper();
        StringBuilder lines = new StringBuilder();
        for (Map.Entry<String, String> t : transcripts.entrySet()) {
            lines.append(json.writeValueAsString(Map.of(
                            "id",
                            t.getKey(),
                            "title",
                            "Episode 12",
                            "text",
                            "Two operators on peering policy.",
                            "transcript",
                            t.getValue())))
                    .append('\n');
        }
        lines.append("{\"id\":\"number\",\"text\":\"x\",\"transcript\":42}\n");
        lines.append("{\"id\":\"page\",\"text\":\"x\",\"transcriptType\":\"text/vtt\","
                + "\"transcript\":\"<!DOCTYPE html><html><body>Not found</body></html>\"}\n");
        Path input = dir.resolve("transcripts.jsonl");
        Files.writeString(input, lines);

        assertThat(Main.run("score", input.toString())).isEqualTo(1);
        List<JsonNode> out = new ArrayList<>();
        for (String line : out().strip().split("\n")) {
            out.add(json.readTree(line));
        }
        for (JsonNode line : out.subList(0, 5)) {
            String format = line.get("id").asText();
            JsonNode claim = line.at("/hype/claims/0");
            assertThat(line.at("/hype/stance").asText()).as(format).isEqualTo("hype");
            assertThat(claim.get("in").asText()).as(format).isEqualTo("transcript");
            assertThat(claim.get("text").asText()).as(format).isEqualTo(said);
            assertThat(claim.get("reasons")).as(format).isNotEmpty();
            assertThat(
                            claim.get("startSeconds").isNull()
                                    ? null
                                    : claim.get("startSeconds").asInt())
                    .as(format)
                    .isEqualTo(format.equals("text") ? null : 754);
            assertThat(
                            claim.get("speaker").isNull()
                                    ? null
                                    : claim.get("speaker").asText())
                    .as(format)
                    .isEqualTo(format.equals("text") ? null : "Raj");
        }
        assertThat(out.get(5).get("error").asText())
                .isEqualTo(input + " line 6: \"transcript\" must be the transcript file's text (WebVTT, SRT, JSON, "
                        + "HTML or plain text), not number");
        assertThat(out.get(6).get("error").asText())
                .isEqualTo(input + " line 7: \"transcript\" cannot be read: an HTML page, not a transcript of type "
                        + "text/vtt");
    }

    @Test
    void userAddReadsThePasswordFromStandardInputAndRefusesBadInput() throws Exception {
        Path data = dir.resolve("data");
        InputStream originalIn = System.in;
        try {
            System.setIn(
                    new ByteArrayInputStream("a long enough password\nignored\n".getBytes(StandardCharsets.UTF_8)));
            assertThat(Main.run("user", "add", "ana", "--admin", "--password-stdin", "--data", data.toString()))
                    .isZero();
            assertThat(out()).contains("Added the admin 'ana'");
            System.setIn(new ByteArrayInputStream("another long password\n".getBytes(StandardCharsets.UTF_8)));
            assertThat(Main.run("user", "add", "ana", "--password-stdin", "--data", data.toString()))
                    .isEqualTo(1);
            assertThat(err()).contains("sift user add: there is already a user named 'ana'");
            System.setIn(new ByteArrayInputStream("short\n".getBytes(StandardCharsets.UTF_8)));
            assertThat(Main.run("user", "add", "ben", "--password-stdin", "--data", data.toString()))
                    .isEqualTo(1);
            assertThat(err()).contains("a password needs at least 10 characters");
            System.setIn(new ByteArrayInputStream(new byte[0]));
            assertThat(Main.run("user", "add", "ben", "--data", data.toString()))
                    .isEqualTo(2);
            assertThat(err()).contains("no terminal to ask for the password on: pipe it in with --password-stdin");
            System.setIn(new ByteArrayInputStream("a long enough password\n".getBytes(StandardCharsets.UTF_8)));
            assertThat(Main.run("user", "add", "not a name", "--password-stdin", "--data", data.toString()))
                    .isEqualTo(1);
            assertThat(err()).contains("a user name is 1-100 letters");
        } finally {
            System.setIn(originalIn);
        }
        try (Database db = Database.open(DbSettings.embedded(data))) {
            User ana = db.users().find("ana").orElseThrow();
            assertThat(ana.admin()).isTrue();
            assertThat(ana.passwordHash()).startsWith("$argon2id$");
            assertThat(Passwords.matches("a long enough password", ana.passwordHash()))
                    .isTrue();
            assertThat(db.users().find("ben")).isEmpty();
        }
    }

    @Test
    void evalReportsCrossValidationAndTheHeldOutSet() throws Exception {
        assertThat(Main.run("eval", "--folds", "2")).isZero();
        assertThat(out())
                .contains(
                        "2-fold cross-validation on the training corpus",
                        "held-out set (bundled models)",
                        "macro-F1",
                        "kind accuracy",
                        "release product+version",
                        "episode number",
                        "AI-claim stance: training corpus 1285 sentences",
                        "2-fold cross-validation on the stance corpus",
                        "stance held-out set (bundled model)",
                        "post stance held-out set, 41 whole posts",
                        "sober technical posts called hype: 0 of 13");
        assertThat(Main.run("eval", "--folds", "1")).isEqualTo(2);
        assertThat(err()).contains("--folds must be 2 to 20, was 1");
    }

    @Test
    void ingestFailsWhenEveryFeedFails() throws Exception {
        Path opml = dir.resolve("feeds.opml");
        Files.writeString(opml, "<opml><body><outline xmlUrl=\"http://127.0.0.1:9/feed\"/></body></opml>");
        assertThat(Main.run(
                        "ingest",
                        "--once",
                        "--opml",
                        opml.toString(),
                        "--data",
                        dir.resolve("d").toString()))
                .isEqualTo(1);
        assertThat(out()).as(err()).contains("1 feeds: 0 fetched, 0 not modified, 1 failed");
    }

    @Test
    void serveRefusesAPortInUseInPlainWords() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            int port = taken.getLocalPort();
            assertThat(Main.run("serve", "--port", String.valueOf(port), "--data", dir.toString()))
                    .isEqualTo(1);
            assertThat(err()).contains("sift serve: port " + port + " on 0.0.0.0 is already in use");
        }
    }
}
