package sift.web.admin;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.util.Map;
import sift.store.user.SessionStore;
import sift.store.user.User;
import sift.store.user.UserStore;
import sift.web.auth.AccountChanges;
import sift.web.http.BadInput;
import sift.web.http.Fields;
import sift.web.http.Pages;
import sift.web.http.Viewer;

/**
 * {@code /admin/users}: every account, and taking one back: add one, set a new password (typed, or made and shown
 * once), disable or enable it, sign it out everywhere, delete it. Each change is audited; an admin cannot disable
 * or delete the own account here (another admin, or the command line, can), nor the last admin.
 */
public final class UserRoutes {
    private final UserStore users;
    private final AccountChanges changes;
    private final Pages pages;
    private final Clock clock;

    public UserRoutes(UserStore users, AccountChanges changes, Pages pages, Clock clock) {
        this.users = users;
        this.changes = changes;
        this.pages = pages;
        this.clock = clock;
    }

    /** {@code GET /admin/users}. */
    public void page(Context ctx) {
        render(ctx, HttpStatus.OK, null, null);
    }

    /** {@code POST /admin/users}: a new account, its password typed or made here (then shown once). */
    public void add(Context ctx) {
        Map<String, String> fields = Fields.of(ctx);
        String name = fields.getOrDefault("name", "").strip();
        String password = password(fields);
        act(
                ctx,
                () -> changes.add(actor(ctx), name, password, "true".equals(fields.get("admin"))),
                made(fields, name, password, "'" + name + "' is added."));
    }

    /** {@code POST /admin/users/{id}/{action}}: password, disable, enable, sign-out, delete. */
    public void change(Context ctx) {
        User target = users.find(Fields.wholeNumber("id", ctx.pathParam("id")))
                .orElseThrow(() -> new NotFoundResponse("There is no account " + ctx.pathParam("id") + "."));
        Viewer viewer = Viewer.of(ctx);
        String action = ctx.pathParam("action");
        boolean self = target.id() == viewer.userId();
        switch (action) {
            case "password" -> {
                Map<String, String> fields = Fields.of(ctx);
                String password = password(fields);
                act(
                        ctx,
                        () -> changes.setPassword(actor(ctx), target, password, null),
                        made(fields, target.name(), password, "'" + target.name() + "' has a new password.")
                                + " Every session of the account ended.");
            }
            case "disable" ->
                act(
                        ctx,
                        () -> {
                            refuseSelf(self, "disable");
                            changes.disable(actor(ctx), target);
                        },
                        "'" + target.name()
                                + "' is disabled: its sessions ended, its tokens and feed addresses stop working.");
            case "enable" ->
                act(ctx, () -> changes.enable(actor(ctx), target), "'" + target.name() + "' is enabled again.");
            case "sign-out" ->
                act(
                        ctx,
                        () -> changes.signOutEverywhere(actor(ctx), target, null),
                        "Every session of '" + target.name() + "' ended.");
            case "delete" ->
                act(
                        ctx,
                        () -> {
                            refuseSelf(self, "delete");
                            if (!target.name().equals(Fields.of(ctx).get("confirm"))) {
                                throw new BadInput("type the account's name, '" + target.name()
                                        + "', to delete it: nothing was deleted");
                            }
                            changes.delete(actor(ctx), target);
                        },
                        "'" + target.name() + "' is deleted.");
            default ->
                throw new NotFoundResponse("An account can be given a password, disabled, enabled, signed out "
                        + "or deleted, not '" + action + "'.");
        }
    }

    private static void refuseSelf(boolean self, String what) {
        if (self) {
            throw new BadInput("you cannot " + what + " your own account here: ask another admin, or "
                    + "use ./sift user on the server");
        }
    }

    /** The password an admin typed (checked when it is set), or a new random one. */
    private static String password(Map<String, String> fields) {
        String typed = fields.getOrDefault("password", "");
        return typed.isBlank() ? SessionStore.randomToken().substring(0, 16) : typed;
    }

    /** What the page says of a password set: the one Sift made, shown this once, else {@code typed}. */
    private static String made(Map<String, String> fields, String name, String password, String typed) {
        return fields.getOrDefault("password", "").isBlank()
                ? "'" + name + "' can sign in with the password " + password + " (shown this once)."
                : typed;
    }

    private void act(Context ctx, Runnable change, String done) {
        try {
            change.run();
        } catch (BadInput e) {
            render(
                    ctx,
                    HttpStatus.BAD_REQUEST,
                    null,
                    Character.toUpperCase(e.getMessage().charAt(0))
                            + e.getMessage().substring(1) + ".");
            return;
        }
        render(ctx, HttpStatus.OK, done, null);
    }

    private static AccountChanges.Actor actor(Context ctx) {
        return AccountChanges.Actor.of(Viewer.of(ctx));
    }

    private void render(Context ctx, HttpStatus status, String done, String problem) {
        ctx.status(status);
        pages.render(
                ctx,
                "admin/users.jte",
                new UsersPage(users.all(), done == null ? "" : done, problem == null ? "" : problem, clock.instant()));
    }
}
