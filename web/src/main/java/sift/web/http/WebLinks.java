package sift.web.http;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Links in pages: those that came from feeds are let in only when they are plain http(s) (no javascript: or data:
 * URL); names from feeds travel in a query string encoded.
 */
public final class WebLinks {
    private WebLinks() {}

    public static String httpOnly(String url) {
        if (url == null) {
            return null;
        }
        String lower = url.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? url.strip() : null;
    }

    /** The address as a URI when it is an http(s) address with a host (a feed or a site an admin may add), else null. */
    public static URI webAddress(String url) {
        if (httpOnly(url) == null) {
            return null;
        }
        try {
            URI uri = URI.create(url.strip());
            return uri.getHost() == null ? null : uri;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A path with one query parameter, its value encoded: {@code /podcasts/show?name=Packets%20%26%20Bits}. */
    public static String with(String path, String name, String value) {
        return path + "?" + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
