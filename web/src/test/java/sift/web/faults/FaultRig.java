package sift.web.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import sift.ingest.testing.FixtureServer;
import sift.store.Database;
import sift.store.DbSettings;
import sift.web.SiftProcess;
import sift.web.Visitor;

/**
 * What every fault case shares: a data folder, the database it runs on (the embedded H2, or a schema of its own in
 * the PostgreSQL the environment names), the environment a Sift process gets, and the client side of a reader
 * and an admin talking to that process over HTTP.
 */
final class FaultRig {
    static final String ADMIN_PASSWORD = "fault-suite-admin";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final Path dir;
    final Path data;
    final DbSettings db;
    final Map<String, String> env = new HashMap<>();

    private FaultRig(Path dir, DbSettings db) {
        this.dir = dir;
        this.data = dir.resolve("data");
        this.db = db;
        env.put("SIFT_ALLOW_PRIVATE", "true");
        env.put("SIFT_INGEST_WORKERS", "2");
        env.put("SIFT_HOST_GAP_MS", "0");
        env.put("SIFT_ADMIN_PASSWORD", ADMIN_PASSWORD);
        if (!db.embedded()) {
            env.put("SIFT_DB_URL", db.url());
            env.put("SIFT_DB_USER", db.user());
            env.put("SIFT_DB_PASSWORD", db.password());
        }
    }

    /** A rig on a database the test made, such as its own PostgreSQL server. */
    static FaultRig on(Path dir, DbSettings db) {
        return new FaultRig(dir, db);
    }

    static FaultRig h2(Path dir) {
        return new FaultRig(dir, DbSettings.embedded(dir.resolve("data")));
    }

