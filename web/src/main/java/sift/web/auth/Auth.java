package sift.web.auth;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import io.javalin.http.UnauthorizedResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sift.store.user.ApiTokenStore;
import sift.store.user.SessionStore;
import sift.store.user.User;
import sift.store.user.UserStore;
import sift.web.Pages;

/**
 * Who may do what. Every page and API call needs a signed-in reader, unless the reader is public
 * ({@code SIFT_PUBLIC_READER=true} or {@code --demo}): then reading is open and changing is not. Sessions live in
 * the database behind an HttpOnly, SameSite=Lax cookie (Secure when the request came over HTTPS); every request
 * that changes something carries the session's token against cross-site request forgery (form field
 * {@value #CSRF_FIELD} or header {@value #CSRF_HEADER}), else it is refused with 403. The login form has its own
 * token, in a cookie of its own. Five failed logins in a row lock an account for 15 minutes. API calls may instead
 * carry a reader's API token ({@code Authorization: Bearer sift_...}); a bad token is refused with 401.
 */
public final class Auth {
    private static final Logger log = LoggerFactory.getLogger(Auth.class);
    public static final String CSRF_FIELD = "_csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    static final String SESSION_COOKIE = "sift_session";
    static final String LOGIN_COOKIE = "sift_login";
    static final Duration SESSION_LIFETIME = Duration.ofDays(14);
    static final int LOCK_AFTER = 5;
    static final Duration LOCK_FOR = Duration.ofMinutes(15);
    /** Paths anyone reaches without a session looked up: style sheet, health, metrics, demo feeds, icon. */
    private static final Set<String> OPEN_PREFIXES = Set.of("/static/", "/health", "/metrics", "/demo/",
            "/favicon.ico");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final UserStore users;
    private final SessionStore sessions;
    private final SessionCache recentSessions;
    private final ApiTokenStore tokens;
    private final Pages pages;
    private final boolean publicReader;
    private final Clock clock;

    public Auth(UserStore users, SessionStore sessions, ApiTokenStore tokens, Pages pages, boolean publicReader,
            Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.recentSessions = new SessionCache(sessions);
        this.tokens = tokens;
        this.pages = pages;
        this.publicReader = publicReader;
        this.clock = clock;
    }

    /** Runs before every handler: finds the session or API token, then lets the request through or refuses it. */
    public void check(Context ctx) {
        String path = ctx.path();
        if (OPEN_PREFIXES.stream().anyMatch(path::startsWith)) {
            return;
        }
        String authorization = ctx.header("Authorization");
        if (authorization != null && path.startsWith("/api/")) {
            // a browser never sends this header by itself, so a request with a token needs no request token
            User user = authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? tokens.find(authorization.substring(7).strip(), clock.instant()).orElse(null)
                    : null;
            if (user == null) {
                throw new UnauthorizedResponse("This API token is not valid (revoked, or not a Sift token): send "
                        + "'Authorization: Bearer sift_...' with a token from your account page.");
            }
            new Viewer(user.id(), user.name(), user.admin(), null, user.feedToken()).attach(ctx);
            return;
        }
        boolean reading = ctx.method().name().equals("GET") || ctx.method().name().equals("HEAD");
        if (path.startsWith("/feeds/") && ctx.queryParam("token") != null) {
            // a feed reader sends no cookie: the feed's address names the reader
            User user = users.findByFeedToken(ctx.queryParam("token")).orElseThrow(() -> new UnauthorizedResponse(
                    "This feed address is not valid (its secret was reset?): copy it again from your account page."));
            new Viewer(user.id(), user.name(), user.admin(), null, user.feedToken()).attach(ctx);
            if (!reading) {
                throw new ForbiddenResponse("A feed address only reads.");
            }
            return;
        }
        Optional<SessionStore.Session> session = recentSessions.find(ctx.cookie(SESSION_COOKIE), clock.instant());
        session.ifPresent(s -> new Viewer(s.user().id(), s.user().name(), s.user().admin(), s.csrfToken(),
                s.user().feedToken()).attach(ctx));
        if (path.equals("/login")) {
            return; // its form carries a token of its own
        }
        if (session.isEmpty() && !(reading && publicReader)) {
            if (path.startsWith("/api/")) {
                throw new UnauthorizedResponse("Sign in first: this API needs a session or an API token "
                        + "('Authorization: Bearer sift_...').");
            }
            if (path.startsWith("/feeds/")) {
                throw new UnauthorizedResponse("This reader is private: subscribe with the feed address from your "
                        + "account page (it carries your secret, ?token=...).");
            }
            String here = path + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
            ctx.redirect(reading ? "/login?next=" + URLEncoder.encode(here, StandardCharsets.UTF_8) : "/login",
                    HttpStatus.SEE_OTHER);
            ctx.skipRemainingHandlers();
            return;
        }
        if (!reading && !sameToken(session.get().csrfToken(), csrfToken(ctx))) {
            throw new ForbiddenResponse("This form has expired or did not come from Sift (no valid request token). "
                    + "Reload the page and try again.");
        }
    }

