package sift.web.auth;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sift.store.post.RiverFilter;
import sift.store.sql.AlreadyExistsException;
import sift.store.user.ApiTokenStore;
import sift.store.user.DigestSettings;
import sift.store.user.User;
import sift.store.user.UserStore;
import sift.web.http.BadInput;
import sift.web.http.Dates;
import sift.web.http.Pages;
import sift.web.http.Viewer;

/**
 * {@code GET /account}: the reader's digest settings, feed addresses, API tokens, password and sessions.
 * {@code POST /account/digest} saves the digest settings; {@code POST /account/feeds} makes a secret feed address
 * for an app ({@code ?view=} the page the reader came from), {@code POST /account/tokens} an API token (each shown
 * once, on the page that answers), and their {@code /revoke} revoke one; {@code POST /account/password} changes the
 * password (the current one first) and ends the other sessions; {@code POST /account/sign-out} ends every other
 * session. Only for a signed-in reader.
 */
public final class AccountRoutes {
    /** The time zones offered on the account page: the regions' zones and UTC, as Java names them. */
    static final List<String> TIME_ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(zone -> zone.matches("(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/.+")
                    || zone.equals("UTC"))
            .sorted()
            .toList();

    private static final Logger log = LoggerFactory.getLogger(AccountRoutes.class);

    /** The feed address made when the reader asks for none in particular. */
    private static final String DEFAULT_VIEW = "/feeds/posts.atom";

    private final ApiTokenStore tokens;
    private final UserStore users;
    private final AccountChanges changes;
    private final Auth auth;
    private final boolean mailConfigured;
    private final String baseUrl;
    private final Pages pages;
    private final Clock clock;

    /**
     * @param mailConfigured whether the admin configured an SMTP server, without which no digest is e-mailed
     * @param baseUrl where Sift is reached from outside ({@code SIFT_BASE_URL}), for the feed addresses shown; null:
     *     the address the request came to
     */
    public AccountRoutes(
            ApiTokenStore tokens,
            UserStore users,
            AccountChanges changes,
            Auth auth,
            boolean mailConfigured,
            String baseUrl,
            Pages pages,
            Clock clock) {
        this.baseUrl = baseUrl;
        this.tokens = tokens;
        this.users = users;
        this.changes = changes;
        this.auth = auth;
        this.mailConfigured = mailConfigured;
        this.pages = pages;
        this.clock = clock;
    }

    /** Saves the digest settings, each checked first; a bad one is a 400 that names it, and nothing is saved. */
    public void digest(Context ctx) {
        Viewer viewer = signedIn(ctx);
        DigestSettings settings;
        try {
            settings = digestSettings(ctx);
        } catch (BadInput | IllegalArgumentException e) { // the form's checks, then DigestSettings' own
            ctx.status(HttpStatus.BAD_REQUEST);
            render(ctx, null, e.getMessage());
            return;
        }
        users.saveDigestSettings(viewer.userId(), settings);
        log.info(
                "'{}' set the digest to {}:00 {}, topics {}, by e-mail {}",
                viewer.name(),
                settings.hour(),
                settings.timeZone(),
                settings.topics(),
                settings.byEmail());
        ctx.redirect("/account#digest", HttpStatus.SEE_OTHER);
    }

    private static DigestSettings digestSettings(Context ctx) {
        String zone = ctx.formParam("timeZone") == null
                ? ""
                : ctx.formParam("timeZone").strip();
        if (zone.isEmpty() || zone.length() > 64) {
            throw new BadInput("The time zone is missing: write one such as Europe/Zurich or UTC.");
        }
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new BadInput("'" + zone + "' is not a time zone Sift knows: write one such as Europe/Zurich or UTC.");
        }
        int hour;
        try {
            hour = Integer.parseInt(
                    ctx.formParam("hour") == null ? "" : ctx.formParam("hour").strip());
        } catch (NumberFormatException e) {
            throw new BadInput("The digest hour must be a whole number from 0 to 23.");
        }
        List<String> topics = ctx.formParams("topic");
        for (String topic : topics) {
            if (!RiverFilter.TOPICS.contains(topic)) {
                throw new BadInput("'" + topic + "' is not one of Sift's topics " + RiverFilter.TOPICS + ".");
            }
        }
        String email =
                ctx.formParam("email") == null ? "" : ctx.formParam("email").strip();
        if (!email.isEmpty() && (email.length() > 254 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            throw new BadInput("'" + email + "' is not an e-mail address.");
        }
        boolean byEmail = "true".equals(ctx.formParam("byEmail"));
        if (byEmail && email.isEmpty()) {
            throw new BadInput("A digest by e-mail needs your e-mail address.");
        }
        return new DigestSettings(zone, hour, topics, email.isEmpty() ? null : email, byEmail);
    }