    /** A fresh schema in the PostgreSQL named by {@code SIFT_TEST_PG_URL}; CI fails without one, elsewhere the case is skipped. */
    static FaultRig postgresql(Path dir) {
        String url = System.getenv("SIFT_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("CI runs the fault suite on PostgreSQL: set SIFT_TEST_PG_URL");
            }
            org.junit.jupiter.api.Assumptions.assumeTrue(false, "no PostgreSQL named (SIFT_TEST_PG_URL)");
        }
        String schema =
                "faults_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String user = System.getenv("SIFT_TEST_PG_USER");
        String password = System.getenv().getOrDefault("SIFT_TEST_PG_PASSWORD", "");
        try (var c = java.sql.DriverManager.getConnection(url, user, password)) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot create schema " + schema + " in " + url + ": " + e.getMessage(), e);
        }
        return new FaultRig(
                dir, new DbSettings(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, user, password));
    }

    /**
     * Serves {@code count} fixture feeds at {@code prefix}0.xml, {@code prefix}1.xml, ... as they read in
     * {@code cycle} ({@link CrashFaultIT#feed}), feed {@code f} answered after {@code delay.apply(f)}; their
     * addresses, in order.
     */
    static List<String> serveFeeds(
            FixtureServer origin, String prefix, int count, int cycle, IntFunction<Duration> delay) {
        List<String> urls = new ArrayList<>();
        for (int f = 0; f < count; f++) {
            String path = prefix + f + ".xml";
            origin.route(
                    path,
                    FixtureServer.Route.ok(
                                    "application/rss+xml",
                                    CrashFaultIT.feed(f, cycle).getBytes(StandardCharsets.UTF_8))
                            .delayed(delay.apply(f)));
            urls.add(origin.url(path));
        }
        return urls;
    }

    /** Subscribes {@code urls} with Sift stopped ({@code sift import-opml}); their feed ids, in order. */
    List<Long> subscribe(List<String> urls) throws Exception {
        Path opml = dir.resolve("feeds.opml");
        Files.writeString(opml, CrashFaultIT.opml(urls.stream()));
        assertThat(run("prepare.log", "import-opml", opml.toString())).isZero();
        try (Database store = Database.open(db)) {
            return urls.stream()
                    .map(url -> store.feeds()
                            .findByUrl(url)
                            .orElseThrow(() -> new AssertionError("not subscribed: " + url))
                            .id())
                    .toList();
        }
    }

    SiftProcess serve(String logName, String... extraArgs) throws IOException {
        String[] args = new String[extraArgs.length + 2];
        args[0] = "--data";
        args[1] = data.toString();
        System.arraycopy(extraArgs, 0, args, 2, extraArgs.length);
        return SiftProcess.serve(dir.resolve(logName), env, args);
    }

    int run(String logName, String... args) throws Exception {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--data";
        all[args.length + 1] = data.toString();
        return SiftProcess.run(dir.resolve(logName), env, all);
    }

    /** {@code /health} as JSON, or null while Sift does not answer 200. */
    static JsonNode health(SiftProcess sift) throws IOException {
        String body = sift.get("/health");
        return body == null ? null : JSON.readTree(body);
    }

    static long posts(JsonNode health) {
        return health.at("/database/posts").asLong(-1);
    }

    static long indexed(JsonNode health) {
        return health.at("/search/indexed").asLong(-2);
    }

    /** Waits until the health page shows every stored post indexed, and returns that page. */
    static JsonNode awaitIndexCaughtUp(SiftProcess sift, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = health(sift);
            if (last != null && posts(last) >= 0 && posts(last) == indexed(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the index did not catch up with the database within " + timeout.toSeconds()
                + " s; last health: " + last + "; log:\n" + sift.logText());
    }

    /** An admin signed in to {@code sift}, with the request token of its session. */
    static Admin admin(SiftProcess sift) throws Exception {
        Visitor visitor = new Visitor("http://127.0.0.1:" + sift.port);
        assertThat(visitor.login("admin", ADMIN_PASSWORD, "/").statusCode())
                .as("the admin signs in")
                .isEqualTo(303);
        return new Admin(visitor, visitor.csrf());
    }

    record Admin(Visitor visitor, String csrf) {
        /** The same signed-in admin (sessions outlive a restart) at {@code sift}. */
        Admin at(SiftProcess sift) {
            return new Admin(visitor.at("http://127.0.0.1:" + sift.port), csrf);
        }

        int post(String path) throws Exception {
            return visitor.post(path, Map.of("_csrf", csrf)).statusCode();
        }

        /** Uploads an OPML file on the admin's feeds page, as the form does. */
        int importOpml(String fileName, String opml) throws Exception {
            String boundary = "----sift-faults-" + UUID.randomUUID();
            String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf
                    + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"opml\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: text/x-opml\r\n\r\n" + opml + "\r\n--" + boundary + "--\r\n";
            return visitor.http
                    .send(
                            HttpRequest.newBuilder(URI.create(visitor.url("/admin/opml")))
                                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .statusCode();
        }

        /** Makes an app password on the account page and signs in to the Google Reader API with it. */
        Reader reader(SiftProcess sift) throws Exception {
            String page = visitor.post("/account/apps", Map.of("_csrf", csrf, "name", "fault-suite"))
                    .body();
            Matcher m = Pattern.compile("id=\"new-app-password\">([^<]+)<").matcher(page);
            assertThat(m.find()).as("an app password").isTrue();
            return Reader.signIn(sift, m.group(1));
        }
    }

    /** A reading app on the Google Reader API: the ids of every stored post, as an app syncing them sees them. */
    record Reader(String base, String auth) {
        static Reader signIn(SiftProcess sift, String appPassword) throws Exception {
            String base = "http://127.0.0.1:" + sift.port + "/api/greader";
            String form = "Email=admin&Passwd=" + URLEncoder.encode(appPassword, StandardCharsets.UTF_8);
            HttpResponse<String> login = HTTP.send(
                    HttpRequest.newBuilder(URI.create(base + "/accounts/ClientLogin"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = Pattern.compile("(?m)^Auth=(\\S+)").matcher(login.body());
            assertThat(m.find()).as("ClientLogin answers %s", login.body()).isTrue();
            return new Reader(base, m.group(1));
        }

        Reader at(SiftProcess sift) {
            return new Reader("http://127.0.0.1:" + sift.port + "/api/greader", auth);
        }

        Set<Long> postIds() throws Exception {
            Set<Long> ids = new HashSet<>();
            String continuation = null;
            do {
                String url = base + "/reader/api/0/stream/items/ids?output=json&n=10000"
                        + "&s=user/-/state/com.google/reading-list"
                        + (continuation == null ? "" : "&c=" + URLEncoder.encode(continuation, StandardCharsets.UTF_8));
                HttpResponse<String> page = HTTP.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Authorization", "GoogleLogin auth=" + auth)
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(page.statusCode())
                        .as("stream/items/ids: %s", page.body())
                        .isEqualTo(200);
                JsonNode json = JSON.readTree(page.body());
                json.path("itemRefs")
                        .forEach(ref -> ids.add(Long.parseLong(ref.path("id").asText())));
                continuation = json.path("continuation").isMissingNode()
                                || json.path("continuation").isNull()
                        ? null
                        : json.path("continuation").asText();
            } while (continuation != null && !continuation.isEmpty());
            return ids;
        }
    }

    static String logOf(SiftProcess sift) {
        try {
            return sift.logText();
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /** The threads of a Sift that hangs (jcmd Thread.print), for the failure's message. */
    static String threads(SiftProcess sift) {
        try {
            Process jcmd = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "jcmd")
                                    .toString(),
                            String.valueOf(sift.process.pid()),
                            "Thread.print")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jcmd.waitFor();
            return out;
        } catch (IOException e) {
            return "(jcmd failed: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted)";
        }
    }
}
