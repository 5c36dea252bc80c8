package sift.web.auth;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import io.javalin.http.UnauthorizedResponse;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sift.store.user.ApiTokenStore;
import sift.store.user.LoginDeviceStore;
import sift.store.user.SessionStore;
import sift.store.user.User;
import sift.store.user.UserStore;
import sift.web.http.Pages;
import sift.web.http.Viewer;

/**
 * Who may do what. Every page and API call needs a signed-in reader, unless the reader is public
 * ({@code SIFT_PUBLIC_READER=true} or {@code --demo}): then reading is open and changing is not. Sessions live in
 * the database behind an HttpOnly, SameSite=Lax cookie (Secure when the request came over HTTPS); every request
 * that changes something carries the session's token against cross-site request forgery (form field
 * {@value #CSRF_FIELD} or header {@value #CSRF_HEADER}), else it is refused with 403. The login form has its own
 * token, in a cookie of its own. Logins are throttled before any password is checked ({@link LoginGuard}: per
 * client address, and at most a few hashes at once); five failed logins in a row lock an account for 15 minutes,
 * except in the browsers its reader signed in from before (a cookie of their own, whose failures count against
 * the browser), so that strangers cannot lock a reader out. Every failed login gets the same answer, whether the
 * name exists, the account is locked or disabled, or the password is wrong. API calls may instead carry a
 * reader's API token ({@code Authorization: Bearer sift_...}); a bad token is refused with 401.
 */
public final class Auth {
    private static final Logger log = LoggerFactory.getLogger(Auth.class);
    public static final String CSRF_FIELD = "_csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    static final String SESSION_COOKIE = "sift_session";
    static final String LOGIN_COOKIE = "sift_login";
    static final String DEVICE_COOKIE = "sift_device";
    static final Duration DEVICE_LIFETIME = Duration.ofDays(400);
    static final Duration SESSION_LIFETIME = Duration.ofDays(14);
    static final int LOCK_AFTER = 5;
    static final Duration LOCK_FOR = Duration.ofMinutes(15);
    /** The one answer to every failed login: it does not tell whether the name exists or is locked. */
    static final String FAILED = "Wrong name or password. (After " + LOCK_AFTER + " failed logins an account waits "
            + LOCK_FOR.toMinutes() + " minutes, except in a browser that signed in to it before.)";
    /** Paths anyone reaches without a session looked up: style sheet, demo feeds, icon. */
    private static final Set<String> OPEN_PREFIXES = Set.of("/static/", "/demo/", "/favicon.ico");
    /** The sync APIs, whose apps sign in with app passwords of their own ({@link AppLogins}): no session, no request token. */
    public static final List<String> SYNC_PATHS = List.of("/api/greader/", "/fever/");
    /** Paths anyone reaches, that show more to an admin (or a monitoring system's token): health and metrics. */
    private static final Set<String> DIAGNOSTICS = Set.of("/health", "/metrics");

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final UserStore users;
    private final SessionStore sessions;
    private final SessionCache recentSessions;
    private final ApiTokenStore tokens;
    private final LoginDeviceStore devices;
    private final LoginGuard guard;
    private final AppLogins appLogins;
    private final Pages pages;
    private final boolean publicReader;
    private final Clock clock;

