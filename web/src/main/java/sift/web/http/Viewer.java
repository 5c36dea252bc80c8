package sift.web.http;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Who is looking at a page: a signed-in reader (id, name, whether admin, the session's token against request
 * forgery for the page's forms), or nobody on a public reader.
 */
public record Viewer(Long userId, String name, boolean admin, String csrfToken) {
    public static final Viewer NOBODY = new Viewer(null, null, false, null);
    private static final String ATTRIBUTE = "sift.viewer";

    /** Who is looking at this request: set by {@link Auth#check}, {@link #NOBODY} before or without a session. */
    public static Viewer of(Context ctx) {
        Viewer v = ctx.attribute(ATTRIBUTE);
        return v == null ? NOBODY : v;
    }

    public void attach(Context ctx) {
        ctx.attribute(ATTRIBUTE, this);
    }

    public boolean signedIn() {
        return userId != null;
    }

    /**
     * Where "Subscribe to this view" leads: the feed itself for nobody; for a reader, the account page that makes a
     * secret address of the view for the reader's feed reader (which sends no login, and Sift keeps only a hash of
     * each secret, so it cannot put one in a page).
     */
    public String subscribe(String feed) {
        return signedIn() ? "/account?view=" + URLEncoder.encode(feed, StandardCharsets.UTF_8) + "#feeds" : feed;
    }
}
