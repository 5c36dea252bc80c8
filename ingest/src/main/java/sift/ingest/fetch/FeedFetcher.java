package sift.ingest.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * HTTP GET of a feed, politely and defensively: conditional (ETag, Last-Modified), compressed (gzip, deflate),
 * with a connect timeout, one deadline for the whole exchange and a cap on the decoded size enforced while
 * reading; redirects followed by hand (at most {@value #MAX_REDIRECTS}, loops named), public addresses only
 * ({@link AddressGuard}, on every hop), at most {@code perHost} requests at once to a host and a gap between
 * two of them. Thread-safe; one instance serves every worker.
 */
public final class FeedFetcher implements AutoCloseable {
    static final int MAX_REDIRECTS = 5;
    private static final Pattern MAX_AGE = Pattern.compile("(?:^|[,\\s])max-age\\s*=\\s*\"?(\\d{1,9})");

    private final FetchSettings settings;
    private final CloseableHttpClient client;
    private final ScheduledExecutorService deadlines;
    private final ConcurrentHashMap<String, Long> nextStartByHost = new ConcurrentHashMap<>();

    public FeedFetcher(FetchSettings settings) {
        this.settings = settings;
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new AddressGuard(settings.allowPrivate()))
                .setMaxConnPerRoute(settings.perHost())
                .setMaxConnTotal(Math.max(64, settings.perHost() * 32))
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                        .setSocketTimeout(Timeout.of(settings.totalTimeout()))
                        .setTimeToLive(Timeout.ofMinutes(5))
                        .build())
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .disableRedirectHandling()
                .disableContentCompression()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent(settings.userAgent())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(Timeout.of(settings.totalTimeout()))
                        .setResponseTimeout(Timeout.of(settings.totalTimeout()))
                        .build())
                .build();
        this.deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sift-fetch-deadlines");
            t.setDaemon(true);
            return t;
        });
    }

    public FetchResult fetch(FetchRequest request) {
        long deadline = System.nanoTime() + settings.totalTimeout().toNanos();
        List<URI> visited = new ArrayList<>();
        URI uri = request.uri();
        boolean permanent = true;
        while (true) {
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return new FetchResult.Failed("not an http(s) URL: " + uri, null);
            }
            if (uri.getHost() == null) {
                return new FetchResult.Failed("no host in the URL " + uri, null);
            }
            visited.add(uri);
            Hop hop = exchange(request, uri, deadline);
            if (hop.result != null) {
                URI movedTo = permanent && visited.size() > 1 ? uri : null;
                return withMove(hop.result, movedTo);
            }
            URI next;
            try {
                next = uri.resolve(new URI(hop.location.strip().replace(" ", "%20")));
            } catch (URISyntaxException | IllegalArgumentException e) {
                return new FetchResult.Failed(
                        "HTTP " + hop.status + " to a Location that is no URL: " + hop.location, null);
            }
            permanent &= hop.status == 301 || hop.status == 308;
            if (visited.contains(next)) {
                visited.add(next);
                return new FetchResult.Failed(
                        "redirect loop: " + visited.stream().map(URI::toString).collect(Collectors.joining(" -> ")),
                        null);
            }
            if (visited.size() > MAX_REDIRECTS) {
                return new FetchResult.Failed("more than " + MAX_REDIRECTS + " redirects (last to " + next + ")", null);
            }
            uri = next;
        }
    }

    /** The outcome of one request: a final result, or a redirect to follow. */
    private record Hop(FetchResult result, int status, String location) {}

    private Hop exchange(FetchRequest request, URI uri, long deadline) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            return new Hop(timedOut(), 0, null);
        }
        HttpGet get = new HttpGet(uri);
        get.setHeader("Accept", request.accept());
        get.setHeader("Accept-Encoding", "gzip, deflate");
        if (request.etag() != null) {
            get.setHeader("If-None-Match", request.etag());
        }
        if (request.lastModified() != null) {
            get.setHeader("If-Modified-Since", request.lastModified());
        }
        AtomicBoolean expired = new AtomicBoolean();
        var timer = deadlines.schedule(
                () -> {
                    expired.set(true);
                    get.cancel();
                },
                remaining,
                TimeUnit.NANOSECONDS);
        try {
            awaitTurn(uri);
            try (ClassicHttpResponse response = client.executeOpen(null, get, null)) {
                int status = response.getCode();
                Header location = response.getFirstHeader("Location");
                if ((status == 301 || status == 302 || status == 303 || status == 307 || status == 308)
                        && location != null) {
                    return new Hop(null, status, location.getValue());
                }
                return new Hop(interpret(response, uri, get), status, null);
            }
        } catch (AddressGuard.Refused e) {
            return new Hop(new FetchResult.Failed(e.getMessage(), null), 0, null);
        } catch (ConnectTimeoutException e) {
            return new Hop(
                    expired.get()
                            ? timedOut()
                            : new FetchResult.Failed(
                                    "connection to " + uri.getHost() + " timed out after "
                                            + seconds(settings.connectTimeout()),
                                    null),
                    0,
                    null);
        } catch (HttpHostConnectException e) {
            return new Hop(
                    new FetchResult.Failed(
                            "connection refused by " + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : ""),
                            null),
                    0,
                    null);
        } catch (UnknownHostException e) {
            return new Hop(new FetchResult.Failed("unknown host " + uri.getHost(), null), 0, null);
        } catch (SSLException e) {
            return new Hop(
                    new FetchResult.Failed("TLS with " + uri.getHost() + " failed: " + e.getMessage(), null), 0, null);
        } catch (SocketTimeoutException e) {
            return new Hop(timedOut(), 0, null);
        } catch (InterruptedIOException e) {
            return new Hop(
                    expired.get() ? timedOut() : new FetchResult.Failed("fetch interrupted: Sift is stopping", null),
                    0,
                    null);
        } catch (IOException e) {
            if (get.isCancelled() && !expired.get()) {
                return new Hop(tooLarge(), 0, null);
            }
            return new Hop(expired.get() ? timedOut() : new FetchResult.Failed(describe(e), null), 0, null);
        } finally {
            timer.cancel(false);
        }
    }

    /** Waits until this host may get another request: {@code hostGap} after the previous one started. */
    private void awaitTurn(URI uri) throws InterruptedIOException {
        long gap = settings.hostGap().toNanos();
        if (gap <= 0) {
            return;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        long now = System.nanoTime();
        long start = nextStartByHost.merge(host, now + gap, (next, ignored) -> Math.max(next, now) + gap) - gap;
        while (start - System.nanoTime() > 0) {
            LockSupport.parkNanos(start - System.nanoTime());
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for " + host);
            }
        }
    }

    private FetchResult interpret(ClassicHttpResponse response, URI uri, HttpGet get) throws IOException {
        int status = response.getCode();
        if (status == 304) {
            return new FetchResult.NotModified(null, freshFor(response));
        }
        if (status == 410) {
            return new FetchResult.Gone("HTTP 410 Gone: the publisher removed the feed");
        }
        if (status < 200 || status > 299) {
            Header retry = response.getFirstHeader("Retry-After");
            return new FetchResult.Failed(
                    "HTTP " + status + " " + reasonPhrase(status),
                    retry == null ? null : parseRetryAfter(retry.getValue()));
        }
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            return new FetchResult.Failed("HTTP " + status + " without a body", null);
        }
        String encoding = header(response, "Content-Encoding");
        byte[] bytes;
        try (InputStream body = entity.getContent()) {
            bytes = readCapped(decoded(body, encoding == null ? "" : encoding.toLowerCase(Locale.ROOT)));
            if (bytes == null) {
                get.cancel(); // drops the connection: closing the stream would read the rest of an endless body
            }
        }
        if (bytes == null) {
            return tooLarge();
        }
        return new FetchResult.Modified(
                bytes,
                header(response, "Content-Type"),
                header(response, "ETag"),
                header(response, "Last-Modified"),
                uri,
                null,
                freshFor(response));
    }

    private static FetchResult withMove(FetchResult result, URI movedTo) {
        if (movedTo == null) {
            return result;
        }
        if (result instanceof FetchResult.Modified m) {
            return new FetchResult.Modified(
                    m.body(), m.contentType(), m.etag(), m.lastModified(), m.finalUri(), movedTo, m.freshFor());
        }
        if (result instanceof FetchResult.NotModified n) {
            return new FetchResult.NotModified(movedTo, n.freshFor());
        }
        return result;
    }

    /** How long the answer stays fresh by Cache-Control's max-age, else by Expires; null when uncacheable or unsaid. */
    static Duration freshFor(ClassicHttpResponse response) {
        String cacheControl = header(response, "Cache-Control");
        if (cacheControl != null) {
            String cc = cacheControl.toLowerCase(Locale.ROOT);
            if (cc.contains("no-store") || cc.contains("no-cache")) {
                return null;
            }
            Matcher maxAge = MAX_AGE.matcher(cc);
            if (maxAge.find()) {
                return Duration.ofSeconds(Long.parseLong(maxAge.group(1)));
            }
        }
        String expires = header(response, "Expires");
        Duration left = expires == null ? null : untilHttpDate(expires);
        return left == null || left.isNegative() ? null : left;
    }

    private static String header(ClassicHttpResponse response, String name) {
        Header h = response.getFirstHeader(name);
        return h == null ? null : h.getValue();
    }

    private static InputStream decoded(InputStream body, String encoding) throws IOException {
        return switch (encoding) {
            case "gzip", "x-gzip" -> new GZIPInputStream(body);
            case "deflate" -> new InflaterInputStream(body);
            default -> body;
        };
    }

    /** Reads the whole body, or returns null as soon as the decoded bytes grow past the cap (a gzip bomb stops there). */
    private byte[] readCapped(InputStream in) throws IOException {
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
    }

    private FetchResult.Failed tooLarge() {
        long max = settings.maxBytes();
        String size = max % (1024 * 1024) == 0 ? max / (1024 * 1024) + " MB" : max / 1024 + " KB";
        return new FetchResult.Failed("response larger than " + size + ", cut off", null);
    }

    private FetchResult.Failed timedOut() {
        return new FetchResult.Failed("no complete answer within " + seconds(settings.totalTimeout()), null);
    }

    static Duration parseRetryAfter(String value) {
        String v = value.strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
        } catch (NumberFormatException notSeconds) {
            Duration wait = untilHttpDate(v);
            return wait == null || !wait.isNegative() ? wait : Duration.ZERO;
        }
    }

    /** The time from now until an HTTP date (negative when it is past), or null when the value is no such date. */
    private static Duration untilHttpDate(String value) {
        try {
            Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            return Duration.between(Instant.now(), at);
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static String reasonPhrase(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
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
        try {
            client.close();
        } catch (IOException e) {
            // closing idle connections on the way out; nothing is lost if one does not close cleanly
        }
    }
}
