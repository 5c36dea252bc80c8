package sift.web.auth;

import java.time.Clock;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sift.store.AuditStore;
import sift.store.user.SessionStore;
import sift.store.user.User;
import sift.store.user.UserStore;
import sift.web.http.BadInput;
import sift.web.http.Viewer;

/**
 * Taking an account back: a new password (the reader's own, or set by an admin), disabling and enabling, deleting,
 * and signing out everywhere. Each is audited with who did it; a new password and disabling end the account's
 * sessions. The last enabled admin can be neither disabled nor deleted. The command line and the pages use this
 * alike.
 */
public final class AccountChanges {
    private static final Logger log = LoggerFactory.getLogger(AccountChanges.class);

    /** Who makes a change: an account (its id and name) or the command line (no id). */
    public record Actor(Long userId, String name) {
        public static final Actor COMMAND_LINE = new Actor(null, "command line");

        public static Actor of(Viewer viewer) {
            return new Actor(viewer.userId(), viewer.name());
        }
    }

    private final UserStore users;
    private final SessionStore sessions;
    private final AuditStore audit;
    private final LongConsumer forgetSessions;
    private final Clock clock;

    /** @param forgetSessions forgets at once the sessions of an account that this process remembers */
    public AccountChanges(
            UserStore users, SessionStore sessions, AuditStore audit, LongConsumer forgetSessions, Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.audit = audit;
        this.forgetSessions = forgetSessions;
        this.clock = clock;
    }

    /** For the command line, where no session is remembered. */
    public static AccountChanges withoutCache(UserStore users, SessionStore sessions, AuditStore audit, Clock clock) {
        return new AccountChanges(users, sessions, audit, id -> {}, clock);
    }

    /** The account of that name, else a {@link BadInput} that names it. */
    public User account(String name) {
        return users.find(name).orElseThrow(() -> new BadInput("there is no account named '" + name + "'"));
    }

    /**
     * Gives the account a new password and ends its sessions, but for {@code keptSession} (the reader changing the
     * own password stays signed in here); a lock after failed logins ends too.
     */
    public void setPassword(Actor actor, User target, String password, String keptSession) {
        users.changePassword(target.id(), Passwords.hash(password));
        int ended = endSessions(target, keptSession);
        boolean own = Long.valueOf(target.id()).equals(actor.userId());
        record(
                actor,
                own ? "account.password-change" : "account.password-reset",
                target,
                ended + " other sessions ended");
    }

    public void disable(Actor actor, User target) {
        requireNotLastAdmin(target, "disable");
        users.setDisabled(target.id(), true, clock.instant());
        forgetSessions.accept(target.id());
        record(actor, "account.disable", target, "its sessions ended; its API tokens and feed addresses stop working");
    }

    public void enable(Actor actor, User target) {
        users.setDisabled(target.id(), false, clock.instant());
        record(actor, "account.enable", target, null);
    }

    public void delete(Actor actor, User target) {
        requireNotLastAdmin(target, "delete");
        users.delete(target.id());
        forgetSessions.accept(target.id());
        record(actor, "account.delete", target, "with its sessions, tokens, reading state and saved searches");
    }

    /** Ends every session of the account but {@code keptSession} (null: every one); returns how many. */
    public int signOutEverywhere(Actor actor, User target, String keptSession) {
        int ended = endSessions(target, keptSession);
        record(actor, "account.sign-out-everywhere", target, ended + " sessions ended");
        return ended;
    }

    /** Adds an account ({@link Accounts#add}), audited. */
    public User add(Actor actor, String name, String password, boolean admin) {
        Accounts.add(users, name, password, admin, clock.instant());
        User added = account(name);
        record(actor, "account.add", added, admin ? "an admin" : "a reader");
        return added;
    }

    private int endSessions(User target, String keptSession) {
        int ended = sessions.closeAll(target.id(), keptSession);
        forgetSessions.accept(target.id());
        return ended;
    }

    private void requireNotLastAdmin(User target, String what) {
        if (target.admin() && users.lastAdmin(target.id())) {
            throw new BadInput("'" + target.name() + "' is the last admin: make another admin before you " + what
                    + " this account");
        }
    }

    private void record(Actor actor, String action, User target, String detail) {
        audit.record(actor.userId(), actor.name(), action, "account " + target.name(), detail, clock.instant());
        log.info("{} ({}): {}{}", action, actor.name(), target.name(), detail == null ? "" : ", " + detail);
    }
}
