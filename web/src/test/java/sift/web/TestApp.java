package sift.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import sift.store.Database;
import sift.store.DbSettings;
import sift.store.feed.NewFeed;

/** Starts the whole of Sift in this JVM on a random port over a temporary data folder, as {@code sift serve} does. */
public final class TestApp implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** What a monitoring system sends to read health's details and the metrics ({@code SIFT_DIAGNOSTICS_TOKEN}). */
    public static final String DIAGNOSTICS_TOKEN = "test-diagnostics-token-0123456789";

    public final SiftServer server;

    private TestApp(SiftServer server) {
        this.server = server;
    }

    /** Subscribes {@code feedUrls} first, so the default (internet) subscriptions are never applied. */
    public static TestApp start(Path dataDir, List<String> feedUrls, boolean backgroundIngest) {
        try (Database db = Database.open(DbSettings.embedded(dataDir))) {
            feedUrls.forEach(url -> db.feeds().subscribe(new NewFeed(url, null, "Test"), Instant.now()));
        }
        return new TestApp(SiftServer.start(
                config(dataDir, false, backgroundIngest, Map.of("SIFT_PUBLIC_READER", "true")), Clock.systemUTC()));
    }

    /** Subscribes {@code feedUrls} first (no default subscriptions), a private reader whose first admin has {@code adminPassword}. */
    public static TestApp startPrivate(Path dataDir, List<String> feedUrls, String adminPassword) {
        try (Database db = Database.open(DbSettings.embedded(dataDir))) {
            feedUrls.forEach(url -> db.feeds().subscribe(new NewFeed(url, null, "Test"), Instant.now()));
        }
        return new TestApp(SiftServer.start(
                config(dataDir, false, false, Map.of("SIFT_ADMIN_PASSWORD", adminPassword)), Clock.systemUTC()));
    }

    /** A private reader (every page needs a login) whose first admin has {@code adminPassword}. */
    public static TestApp startPrivate(Path dataDir, String adminPassword) {
        return new TestApp(SiftServer.start(
                config(dataDir, false, false, Map.of("SIFT_ADMIN_PASSWORD", adminPassword)), Clock.systemUTC()));
    }

    /** A private reader with these extra settings ({@code SIFT_*} variables), whose first admin has {@code adminPassword}. */
    public static TestApp startPrivate(Path dataDir, String adminPassword, Map<String, String> env) {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("SIFT_ADMIN_PASSWORD", adminPassword);
        return new TestApp(SiftServer.start(config(dataDir, false, false, all), Clock.systemUTC()));
    }

    public static TestApp startDemo(Path dataDir) {
        return new TestApp(SiftServer.start(config(dataDir, true, true, Map.of()), Clock.systemUTC()));
    }

    /** The demo, whose first admin has {@code adminPassword}. */
    public static TestApp startDemo(Path dataDir, String adminPassword) {
        return new TestApp(SiftServer.start(
                config(dataDir, true, true, Map.of("SIFT_ADMIN_PASSWORD", adminPassword)), Clock.systemUTC()));
    }

    /** The demo on this database (an H2 file in {@code dataDir}, or PostgreSQL), whose first admin has {@code adminPassword}. */
    public static TestApp startDemo(Path dataDir, String adminPassword, DbSettings db) {
        Map<String, String> env = new java.util.HashMap<>();
        env.put("SIFT_ADMIN_PASSWORD", adminPassword);
        if (!db.url().startsWith("jdbc:h2:")) {
            env.put("SIFT_DB_URL", db.url());
            env.put("SIFT_DB_USER", db.user());
            env.put("SIFT_DB_PASSWORD", db.password());
        }
        return new TestApp(SiftServer.start(config(dataDir, true, true, env), Clock.systemUTC()));
    }

    /** Waits up to 30 s for ingest to store posts and then store no more for two seconds: the demo's feeds are in. */
    public void awaitQuiet() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        long last = -1;
        long stableSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long count = server.db().postChanges().count();
            if (count != last) {
                last = count;
                stableSince = System.nanoTime();
            } else if (count > 0
                    && System.nanoTime() - stableSince > Duration.ofSeconds(2).toNanos()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("ingest did not settle in 30 s (" + last + " posts)");
    }

    private static SiftConfig config(Path dataDir, boolean demo, boolean backgroundIngest, Map<String, String> env) {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.putIfAbsent("SIFT_DIAGNOSTICS_TOKEN", DIAGNOSTICS_TOKEN);
        SiftConfig base = SiftConfig.from(dataDir, 0, demo, all);
        return base.withHttp(base.http().on("127.0.0.1", 0))
                .withIngest(new SiftConfig.Ingest(
                        backgroundIngest,
                        2,
                        Duration.ofMinutes(30),
                        Duration.ofMillis(500),
                        true,
                        Duration.ZERO,
                        base.ingest().minFreeMb(),
                        base.ingest().analysisThreads()));
    }

    /** Waits up to 20 s for ingest to have stored {@code count} posts. */
    public void awaitPosts(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (server.db().postChanges().count() < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).build(), path);
    }

    /** {@code GET path} as a monitoring system sends it, with {@link #DIAGNOSTICS_TOKEN}. */
    public HttpResponse<String> getAsMonitor(String path) {
        return send(
                HttpRequest.newBuilder(URI.create(url(path)))
                        .header("Authorization", "Bearer " + DIAGNOSTICS_TOKEN)
                        .build(),
                path);
    }

    /** The value of an unlabelled metric in {@code /metrics}, read as a monitoring system reads it. */
    public double metric(String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^" + name + " (\\S+)$")
                .matcher(getAsMonitor("/metrics").body());
        if (!m.find()) {
            throw new AssertionError(name + " is not in /metrics");
        }
        return Double.parseDouble(m.group(1));
    }

    private static HttpResponse<String> send(HttpRequest request, String path) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during GET " + path, e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