    public Auth(
            UserStore users,
            SessionStore sessions,
            ApiTokenStore tokens,
            LoginDeviceStore devices,
            Pages pages,
            boolean publicReader,
            PrometheusRegistry registry,
            Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.recentSessions = new SessionCache(sessions);
        this.tokens = tokens;
        this.devices = devices;
        this.guard = new LoginGuard(registry);
        this.appLogins = new AppLogins(tokens, guard, clock);
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
        if (path.equals("/fever") || SYNC_PATHS.stream().anyMatch(path::startsWith)) {
            return; // the sync APIs check their apps' passwords themselves
        }
        String authorization = ctx.header("Authorization");
        if (authorization != null && path.startsWith("/api/")) {
            // a browser never sends this header by itself, so a request with a token needs no request token
            User user = authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? tokens.find(
                                    ApiTokenStore.Scope.API,
                                    authorization.substring(7).strip(),
                                    clock.instant())
                            .orElse(null)
                    : null;
            if (user == null) {
                throw new UnauthorizedResponse("This API token is not valid (revoked, or not a Sift token): send "
                        + "'Authorization: Bearer sift_...' with a token from your account page.");
            }
            new Viewer(user.id(), user.name(), user.admin(), null).attach(ctx);
            return;
        }
        boolean reading =
                ctx.method().name().equals("GET") || ctx.method().name().equals("HEAD");
        if (path.startsWith("/feeds/") && ctx.queryParam("token") != null) {
            // a feed reader sends no cookie: the feed's address names the reader
            User user = tokens.find(ApiTokenStore.Scope.FEEDS, ctx.queryParam("token"), clock.instant())
                    .orElseThrow(() -> new UnauthorizedResponse("This feed address is not valid (its secret was "
                            + "revoked?): make a new one on your account page."));
            new Viewer(user.id(), user.name(), user.admin(), null).attach(ctx);
            if (!reading) {
                throw new ForbiddenResponse("A feed address only reads.");
            }
            return;
        }
        Optional<SessionStore.Session> session = recentSessions.find(ctx.cookie(SESSION_COOKIE), clock.instant());
        session.ifPresent(
                s -> new Viewer(s.user().id(), s.user().name(), s.user().admin(), s.csrfToken()).attach(ctx));
        if (path.equals("/login") || DIAGNOSTICS.contains(path)) {
            return; // the login form carries a token of its own; diagnostics decide what they show
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
            ctx.redirect(
                    reading ? "/login?next=" + URLEncoder.encode(here, StandardCharsets.UTF_8) : "/login",
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
            throw new ForbiddenResponse(
                    "Only admins may tune feeds and classifiers; '" + viewer.name() + "' is a reader.");
        }
    }

    /** {@code GET /login}. */
    public void loginPage(Context ctx) {
        renderLogin(ctx, HttpStatus.OK, null);
    }

    /**
     * {@code POST /login}: checks the login form's own token; counts the attempt against the client's address and
     * against the account (or the browser, when the reader signed in from it before) before the password is
     * checked; then opens a session. Every failure answers alike.
     */
    public void login(Context ctx) {
        String formToken = ctx.formParam(CSRF_FIELD);
        if (!sameToken(ctx.cookie(LOGIN_COOKIE), formToken)) {
            throw new ForbiddenResponse(
                    "This login form has expired or did not come from Sift. Reload it and try again.");
        }
        String name = Optional.ofNullable(ctx.formParam("name")).orElse("").strip();
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        Instant now = clock.instant();
        String address = ctx.ip();
        if (!guard.reserve(address, now)) {
            log.warn(
                    "Login as '{}' from {} refused: {} failed logins from there in {} minutes",
                    printable(name),
                    address,
                    LoginGuard.PER_ADDRESS,
                    LoginGuard.WINDOW.toMinutes());
            renderLogin(
                    ctx,
                    HttpStatus.TOO_MANY_REQUESTS,
                    "Too many failed logins from your address: try again after "
                            + TIME.format(guard.freeAt(address, now)) + ".");
            return;
        }
        Optional<User> user = name.isEmpty() || name.length() > 100 ? Optional.empty() : users.find(name);
        String device = ctx.cookie(DEVICE_COOKIE);
        boolean known = user.isPresent()
                && device != null
                && devices.owner(device).filter(id -> id == user.get().id()).isPresent();
        String refused = user.isEmpty() ? "no such account" : user.get().disabled() ? "the account is disabled" : null;
        if (refused == null
                && !(known
                        ? devices.reserveLogin(device, LOCK_AFTER, now.plus(LOCK_FOR), now)
                        : users.reserveLogin(user.get().id(), LOCK_AFTER, now.plus(LOCK_FOR), now))) {
            refused = (known ? "this browser is" : "the account is") + " locked after " + LOCK_AFTER + " failed logins";
        }
        boolean matches;
        try {
            matches = guard.check(password, refused == null ? user.get().passwordHash() : null);
        } catch (LoginGuard.Busy e) {
            log.warn(
                    "Login as '{}' from {} not tried: {} password checks were busy for {} s",
                    printable(name),
                    address,
                    LoginGuard.HASHES_AT_ONCE,
                    LoginGuard.HASH_WAIT.toSeconds());
            renderLogin(
                    ctx, HttpStatus.SERVICE_UNAVAILABLE, "Sift is busy checking other logins: try again in a moment.");
            return;
        }
        if (!matches) {
            log.warn(
                    "Failed login as '{}' from {}: {}",
                    printable(name),
                    address,
                    refused != null ? refused : "wrong password");
            renderLogin(ctx, HttpStatus.UNAUTHORIZED, FAILED);
            return;
        }
        guard.succeeded(address);
        if (known) {
            devices.succeeded(device);
        } else {
            users.succeededLogin(user.get().id());
            ctx.cookie(cookie(
                    ctx,
                    DEVICE_COOKIE,
                    "/login",
                    devices.add(user.get().id(), now),
                    (int) DEVICE_LIFETIME.toSeconds(),
                    SameSite.STRICT));
        }
        SessionStore.Opened opened = sessions.open(user.get(), SESSION_LIFETIME, now);
        ctx.cookie(cookie(ctx, SESSION_COOKIE, "/", opened.token(), (int) SESSION_LIFETIME.toSeconds(), SameSite.LAX));
        ctx.cookie(cookie(ctx, LOGIN_COOKIE, "/login", "", 0, SameSite.STRICT));
        log.info("'{}' signed in from {}", name, address);
        ctx.redirect(safeNext(ctx.formParam("next")), HttpStatus.SEE_OTHER);
    }

    /**
     * Whether {@code password} is the reader's own, before a change of it: counted against the account like a login,
     * so that a stolen session cannot guess it.
     */
    boolean checkOwnPassword(User user, String password, Instant now) throws LoginGuard.Busy {
        boolean reserved = users.reserveLogin(user.id(), LOCK_AFTER, now.plus(LOCK_FOR), now);
        boolean matches = guard.check(password, reserved ? user.passwordHash() : null);
        if (matches) {
            users.succeededLogin(user.id());
        }
        return matches;
    }

    /** How the sync apps sign in: with app passwords, throttled with the logins. */
    public AppLogins appLogins() {
        return appLogins;
    }

    /** Forgets at once the sessions of an account this process remembers (its password changed, it was disabled). */
    public void forgetSessions(long userId) {
        recentSessions.forget(userId);
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
        pages.render(
                ctx,
                "login.jte",
                new LoginPage(safeNext(next), token, problem == null ? "" : problem, name.length() > 100 ? "" : name));
    }

    /** A name as the log shows it: at most 100 characters, control characters as '?', so no line is forged. */
    static String printable(String name) {
        String cut = name.length() > 100 ? name.substring(0, 100) + "..." : name;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    /** Where to go after signing in: a path on this site, never another site ("//evil.example"). */
    public static String safeNext(String next) {
        if (next == null
                || !next.startsWith("/")
                || next.startsWith("//")
                || next.startsWith("/\\")
                || next.startsWith("/login")
                || next.chars().anyMatch(c -> c < 0x20)) {
            return "/";
        }
        return next;
    }

    private static String csrfToken(Context ctx) {
        String header = ctx.header(CSRF_HEADER);
        if (header != null) {
            return header;
        }
        return ctx.isMultipartFormData()
                        || "application/x-www-form-urlencoded"
                                .equals(
                                        ctx.contentType() == null
                                                ? null
                                                : ctx.contentType()
                                                        .split(";")[0]
                                                        .strip())
                ? ctx.formParam(CSRF_FIELD)
                : null;
    }

    /** Compares tokens in constant time; a missing token matches nothing. */
    static boolean sameToken(String expected, String given) {
        return expected != null
                && given != null
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * An HttpOnly cookie, Secure when the request came over HTTPS: directly, or through a trusted proxy that says so
     * ({@code ctx.scheme()} believes {@code X-Forwarded-Proto} from those only).
     */
    static Cookie cookie(Context ctx, String name, String path, String value, int maxAge, SameSite sameSite) {
        boolean https = "https".equalsIgnoreCase(ctx.scheme());
        return new Cookie(name, value, path, maxAge, https, 0, true, null, null, sameSite);
    }
}
