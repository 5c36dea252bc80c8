package sift.store.post;

import java.util.Objects;

/** A media file attached to a post (a podcast's MP3, say); length in bytes and type when the feed gives them. */
public record Enclosure(String url, Long length, String mimeType) {
    public Enclosure {
        Objects.requireNonNull(url, "url");
    }
}
