package sift.ingest.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * A real HTTP server on 127.0.0.1 for tests: serves fixture bodies with ETag validation (304), optional
 * gzip, delays, errors and endless bodies, and counts the requests per path.
 */
public final class FixtureServer implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final Map<String, Integer> lastStatus = new ConcurrentHashMap<>();
    private final AtomicInteger inflight = new AtomicInteger();
    private final AtomicInteger peakInflight = new AtomicInteger();

    /** What a path answers. */
    public record Route(
            int status, String contentType, byte[] body, boolean gzip, Duration delay, Map<String, String> headers) {
        public static Route ok(String contentType, byte[] body) {
            return new Route(200, contentType, body, false, Duration.ZERO, Map.of());
        }

        public static Route status(int status) {
            return new Route(
                    status,
                    "text/plain",
                    ("status " + status).getBytes(StandardCharsets.UTF_8),
                    false,
                    Duration.ZERO,
                    Map.of());
        }

        public Route gzipped() {
            return new Route(status, contentType, body, true, delay, headers);
        }

        public Route delayed(Duration by) {
            return new Route(status, contentType, body, gzip, by, headers);
        }

        public Route withHeader(String name, String value) {
            var all = new HashMap<>(headers);
            all.put(name, value);
            return new Route(status, contentType, body, gzip, delay, Map.copyOf(all));
        }
    }

    public FixtureServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a fixture server on 127.0.0.1", e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    public FixtureServer route(String path, Route route) {
        routes.put(path, route);
        return this;
    }

    /** Serves a UTF-8 text body with an ETag derived from its content. */
    public FixtureServer feed(String path, String contentType, String body) {
        return route(path, Route.ok(contentType, body.getBytes(StandardCharsets.UTF_8)));
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public int hits(String path) {
        AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    /** The status of the last answer to a request for {@code path} (null before the first). */
    public Integer lastStatus(String path) {
        return lastStatus.get(path);
    }

    /** The most requests this server had in hand at once. */
    public int peakConcurrency() {
        return peakInflight.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        Route route = routes.getOrDefault(path, Route.status(404));
        peakInflight.accumulateAndGet(inflight.incrementAndGet(), Math::max);
        try (exchange) {
            if (!route.delay().isZero()) {
                Thread.sleep(route.delay().toMillis());
            }
            String etag = "\"" + Integer.toHexString(Arrays.hashCode(route.body())) + "\"";
            route.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            if (route.status() == 200) {
                exchange.getResponseHeaders().add("ETag", etag);
                if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                    lastStatus.put(path, 304);
                    exchange.sendResponseHeaders(304, -1);
                    return;
                }
            }
            exchange.getResponseHeaders().add("Content-Type", route.contentType());
            byte[] body = route.body();
            if (route.gzip()) {
                var buffer = new ByteArrayOutputStream();
                try (var gz = new GZIPOutputStream(buffer)) {
                    gz.write(body);
                }
                body = buffer.toByteArray();
                exchange.getResponseHeaders().add("Content-Encoding", "gzip");
            }
            lastStatus.put(path, route.status());
            exchange.sendResponseHeaders(route.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientWentAway) {
            // the client under test may hang up on purpose (size cap, deadline)
        } finally {
            inflight.decrementAndGet();
        }
    }

    /** Answers 200 and then sends bytes forever, slowly: for size caps and deadlines. */
    public FixtureServer endless(String path, Duration pause) {
        server.createContext(path, exchange -> {
            hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            try (exchange) {
                exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
                exchange.sendResponseHeaders(200, 0);
                OutputStream out = exchange.getResponseBody();
                byte[] chunk = "<item><title>again</title></item>\n".repeat(100).getBytes(StandardCharsets.UTF_8);
                while (true) {
                    out.write(chunk);
                    out.flush();
                    if (!pause.isZero()) {
                        Thread.sleep(pause.toMillis());
                    }
                }
            } catch (IOException | InterruptedException stop) {
                // the client hung up, as it should
            }
        });
        return this;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
