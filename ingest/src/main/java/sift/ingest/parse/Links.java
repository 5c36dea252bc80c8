package sift.ingest.parse;

import java.net.URI;
import java.net.URISyntaxException;

/** Resolves a link found in a feed against where the feed came from. */
final class Links {
    private Links() {}

    /** The absolute form of {@code href}, or {@code href} as it is when it cannot be resolved. */
    static String resolve(URI base, String href) {
        if (href == null || href.isBlank()) {
            return null;
        }
        String h = href.strip();
        if (base == null) {
            return h;
        }
        try {
            return base.resolve(new URI(h.replace(" ", "%20"))).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return h;
        }
    }

    static URI uri(String value, URI fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            URI u = new URI(value);
            return u.isAbsolute() ? u : fallback;
        } catch (URISyntaxException e) {
            return fallback;
        }
    }
}
