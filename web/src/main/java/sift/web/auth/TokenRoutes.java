package sift.web.auth;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sift.store.Sql;
import sift.store.user.ApiTokenStore;
import sift.web.Dates;
import sift.web.Pages;

/**
 * {@code GET /account}: the reader's API tokens; {@code POST /account/tokens} makes one (shown once, on the page
 * that answers), {@code POST /account/tokens/revoke} revokes one. Only for a signed-in reader.
 */
public final class TokenRoutes {
    private static final Logger log = LoggerFactory.getLogger(TokenRoutes.class);

    private final ApiTokenStore tokens;
    private final Pages pages;
    private final Clock clock;

    public TokenRoutes(ApiTokenStore tokens, Pages pages, Clock clock) {
        this.tokens = tokens;
        this.pages = pages;
        this.clock = clock;
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
