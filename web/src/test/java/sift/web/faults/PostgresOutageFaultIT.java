package sift.web.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sift.ingest.testing.FixtureServer;
import sift.web.SiftProcess;

/**
 * PostgreSQL stopped and started again under Sift during a refresh and page traffic: while it is down every page
 * answers fast with a 503 that says why (no request hangs), and once it is back pages, health and ingest recover
 * within seconds, with no restart of Sift.
 */
class PostgresOutageFaultIT {
    static final int FEEDS = 4;
    static final List<String> PAGES = List.of("/", "/api/posts", "/search?q=route", "/podcasts", "/releases");
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    record Answer(long atNanos, String path, int status, long millis) {}

    @Test
    void whilePostgresqlIsDownPagesAnswer503FastAndEverythingRecoversWithoutARestart() throws Exception {
        try (PrivatePostgres pg = PrivatePostgres.start();
                FixtureServer origin = new FixtureServer()) {
            FaultRig rig = FaultRig.on(dir, pg.settings());
            rig.env.put("SIFT_PUBLIC_READER", "true");
            List<Long> feedIds = rig.subscribe(serve(origin, 0, Duration.ZERO));

            try (SiftProcess sift = rig.serve("outage.log")) {
                long first = FEEDS * CrashFaultIT.WINDOW;
                assertThat(sift.awaitBody("/health", b -> b.contains("\"posts\":" + first), Duration.ofSeconds(60)))
                        .as("the first refresh; log:%n%s", sift.logText())
                        .isNotNull();
                FaultRig.Admin admin = FaultRig.admin(sift);

                // a refresh under way (slow feeds with new items) and readers reading when PostgreSQL stops
                serve(origin, 1, Duration.ofSeconds(2));
                for (long id : feedIds) {
                    assertThat(admin.post("/admin/feeds/" + id + "/refresh")).isEqualTo(303);
                }
                ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
                AtomicBoolean reading = new AtomicBoolean(true);
                ExecutorService readers = Executors.newFixedThreadPool(4);
                for (int r = 0; r < 4; r++) {
                    readers.submit(() -> read(sift, answers, reading));
                }
                assertThat(sift.awaitBody(
                                "/health",
                                b -> b.contains("\"inFlight\":") && !b.contains("\"inFlight\":0"),
                                Duration.ofSeconds(15)))
                        .as("refreshes under way")
                        .isNotNull();
                Thread.sleep(500);
                pg.stopServer();
                long down = System.nanoTime();
                Thread.sleep(8_000);
                HttpResponse<String> page = get(sift, "/");
                assertThat(page.statusCode())
                        .as("the river while the database is down")
                        .isEqualTo(503);
                assertThat(page.body()).contains("database does not answer");
                assertThat(page.headers().firstValue("Retry-After")).hasValue("10");
                assertThat(get(sift, "/health").statusCode()).isEqualTo(503);

                pg.startServer();
                long up = System.nanoTime();
                Duration recovered =
                        sift.awaitBody("/health", b -> b.contains("\"reachable\":true"), Duration.ofSeconds(30));
                assertThat(recovered)
                        .as("health recovers; log:%n%s", sift.logText())
                        .isNotNull();
                assertThat(recovered)
                        .as("within seconds of PostgreSQL's return")
                        .isLessThan(Duration.ofSeconds(10));
                Thread.sleep(2_000);
                reading.set(false);
                readers.shutdown();
                assertThat(readers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

                List<Answer> during = answers.stream()
                        .filter(a -> a.atNanos() > down + Duration.ofSeconds(1).toNanos() && a.atNanos() < up)
                        .toList();
                assertThat(during).as("pages asked while the database was down").hasSizeGreaterThanOrEqualTo(8);
                assertThat(during).as("each a 503 that says why, in under 5 s").allSatisfy(a -> {
                    assertThat(a.status()).as(a.path()).isEqualTo(503);
                    assertThat(a.millis()).as(a.path()).isLessThan(5_000);
                });
                List<Answer> after = answers.stream()
                        .filter(a -> a.atNanos() > up + recovered.toNanos())
                        .toList();
                assertThat(after).as("pages after the recovery").isNotEmpty();
                assertThat(after)
                        .allSatisfy(a -> assertThat(a.status()).as(a.path()).isEqualTo(200));
                assertThat(answers).noneMatch(a -> a.status() == 500 || a.status() == -1);

                // ingest goes on: the refresh the outage cut short is done again, and the new items arrive
                long all = FEEDS * (CrashFaultIT.WINDOW + CrashFaultIT.CHURN);
                assertThat(sift.awaitBody("/health", b -> b.contains("\"posts\":" + all), Duration.ofSeconds(60)))
                        .as("the cut refresh done again; log:%n%s", sift.logText())
                        .isNotNull();
                assertThat(sift.logText())
                        .contains("database " + pg.settings().url().replaceAll("\\?.*", "") + " does not answer")
                        .as("a refresh was cut short by the outage, and said so")
                        .contains("not refreshed, the database does not answer")
                        .doesNotContain("refresh failed unexpectedly");
                assertThat(sift.terminate(Duration.ofSeconds(10))).isEqualTo(143);
            }
        }
    }

    private static List<String> serve(FixtureServer origin, int cycle, Duration delay) {
        return FaultRig.serveFeeds(origin, "/o", FEEDS, cycle, f -> delay);
    }

    private static void read(SiftProcess sift, ConcurrentLinkedQueue<Answer> answers, AtomicBoolean reading) {
        int i = 0;
        while (reading.get()) {
            String path = PAGES.get(i++ % PAGES.size());
            long start = System.nanoTime();
            int status;
            try {
                status = get(sift, path).statusCode();
            } catch (Exception e) {
                status = -1; // no answer within the client's 15 s
            }
            answers.add(new Answer(start, path, status, (System.nanoTime() - start) / 1_000_000));
        }
    }

    private static HttpResponse<String> get(SiftProcess sift, String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sift.port + path))
                        .timeout(Duration.ofSeconds(15))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