    public void page(Context ctx) {
        if (!Viewer.of(ctx).signedIn()) {
            // a public reader lets anyone read pages; an account page needs an account
            ctx.redirect("/login?next=/account", HttpStatus.SEE_OTHER);
            return;
        }
        render(ctx, null, null);
    }

    /** {@code POST /account/tokens}: an API token, shown once. */
    public void create(Context ctx) {
        make(ctx, ApiTokenStore.Scope.API);
    }

    /** {@code POST /account/feeds}: a secret feed address for one app, shown once, of the view the reader came from. */
    public void createFeed(Context ctx) {
        make(ctx, ApiTokenStore.Scope.FEEDS);
    }

    /** {@code POST /account/apps}: an app password for a reading app that syncs, shown once. */
    public void createApp(Context ctx) {
        make(ctx, ApiTokenStore.Scope.APP);
    }

    private static String what(ApiTokenStore.Scope scope) {
        return switch (scope) {
            case API -> "API token";
            case FEEDS -> "feed address";
            case APP -> "app password";
        };
    }

    private void make(Context ctx, ApiTokenStore.Scope scope) {
        Viewer viewer = signedIn(ctx);
        String what = what(scope);
        String name = ctx.formParam("name") == null ? "" : ctx.formParam("name").strip();
        if (name.isEmpty() || name.length() > 100 || name.chars().anyMatch(Character::isISOControl)) {
            ctx.status(HttpStatus.BAD_REQUEST);
            render(
                    ctx,
                    null,
                    "A " + what + " needs a name of 1 to 100 printable characters, such as the app it is for.");
            return;
        }
        try {
            String token = scope == ApiTokenStore.Scope.APP
                    ? tokens.createAppPassword(viewer.userId(), viewer.name(), name, clock.instant())
                    : tokens.create(viewer.userId(), scope, name, clock.instant());
            log.info("'{}' made the {} '{}'", viewer.name(), what, name);
            render(ctx, new Created(scope, name, token), null);
        } catch (AlreadyExistsException e) {
            ctx.status(HttpStatus.CONFLICT);
            render(
                    ctx,
                    null,
                    "You already have a " + what + " named '" + name + "': revoke it first, or choose another name.");
        }
    }

    /** {@code POST /account/tokens/revoke}. */
    public void revoke(Context ctx) {
        revoke(ctx, ApiTokenStore.Scope.API);
    }

    /** {@code POST /account/feeds/revoke}. */
    public void revokeFeed(Context ctx) {
        revoke(ctx, ApiTokenStore.Scope.FEEDS);
    }

    /** {@code POST /account/apps/revoke}: the app signs in no more, at once. */
    public void revokeApp(Context ctx) {
        revoke(ctx, ApiTokenStore.Scope.APP);
    }

    private void revoke(Context ctx, ApiTokenStore.Scope scope) {
        Viewer viewer = signedIn(ctx);
        String what = what(scope);
        String name = ctx.formParam("name");
        if (name == null || !tokens.revoke(viewer.userId(), scope, name)) {
            throw new BadRequestResponse("You have no " + what + " named '" + name + "'.");
        }
        log.info("'{}' revoked the {} '{}'", viewer.name(), what, name);
        ctx.redirect(
                switch (scope) {
                    case API -> "/account#tokens";
                    case FEEDS -> "/account#feeds";
                    case APP -> "/account#apps";
                },
                HttpStatus.SEE_OTHER);
    }

