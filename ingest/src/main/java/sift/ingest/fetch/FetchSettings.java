package sift.ingest.fetch;

import java.time.Duration;
import java.util.Objects;

/** Limits of one fetch: how long to wait for a connection and for the whole body, and how big it may be. */
public record FetchSettings(Duration connectTimeout, Duration totalTimeout, long maxBytes, String userAgent) {
    public static final String USER_AGENT = "Sift/0.1 (self-hosted feed reader for network engineers)";

    public FetchSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(totalTimeout, "totalTimeout");
        Objects.requireNonNull(userAgent, "userAgent");
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
        }
    }

    public static FetchSettings defaults() {
        return new FetchSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), 10L * 1024 * 1024, USER_AGENT);
    }
}
