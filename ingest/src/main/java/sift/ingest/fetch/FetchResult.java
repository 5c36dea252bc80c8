package sift.ingest.fetch;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/** How a fetch ended. Failures are expected outcomes, not exceptions. */
public sealed interface FetchResult {

    /**
     * A new body, with the validators to send next time. {@code movedTo} is where the feed now lives when every
     * redirect on the way was permanent (301, 308), else null; {@code freshFor} how long the server says the
     * answer stays fresh (Cache-Control max-age, Expires), else null.
     */
    record Modified(
            byte[] body,
            String contentType,
            String etag,
            String lastModified,
            URI finalUri,
            URI movedTo,
            Duration freshFor)
            implements FetchResult {
        public Modified {
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(finalUri, "finalUri");
        }
    }

    /** 304: the feed is as it was; the validators stay. */
    record NotModified(URI movedTo, Duration freshFor) implements FetchResult {}

    /** 410: the publisher removed the feed for good. */
    record Gone(String reason) implements FetchResult {}

    /** The fetch failed; {@code reason} says why in plain words, {@code retryAfter} when the server asked. */
    record Failed(String reason, Duration retryAfter) implements FetchResult {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