    /**
     * Runs after {@link #check}: the admin pages ({@code /admin}) and the admin API ({@code /api/admin}) are for
     * admins only, also on a public reader. Nobody signed in is sent to log in (401 for the API); a reader who is
     * not an admin gets 403.
     */
    public void requireAdmin(Context ctx) {
        String path = ctx.path();
        if (!path.equals("/admin") && !path.startsWith("/admin/") && !path.startsWith("/api/admin/")) {
            return;
        }
        Viewer viewer = Viewer.of(ctx);
        if (!viewer.signedIn()) {
            if (path.startsWith("/api/")) {
                throw new UnauthorizedResponse("Sign in as an admin first: this is the admin API.");
            }
            ctx.redirect("/login?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
            ctx.skipRemainingHandlers();
            return;
        }
        if (!viewer.admin()) {
            log.warn("'{}' (not an admin) was refused {} {}", viewer.name(), ctx.method(), path);
            throw new ForbiddenResponse("Only admins may tune feeds and classifiers; '" + viewer.name() + "' is a reader.");
        }
    }

    /** {@code GET /login}. */
    public void loginPage(Context ctx) {
        renderLogin(ctx, HttpStatus.OK, null);
    }

    /** {@code POST /login}: checks the login form's own token, the lock and the password, then opens a session. */
    public void login(Context ctx) {
        String formToken = ctx.formParam(CSRF_FIELD);
        if (!sameToken(ctx.cookie(LOGIN_COOKIE), formToken)) {
            throw new ForbiddenResponse("This login form has expired or did not come from Sift. Reload it and try again.");
        }
        String name = Optional.ofNullable(ctx.formParam("name")).orElse("").strip();
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        Instant now = clock.instant();
        Optional<User> user = name.isEmpty() || name.length() > 100 ? Optional.empty() : users.find(name);
        if (user.isPresent() && user.get().lockedUntil() != null && user.get().lockedUntil().isAfter(now)) {
            Passwords.matches(password, null); // the same time as any other answer
            log.warn("Login as '{}' refused: locked until {} after repeated failed logins", printable(name),
                    user.get().lockedUntil());
            renderLogin(ctx, HttpStatus.TOO_MANY_REQUESTS, "Too many failed logins: this account is locked until "
                    + TIME.format(user.get().lockedUntil()) + ".");
            return;
        }
        if (!Passwords.matches(password, user.map(User::passwordHash).orElse(null))) {
            user.ifPresent(u -> users.failedLogin(u.id(), LOCK_AFTER, now.plus(LOCK_FOR)));
            log.warn("Failed login as '{}' from {}", printable(name), ctx.ip());
            renderLogin(ctx, HttpStatus.UNAUTHORIZED, "Wrong name or password.");
            return;
        }
        users.succeededLogin(user.get().id());
        users.feedToken(user.get().id()); // made at the first login, for the feed links of every page
        SessionStore.Opened opened = sessions.open(user.get(), SESSION_LIFETIME, now);
        ctx.cookie(cookie(ctx, SESSION_COOKIE, "/", opened.token(), (int) SESSION_LIFETIME.toSeconds(), SameSite.LAX));
        ctx.cookie(cookie(ctx, LOGIN_COOKIE, "/login", "", 0, SameSite.STRICT));
        log.info("'{}' signed in from {}", name, ctx.ip());
        ctx.redirect(safeNext(ctx.formParam("next")), HttpStatus.SEE_OTHER);
    }

    /** {@code POST /logout}: closes the session (the request token was checked by {@link #check}). */
    public void logout(Context ctx) {
        String token = ctx.cookie(SESSION_COOKIE);
        if (token != null) {
            recentSessions.close(token);
        }
        ctx.cookie(cookie(ctx, SESSION_COOKIE, "/", "", 0, SameSite.LAX));
        ctx.redirect("/login", HttpStatus.SEE_OTHER);
    }

    private void renderLogin(Context ctx, HttpStatus status, String problem) {
        // the same token for every login page of this browser: another tab, or a second load of the page, must
        // not void the form already on screen
        String kept = ctx.cookie(LOGIN_COOKIE);
        String token = kept != null && TOKEN.matcher(kept).matches() ? kept : SessionStore.randomToken();
        ctx.cookie(cookie(ctx, LOGIN_COOKIE, "/login", token, 3600, SameSite.STRICT));
        ctx.status(status);
        String next = ctx.queryParam("next") != null ? ctx.queryParam("next") : ctx.formParam("next");
        String name = Optional.ofNullable(ctx.formParam("name")).orElse("");
        pages.render(ctx, "login.jte", Map.of("next", safeNext(next), "token", token,
                "problem", problem == null ? "" : problem, "name", name.length() > 100 ? "" : name));
    }

    /** A name as the log shows it: at most 100 characters, control characters as '?', so no line is forged. */
    private static String printable(String name) {
        String cut = name.length() > 100 ? name.substring(0, 100) + "..." : name;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    /** Where to go after signing in: a path on this site, never another site ("//evil.example"). */
    public static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.startsWith("/login") || next.chars().anyMatch(c -> c < 0x20)) {
            return "/";
        }
        return next;
    }

    private static String csrfToken(Context ctx) {
        String header = ctx.header(CSRF_HEADER);
        if (header != null) {
            return header;
        }
        return ctx.isMultipartFormData() || "application/x-www-form-urlencoded".equals(ctx.contentType() == null
                ? null : ctx.contentType().split(";")[0].strip()) ? ctx.formParam(CSRF_FIELD) : null;
    }

    /** Compares tokens in constant time; a missing token matches nothing. */
    static boolean sameToken(String expected, String given) {
        return expected != null && given != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    /** An HttpOnly cookie, Secure when the request came over HTTPS (directly or through a proxy that says so). */
    private static Cookie cookie(Context ctx, String name, String path, String value, int maxAge, SameSite sameSite) {
        boolean https = "https".equalsIgnoreCase(ctx.scheme())
                || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
        return new Cookie(name, value, path, maxAge, https, 0, true, null, null, sameSite);
    }
}
