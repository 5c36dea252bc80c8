package sift.ingest.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * HTTP GET of a feed: conditional (ETag, Last-Modified), compressed (gzip, deflate), with a connect
 * timeout, a deadline for the whole body and a cap on its decoded size enforced while reading.
 */
public final class FeedFetcher implements AutoCloseable {
    private final FetchSettings settings;
    private final HttpClient client;
    private final ScheduledExecutorService deadlines;

    public FeedFetcher(FetchSettings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sift-fetch-deadlines");
            t.setDaemon(true);
            return t;
        });
    }

    public FetchResult fetch(FetchRequest request) {
        HttpRequest.Builder http = HttpRequest.newBuilder(request.uri())
                .timeout(settings.totalTimeout())
                .header("User-Agent", settings.userAgent())
                .header("Accept", "application/rss+xml, application/atom+xml, application/feed+json, "
                        + "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5")
                .header("Accept-Encoding", "gzip, deflate");
        if (request.etag() != null) {
            http.header("If-None-Match", request.etag());
        }
        if (request.lastModified() != null) {
            http.header("If-Modified-Since", request.lastModified());
        }
        try {
            HttpResponse<InputStream> response = client.send(http.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                return interpret(response, body);
            }
        } catch (HttpConnectTimeoutException e) {
            return new FetchResult.Failed("connection timed out after " + seconds(settings.connectTimeout()), null);
        } catch (HttpTimeoutException e) {
            return new FetchResult.Failed("no complete answer within " + seconds(settings.totalTimeout()), null);
        } catch (ConnectException e) {
            return new FetchResult.Failed("connection refused", null);
        } catch (UnknownHostException e) {
            return new FetchResult.Failed("unknown host " + request.uri().getHost(), null);
        } catch (IOException e) {
            return new FetchResult.Failed(describe(e), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new FetchResult.Failed("fetch interrupted: Sift is stopping", null);
        } catch (IllegalArgumentException e) {
            return new FetchResult.Failed("not a fetchable URL: " + e.getMessage(), null);
        }
    }

    private FetchResult interpret(HttpResponse<InputStream> response, InputStream body) throws IOException {
        int status = response.statusCode();
        if (status == 304) {
            return new FetchResult.NotModified();
        }
        if (status < 200 || status > 299) {
            Duration retryAfter = response.headers()
                    .firstValue("Retry-After")
                    .map(FeedFetcher::parseRetryAfter)
                    .orElse(null);
            return new FetchResult.Failed("HTTP " + status + " " + reasonPhrase(status), retryAfter);
        }
        String encoding = response.headers().firstValue("Content-Encoding").orElse("").toLowerCase(Locale.ROOT);
        byte[] bytes = readCapped(decoded(body, encoding));
        if (bytes == null) {
            return new FetchResult.Failed(
                    "response larger than " + settings.maxBytes() / (1024 * 1024) + " MB, cut off", null);
        }
        return new FetchResult.Modified(
                bytes,
                response.headers().firstValue("Content-Type").orElse(null),
                response.headers().firstValue("ETag").orElse(null),
                response.headers().firstValue("Last-Modified").orElse(null),
                response.uri());
    }

    private static InputStream decoded(InputStream body, String encoding) throws IOException {
        return switch (encoding) {
            case "gzip", "x-gzip" -> new GZIPInputStream(body);
            case "deflate" -> new InflaterInputStream(body);
            default -> body;
        };
    }

    /** Reads the whole body, or returns null as soon as it grows past the cap; the deadline closes a stalled body. */
    private byte[] readCapped(InputStream in) throws IOException {
        AtomicBoolean expired = new AtomicBoolean();
        var deadline = deadlines.schedule(
                () -> {
                    expired.set(true);
                    try {
                        in.close();
                    } catch (IOException ignored) {
                        // closing is how the deadline interrupts a blocked read; a failed close changes nothing
                    }
                },
                settings.totalTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
        try {
            var out = new ByteArrayOutputStream();
            byte[] buffer = new byte[16 * 1024];
            int n;
            while ((n = in.read(buffer)) != -1) {
                if (out.size() + n > settings.maxBytes()) {
                    return null;
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            if (expired.get()) {
                throw new HttpTimeoutException("body not complete within " + seconds(settings.totalTimeout()));
            }
            throw e;
        } finally {
            deadline.cancel(false);
        }
    }

    static Duration parseRetryAfter(String value) {
        String v = value.strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(Instant.now(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return message.toLowerCase(Locale.ROOT).contains("too many redirects") ? "too many redirects" : message;
    }

    private static String seconds(Duration d) {
        return d.toSeconds() + " s";
    }

    private static String reasonPhrase(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 410 -> "Gone";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> status >= 500 ? "server error" : status >= 400 ? "client error" : "unexpected status";
        };
    }

    @Override
    public void close() {
        deadlines.shutdownNow();
    }
}
