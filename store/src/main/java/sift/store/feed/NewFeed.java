package sift.store.feed;

import java.util.Objects;

/** A feed to subscribe to, as OPML or a person names it; title and category may be unknown. */
public record NewFeed(String url, String title, String category) {
    public NewFeed {
        Objects.requireNonNull(url, "url");
        if (url.isBlank()) {
            throw new IllegalArgumentException("a feed needs a URL");
        }
        url = url.strip();
    }
}
