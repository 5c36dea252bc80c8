package sift.ingest.fetch;

import java.net.URI;
import java.util.Objects;

/** One conditional GET: the feed's URL and the validators from its last successful fetch, if any. */
public record FetchRequest(URI uri, String etag, String lastModified) {
    public FetchRequest {
        Objects.requireNonNull(uri, "uri");
    }
}
