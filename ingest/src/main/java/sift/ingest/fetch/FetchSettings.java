package sift.ingest.fetch;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits and manners of fetching: how long to wait for a connection and for the whole answer, how big the
 * decoded body may be, the User-Agent, how many requests one host gets at once and the gap between two of
 * them, and whether loopback and private addresses may be fetched (tests, home labs).
 */
public record FetchSettings(
        Duration connectTimeout,
        Duration totalTimeout,
        long maxBytes,
        String userAgent,
        int perHost,
        Duration hostGap,
        boolean allowPrivate) {
    public static final String USER_AGENT =
            "Sift/0.1 (self-hosted feed reader for network engineers; +https://github.com/sift-reader/sift)";

    public FetchSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(totalTimeout, "totalTimeout");
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(hostGap, "hostGap");
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
        }
        if (perHost < 1) {
            throw new IllegalArgumentException("perHost must be at least 1, was " + perHost);
        }
    }

    /** 10 s to connect, 30 s for the whole answer, 10 MB, 2 requests at once a host, 250 ms apart, public addresses only. */
    public static FetchSettings defaults() {
        return new FetchSettings(
                Duration.ofSeconds(10),
                Duration.ofSeconds(30),
                10L * 1024 * 1024,
                USER_AGENT,
                2,
                Duration.ofMillis(250),
                false);
    }

    public FetchSettings withAllowPrivate(boolean allow) {
        return new FetchSettings(connectTimeout, totalTimeout, maxBytes, userAgent, perHost, hostGap, allow);
    }

    public FetchSettings withHostGap(Duration gap) {
        return new FetchSettings(connectTimeout, totalTimeout, maxBytes, userAgent, perHost, gap, allowPrivate);
    }

    public FetchSettings withLimits(Duration connect, Duration total, long bytes) {
        return new FetchSettings(connect, total, bytes, userAgent, perHost, hostGap, allowPrivate);
    }
}
