package sift.web.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sift.ingest.testing.FixtureServer;
import sift.store.Database;
import sift.store.feed.Feed;
import sift.web.SiftProcess;

/**
 * Feed servers that misbehave at the socket: one byte a second, a reset mid-body, a body shorter than its
 * Content-Length, an endless chain of redirects, a 200 that is an HTML login page, a 2 GB body. A running Sift
 * bounds each in time and memory and records it on that feed, and a good feed on another host is fetched at once
 * all the same.
 */
class MisbehavingFeedsFaultIT {
    static final Map<String, String> BAD = Map.of(
            "/drip.xml", "one byte a second",
            "/reset.xml", "a reset mid-body",
            "/short.xml", "a body shorter than its Content-Length",
            "/redirect/0.xml", "an endless chain of redirects",
            "/login.xml", "a 200 that is an HTML login page",
            "/huge.xml", "a 2 GB body");
    static final int TINY_FEEDS = 10_000;

    @TempDir
    Path dir;

    @Test
    void eachBadServerIsBoundedAndRecordedAndAGoodFeedIsFetchedAllTheSame() throws Exception {
        FaultRig rig = FaultRig.h2(dir);
        try (BadServer bad = new BadServer();
                FixtureServer good = new FixtureServer()) {
            good.route(
                    "/good.xml",
                    FixtureServer.Route.ok(
                            "application/rss+xml", CrashFaultIT.feed(0, 0).getBytes(StandardCharsets.UTF_8)));
            String goodUrl = good.url("/good.xml").replace("127.0.0.1", "localhost"); // another host
            List<String> urls = Stream.concat(BAD.keySet().stream().map(bad::url), Stream.of(goodUrl))
                    .toList();
            rig.subscribe(urls);

            try (SiftProcess sift = rig.serve("bad.log")) {
                Duration goodIn = sift.awaitBody(
                        "/health", b -> b.contains("\"posts\":" + CrashFaultIT.WINDOW), Duration.ofSeconds(30));
                assertThat(goodIn)
                        .as("the good feed, while the bad ones hold their connections; log:%n%s", sift.logText())
                        .isNotNull()
                        .isLessThan(Duration.ofSeconds(15));
                long deadline = System.nanoTime() + Duration.ofSeconds(75).toNanos();
                while (System.nanoTime() < deadline && !allFailed(sift.logText(), bad)) {
                    Thread.sleep(500);
                }
                String log = sift.logText();
                assertThat(allFailed(log, bad))
                        .as("every bad feed recorded as failed; log:%n%s", log)
                        .isTrue();
                assertThat(rssMegabytes(sift))
                        .as("the process's memory after a 2 GB body")
                        .isLessThan(1_500);
                assertThat(sift.terminate(Duration.ofSeconds(10))).isEqualTo(143);
            }
            try (Database db = Database.open(rig.db)) {
                Map<String, Feed> byUrl = db.feeds().all().stream().collect(Collectors.toMap(Feed::url, f -> f));
                for (var e : BAD.entrySet()) {
                    Feed feed = byUrl.get(bad.url(e.getKey()));
                    assertThat(feed.lastError())
                            .as("%s (%s) recorded on the feed", e.getValue(), e.getKey())
                            .isNotBlank();
                    assertThat(feed.consecutiveFailures()).as(e.getValue()).isPositive();
                    System.out.printf("MisbehavingFeedsFaultIT: %s -> %s%n", e.getValue(), feed.lastError());
                }
                assertThat(db.posts().guids(byUrl.get(goodUrl).id())).hasSize(CrashFaultIT.WINDOW);
            }
        }
    }

