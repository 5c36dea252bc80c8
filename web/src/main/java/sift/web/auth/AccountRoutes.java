package sift.web.auth;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sift.store.Sql;
import sift.store.post.RiverFilter;
import sift.store.user.ApiTokenStore;
import sift.store.user.DigestSettings;
import sift.store.user.UserStore;
import sift.web.Dates;
import sift.web.Pages;

/**
 * {@code GET /account}: the reader's digest settings, feed addresses and API tokens. {@code POST /account/digest}
 * saves the digest settings; {@code POST /account/feeds/reset} gives the feed addresses a new secret;
 * {@code POST /account/tokens} makes an API token (shown once, on the page that answers),
 * {@code POST /account/tokens/revoke} revokes one. Only for a signed-in reader.
 */
public final class AccountRoutes {
    private static final Logger log = LoggerFactory.getLogger(AccountRoutes.class);

    private final ApiTokenStore tokens;
    private final UserStore users;
    private final boolean mailConfigured;
    private final Pages pages;
    private final Clock clock;

    /** @param mailConfigured whether the admin configured an SMTP server, without which no digest is e-mailed */
    public AccountRoutes(ApiTokenStore tokens, UserStore users, boolean mailConfigured, Pages pages, Clock clock) {
        this.tokens = tokens;
        this.users = users;
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
        } catch (IllegalArgumentException | DateTimeException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            render(ctx, null, e.getMessage());
            return;
        }
        users.saveDigestSettings(viewer.userId(), settings);
        log.info("'{}' set the digest to {}:00 {}, topics {}, by e-mail {}", viewer.name(), settings.hour(),
                settings.timeZone(), settings.topics(), settings.byEmail());
        ctx.redirect("/account#digest", HttpStatus.SEE_OTHER);
    }

    private static DigestSettings digestSettings(Context ctx) {
        String zone = ctx.formParam("timeZone") == null ? "" : ctx.formParam("timeZone").strip();
        if (zone.isEmpty() || zone.length() > 64) {
            throw new IllegalArgumentException("The time zone is missing: write one such as Europe/Zurich or UTC.");
        }
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + zone + "' is not a time zone Sift knows: write one such as Europe/Zurich or UTC.");
        }
        int hour;
        try {
            hour = Integer.parseInt(ctx.formParam("hour") == null ? "" : ctx.formParam("hour").strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The digest hour must be a whole number from 0 to 23.");
        }
        List<String> topics = ctx.formParams("topic");
        for (String topic : topics) {
            if (!RiverFilter.TOPICS.contains(topic)) {
                throw new IllegalArgumentException("'" + topic + "' is not one of Sift's topics " + RiverFilter.TOPICS + ".");
            }
        }
        String email = ctx.formParam("email") == null ? "" : ctx.formParam("email").strip();
        if (!email.isEmpty() && (email.length() > 254 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            throw new IllegalArgumentException("'" + email + "' is not an e-mail address.");
        }
        boolean byEmail = "true".equals(ctx.formParam("byEmail"));
        if (byEmail && email.isEmpty()) {
            throw new IllegalArgumentException("A digest by e-mail needs your e-mail address.");
        }
        return new DigestSettings(zone, hour, topics, email.isEmpty() ? null : email, byEmail);
    }

    /** A new secret for the reader's feed addresses: the old ones stop working. */
    public void resetFeeds(Context ctx) {
        Viewer viewer = signedIn(ctx);
        users.resetFeedToken(viewer.userId());
        log.info("'{}' reset the secret of the feed addresses", viewer.name());
        ctx.redirect("/account#feeds", HttpStatus.SEE_OTHER);
    }

    public void page(Context ctx) {
        if (!Viewer.of(ctx).signedIn()) {
            // a public reader lets anyone read pages; an account page needs an account
            ctx.redirect("/login?next=/account", HttpStatus.SEE_OTHER);
            return;
        }
        render(ctx, null, null);
    }

    public void create(Context ctx) {
        Viewer viewer = signedIn(ctx);
        String name = ctx.formParam("name") == null ? "" : ctx.formParam("name").strip();
        if (name.isEmpty() || name.length() > 100 || name.chars().anyMatch(Character::isISOControl)) {
            ctx.status(HttpStatus.BAD_REQUEST);
            render(ctx, null, "A token needs a name of 1 to 100 printable characters, such as the laptop it is for.");
            return;
        }
        try {
            String token = tokens.create(viewer.userId(), name, clock.instant());
            log.info("'{}' made the API token '{}'", viewer.name(), name);
            render(ctx, Map.of("name", name, "token", token), null);
        } catch (RuntimeException e) {
            if (!Sql.uniqueViolation(e)) {
                throw e;
            }
            ctx.status(HttpStatus.CONFLICT);
            render(ctx, null, "You already have a token named '" + name + "': revoke it first, or choose another name.");
        }
    }

    public void revoke(Context ctx) {
        Viewer viewer = signedIn(ctx);
        String name = ctx.formParam("name");
        if (name == null || !tokens.revoke(viewer.userId(), name)) {
            throw new BadRequestResponse("You have no API token named '" + name + "'.");
        }
        log.info("'{}' revoked the API token '{}'", viewer.name(), name);
        ctx.redirect("/account", HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, Map<String, String> created, String problem) {
        Viewer viewer = signedIn(ctx);
        Map<String, Object> params = new HashMap<>();
        params.put("tokens", tokens.list(viewer.userId()));
        params.put("created", created == null ? Map.of() : created);
        params.put("problem", problem == null ? "" : problem);
        params.put("now", clock.instant());
        params.put("digest", users.digestSettings(viewer.userId()));
        params.put("feedToken", users.feedToken(viewer.userId()));
        params.put("topics", RiverFilter.TOPICS.stream().sorted().toList());
        params.put("mailConfigured", mailConfigured);
        pages.render(ctx, "account.jte", params);
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
