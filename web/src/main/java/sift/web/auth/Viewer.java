package sift.web.auth;

import io.javalin.http.Context;

/**
 * Who is looking at a page: a signed-in reader (id, name, whether admin, the session's token against request
 * forgery for the page's forms, the secret of the reader's feed addresses), or nobody on a public reader.
 */
public record Viewer(Long userId, String name, boolean admin, String csrfToken, String feedToken) {
    public static final Viewer NOBODY = new Viewer(null, null, false, null, null);
    private static final String ATTRIBUTE = "sift.viewer";

    /** Who is looking at this request: set by {@link Auth#check}, {@link #NOBODY} before or without a session. */
    public static Viewer of(Context ctx) {
        Viewer v = ctx.attribute(ATTRIBUTE);
        return v == null ? NOBODY : v;
    }

    void attach(Context ctx) {
        ctx.attribute(ATTRIBUTE, this);
    }

    public boolean signedIn() {
        return userId != null;
    }

    /** A re-exported feed's address for this viewer: with the reader's secret, which feed readers need (no cookie). */
    public String feed(String path) {
        return feedToken == null ? path : path + (path.contains("?") ? "&" : "?") + "token=" + feedToken;
    }
}