    /**
     * {@code POST /account/password}: the current password (counted like a login, so a stolen session cannot guess
     * it), then the new one twice; the reader's other sessions end.
     */
    public void password(Context ctx) {
        Viewer viewer = signedIn(ctx);
        User user = changes.account(viewer.name());
        String current = ctx.formParam("current") == null ? "" : ctx.formParam("current");
        String chosen = ctx.formParam("password") == null ? "" : ctx.formParam("password");
        String problem = null;
        if (!chosen.equals(ctx.formParam("again"))) {
            problem = "The new password and its repetition differ: nothing was changed.";
        } else if (chosen.length() < Passwords.MIN_LENGTH) {
            problem = "A password needs at least " + Passwords.MIN_LENGTH + " characters: nothing was changed.";
        } else {
            try {
                if (!auth.checkOwnPassword(user, current, clock.instant())) {
                    problem = "That is not your current password (after " + Auth.LOCK_AFTER + " wrong ones it waits "
                            + Auth.LOCK_FOR.toMinutes() + " minutes): nothing was changed.";
                }
            } catch (LoginGuard.Busy e) {
                ctx.status(HttpStatus.SERVICE_UNAVAILABLE);
                render(ctx, null, "Sift is busy checking other logins: try again in a moment.");
                return;
            }
        }
        if (problem != null) {
            ctx.status(HttpStatus.BAD_REQUEST);
            render(ctx, null, problem);
            return;
        }
        changes.setPassword(AccountChanges.Actor.of(viewer), user, chosen, ctx.cookie(Auth.SESSION_COOKIE));
        ctx.redirect("/account?changed=password#password", HttpStatus.SEE_OTHER);
    }

    /** {@code POST /account/sign-out}: ends every session of the reader but this one. */
    public void signOutElsewhere(Context ctx) {
        Viewer viewer = signedIn(ctx);
        changes.signOutEverywhere(
                AccountChanges.Actor.of(viewer), changes.account(viewer.name()), ctx.cookie(Auth.SESSION_COOKIE));
        ctx.redirect("/account?changed=sessions#password", HttpStatus.SEE_OTHER);
    }

    /** A secret just made, shown this once. */
    public record Created(ApiTokenStore.Scope scope, String name, String token) {
        public boolean feed() {
            return scope == ApiTokenStore.Scope.FEEDS;
        }

        public boolean app() {
            return scope == ApiTokenStore.Scope.APP;
        }

        public boolean apiToken() {
            return scope == ApiTokenStore.Scope.API;
        }
    }

    private void render(Context ctx, Created created, String problem) {
        Viewer viewer = signedIn(ctx);
        pages.render(
                ctx,
                "account.jte",
                new AccountPage(
                        tokens.list(viewer.userId(), ApiTokenStore.Scope.API),
                        tokens.list(viewer.userId(), ApiTokenStore.Scope.FEEDS),
                        tokens.list(viewer.userId(), ApiTokenStore.Scope.APP),
                        created,
                        view(ctx),
                        baseUrl != null ? baseUrl : ctx.scheme() + "://" + ctx.host(),
                        ctx.queryParam("changed") == null ? "" : ctx.queryParam("changed"),
                        problem == null ? "" : problem,
                        clock.instant(),
                        users.digestSettings(viewer.userId()),
                        RiverFilter.TOPICS.stream().sorted().toList(),
                        mailConfigured,
                        TIME_ZONES));
    }

    /** The feed the reader came to subscribe to ("Subscribe to this view"): one of Sift's feed addresses, else all posts. */
    private static String view(Context ctx) {
        String view = ctx.queryParam("view") != null ? ctx.queryParam("view") : ctx.formParam("view");
        return view != null
                        && view.startsWith("/feeds/")
                        && view.length() <= 1000
                        && view.chars().noneMatch(c -> c < 0x20 || c == '#')
                ? view
                : DEFAULT_VIEW;
    }

    /** A feed address with the reader's secret: what a feed reader subscribes to. */
    public static String withSecret(String view, String token) {
        return view + (view.contains("?") ? "&" : "?") + "token=" + token;
    }

    /** The reader: {@link Auth} lets no change through without one, and {@link #page} asks for one. */
    private static Viewer signedIn(Context ctx) {
        Viewer viewer = Viewer.of(ctx);
        if (!viewer.signedIn()) {
            throw new IllegalStateException("the account page needs a signed-in reader");
        }
        return viewer;
    }

    /** When a token was made or used, for the token list. */
    public static String when(Instant at, Instant now) {
        return at == null ? "never" : Dates.shown(at, now).relative();
    }
}