    /**
     * Ten thousand tiny feeds on one host, all due at once, and one feed on another host subscribed after them:
     * the crowded host gets its polite pace (one request every {@code SIFT_HOST_GAP_MS}), and the other feed is
     * not queued behind its backlog.
     */
    @Test
    void tenThousandTinyFeedsOnOneHostDoNotHoldUpAnotherHost() throws Exception {
        FaultRig rig = FaultRig.h2(dir);
        rig.env.put("SIFT_HOST_GAP_MS", "250");
        rig.env.put("SIFT_INGEST_WORKERS", "4");
        try (FixtureServer crowded = new FixtureServer();
                FixtureServer good = new FixtureServer()) {
            List<String> tiny = new java.util.ArrayList<>();
            for (int f = 0; f < TINY_FEEDS; f++) {
                String path = "/tiny/" + f + ".xml";
                crowded.feed(
                        path,
                        "application/rss+xml",
                        "<rss version=\"2.0\"><channel><title>Tiny " + f + "</title><item><guid>tiny-" + f
                                + "</guid><title>Tiny post " + f + "</title></item></channel></rss>");
                tiny.add(crowded.url(path));
            }
            good.route(
                    "/good.xml",
                    FixtureServer.Route.ok(
                            "application/rss+xml", CrashFaultIT.feed(0, 0).getBytes(StandardCharsets.UTF_8)));
            String goodUrl = good.url("/good.xml").replace("127.0.0.1", "localhost"); // another host
            rig.subscribe(tiny);
            long goodId = rig.subscribe(List.of(goodUrl)).get(0); // due last

            try (SiftProcess sift = rig.serve("crowded.log")) {
                long started = System.nanoTime();
                long deadline = started + Duration.ofSeconds(30).toNanos();
                Duration goodIn = null;
                while (goodIn == null && System.nanoTime() < deadline) {
                    if (good.hits("/good.xml") > 0) {
                        goodIn = Duration.ofNanos(System.nanoTime() - started);
                    }
                    Thread.sleep(100);
                }
                Thread.sleep(10_000);
                Duration window = Duration.ofNanos(System.nanoTime() - started);
                int requests = tiny.stream()
                        .mapToInt(u -> crowded.hits(u.substring(u.indexOf("/tiny/"))))
                        .sum();
                System.out.printf(
                        "MisbehavingFeedsFaultIT: the other host's feed fetched after %s; %d requests to the crowded"
                                + " host in %d s; %d MB resident%n",
                        goodIn, requests, window.toSeconds(), rssMegabytes(sift));
                assertThat(goodIn)
                        .as("the feed on another host, behind %d due on one host; log:%n%s", TINY_FEEDS, sift.logText())
                        .isNotNull()
                        .isLessThan(Duration.ofSeconds(15));
                assertThat(requests)
                        .as("requests to the crowded host in %d s, one every 250 ms at most", window.toSeconds())
                        .isBetween(10, (int) (window.toMillis() / 250) + 2);
                assertThat(sift.terminate(Duration.ofSeconds(10))).isEqualTo(143);
            }
            try (Database db = Database.open(rig.db)) {
                assertThat(db.posts().guids(goodId)).hasSize(CrashFaultIT.WINDOW);
            }
        }
    }

    private static boolean allFailed(String log, BadServer bad) {
        return BAD.keySet().stream().allMatch(path -> log.contains("Feed " + bad.url(path) + " failed"));
    }

    private static long rssMegabytes(SiftProcess sift) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + sift.process.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    /** A server on 127.0.0.1 that answers below HTTP's manners, one misbehaviour a path. */
    static final class BadServer implements AutoCloseable {
        private final ServerSocket socket;
        private final ExecutorService pool = Executors.newCachedThreadPool();

        BadServer() throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            pool.submit(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket client = socket.accept();
                        pool.submit(() -> answer(client));
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        String url(String path) {
            return "http://127.0.0.1:" + socket.getLocalPort() + path;
        }

        private void answer(Socket client) {
            try (client) {
                InputStream in = client.getInputStream();
                String request = readHead(in);
                String path = request.split(" ")[1];
                OutputStream out = client.getOutputStream();
                String rss = CrashFaultIT.feed(9, 0);
                if (path.equals("/drip.xml")) {
                    out.write(head(200, "application/rss+xml", -1));
                    for (byte b : rss.getBytes(StandardCharsets.UTF_8)) {
                        out.write(b);
                        out.flush();
                        Thread.sleep(1_000);
                    }
                } else if (path.equals("/reset.xml")) {
                    out.write(head(200, "application/rss+xml", 50_000));
                    out.write(rss.substring(0, 300).getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    client.setSoLinger(true, 0); // close with a RST
                } else if (path.equals("/short.xml")) {
                    out.write(head(200, "application/rss+xml", 50_000));
                    out.write(rss.substring(0, 2_000).getBytes(StandardCharsets.UTF_8));
                } else if (path.startsWith("/redirect/")) {
                    int n = Integer.parseInt(path.replaceAll("\\D", ""));
                    out.write(("HTTP/1.1 302 Found\r\nLocation: /redirect/" + (n + 1)
                                    + ".xml\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                } else if (path.equals("/login.xml")) {
                    byte[] page = "<!DOCTYPE html><html><head><title>Sign in</title></head><body><form method=post>"
                            .concat("<input name=user><input type=password name=pw></form></body></html>")
                            .getBytes(StandardCharsets.UTF_8);
                    out.write(head(200, "text/html; charset=utf-8", page.length));
                    out.write(page);
                } else if (path.equals("/huge.xml")) {
                    out.write(head(200, "application/rss+xml", 2L << 30));
                    byte[] chunk =
                            "<item><title>again</title></item>\n".repeat(2_000).getBytes(StandardCharsets.UTF_8);
                    for (long sent = 0; sent < 2L << 30; sent += chunk.length) {
                        out.write(chunk);
                    }
                } else {
                    out.write(head(404, "text/plain", 0));
                }
                out.flush();
            } catch (IOException | InterruptedException hungUp) {
                // Sift hung up, as it should
            }
        }

        private static String readHead(InputStream in) throws IOException {
            StringBuilder head = new StringBuilder();
            int b;
            while ((b = in.read()) != -1) {
                head.append((char) b);
                if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                    break;
                }
            }
            return head.toString();
        }

        private static byte[] head(int status, String type, long length) {
            return ("HTTP/1.1 " + status + " X\r\nContent-Type: " + type + "\r\n"
                            + (length >= 0 ? "Content-Length: " + length + "\r\n" : "") + "Connection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public void close() throws IOException {
            socket.close();
            pool.shutdownNow();
        }
    }
}
