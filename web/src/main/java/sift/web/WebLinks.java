package sift.web;

import java.util.Locale;

/** Links that came from feeds, let into a page only when they are plain http(s): no javascript: or data: URL. */
public final class WebLinks {
    private WebLinks() {}

    public static String httpOnly(String url) {
        if (url == null) {
            return null;
        }
        String lower = url.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? url.strip() : null;
    }
}
