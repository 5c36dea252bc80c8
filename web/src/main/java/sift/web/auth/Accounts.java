package sift.web.auth;

import java.time.Instant;
import java.util.regex.Pattern;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sift.store.user.SessionStore;
import sift.store.user.UserStore;
import sift.web.http.BadInput;

/** Reader accounts: adding one ({@code sift user add}), and the first admin when Sift starts without any. */
public final class Accounts {
    private static final Logger log = LoggerFactory.getLogger(Accounts.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,100}");
    /** The name of the admin made on the first start. */
    public static final String FIRST_ADMIN = "admin";

    private Accounts() {}

    /**
     * Adds an account; a name of 1-100 letters, digits, dots, dashes, underscores or @, a password of at least
     * {@value Passwords#MIN_LENGTH} characters, and a name not taken, else a {@link BadInput}
     * that says which.
     */
    public static long add(UserStore users, String name, String password, boolean admin, Instant now) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new BadInput("a user name is 1-100 letters, digits, '.', '-', '_' or '@', not '" + name + "'");
        }
        if (users.find(name).isPresent()) {
            throw new BadInput("there is already a user named '" + name + "'");
        }
        return users.add(name, Passwords.hash(password), admin, now);
    }

    /**
     * On a start without any account: makes the admin {@value #FIRST_ADMIN}, with {@code password} (from
     * {@code SIFT_ADMIN_PASSWORD}) or a random one that the log shows this once.
     */
    public static void ensureAdmin(UserStore users, String password, Instant now) {
        if (users.count() > 0) {
            return;
        }
        String chosen = password != null ? password : SessionStore.randomToken().substring(0, 20);
        try {
            add(users, FIRST_ADMIN, chosen, true, now);
        } catch (UnableToExecuteStatementException e) {
            if (users.find(FIRST_ADMIN).isPresent()) {
                return; // another node sharing the database made it first
            }
            throw e;
        }
        if (password != null) {
            log.info("Created the admin account '{}' with the password from SIFT_ADMIN_PASSWORD", FIRST_ADMIN);
        } else {
            log.warn(
                    "Created the admin account '{}' with the password {} (shown this once: note it now; add other "
                            + "accounts with ./sift user add NAME)",
                    FIRST_ADMIN,
                    chosen);
        }
    }
}
