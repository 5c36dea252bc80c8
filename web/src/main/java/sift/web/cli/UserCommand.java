package sift.web.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import sift.store.Database;
import sift.store.StoreException;
import sift.store.user.User;
import sift.web.CommandOptions;
import sift.web.CommandOptions.DataOption;
import sift.web.SiftConfig;
import sift.web.auth.AccountChanges;
import sift.web.http.BadInput;

/**
 * {@code sift user add|password|disable|enable|sign-out|delete|list}: reader accounts from the command line, each
 * change audited as done by the command line. On the embedded database Sift must be stopped (the admin pages, Admin
 * &gt; Accounts, do the same while it runs).
 */
@Command(
        name = "user",
        mixinStandardHelpOptions = true,
        description = "Manage reader accounts.",
        subcommands = {
            UserCommand.Add.class,
            UserCommand.Password.class,
            UserCommand.Disable.class,
            UserCommand.Enable.class,
            UserCommand.SignOut.class,
            UserCommand.Delete.class,
            UserCommand.ListUsers.class
        })
public final class UserCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /** What every account command shares: the data folder, the database opened, and the audited changes. */
    abstract static class AccountCommand implements Callable<Integer> {
        @CommandLine.Mixin
        DataOption data = new DataOption();

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public final Integer call() throws IOException {
            SiftConfig config = data.config();
            try (Database db = CommandOptions.open(config)) {
                String done = change(
                        AccountChanges.withoutCache(db.users(), db.sessions(), db.audit(), Clock.systemUTC()), db);
                PrintWriter out = spec.commandLine().getOut();
                out.println(done + " (" + config.db().describe() + ")");
                out.flush();
            } catch (StoreException e) {
                if (e.inUse()) {
                    throw new StoreException(
                            e.getMessage() + ": stop Sift first, or change accounts on its admin "
                                    + "pages (Admin > Accounts)",
                            e);
                }
                throw e;
            }
            return 0;
        }

        /** Makes the change and says what was done. */
        abstract String change(AccountChanges changes, Database db) throws IOException;

        /** A password from the first line of standard input, or asked twice on the terminal. */
        String password(boolean fromStdin, String forWhom) throws IOException {
            if (fromStdin) {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (line == null) {
                    throw new BadInput("--password-stdin: standard input is empty");
                }
                return line;
            }
            Console console = System.console();
            if (console == null) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "no terminal to ask for the password on: pipe it in with --password-stdin");
            }
            char[] first = console.readPassword("Password for %s: ", forWhom);
            char[] second = console.readPassword("The same again: ");
            if (first == null || second == null || !Arrays.equals(first, second)) {
                throw new BadInput("the two passwords differ; nothing was changed");
            }
            return new String(first);
        }
    }

    /** A command about one account, named on the command line. */
    abstract static class OneAccount extends AccountCommand {
        @Parameters(paramLabel = "NAME", description = "the account")
        String name;
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = "Add a reader account. The password is asked for on the terminal (twice), or read from "
                    + "the first line of standard input with --password-stdin.")
    static final class Add extends AccountCommand {
        @Parameters(paramLabel = "NAME", description = "the login name: letters, digits, '.', '-', '_' or '@'")
        String name;

        @Option(names = "--admin", description = "may reach the admin pages")
        boolean admin;

        @Option(names = "--password-stdin", description = "read the password from standard input (first line)")
        boolean passwordStdin;

        @Override
        String change(AccountChanges changes, Database db) throws IOException {
            changes.add(AccountChanges.Actor.COMMAND_LINE, name, password(passwordStdin, name), admin);
            return "Added " + (admin ? "the admin" : "the reader") + " '" + name + "'";
        }
    }

    @Command(
            name = "password",
            mixinStandardHelpOptions = true,
            description = "Give an account a new password (also the first admin's) and end its sessions; a lock after "
                    + "failed logins ends too.")
    static final class Password extends OneAccount {
        @Option(names = "--password-stdin", description = "read the password from standard input (first line)")
        boolean passwordStdin;

        @Override
        String change(AccountChanges changes, Database db) throws IOException {
            User user = changes.account(name);
            changes.setPassword(AccountChanges.Actor.COMMAND_LINE, user, password(passwordStdin, name), null);
            return "'" + name + "' has a new password; its sessions ended";
        }
    }

    @Command(
            name = "disable",
            mixinStandardHelpOptions = true,
            description = "Disable an account: its sessions end, it cannot sign in, its API tokens and feed addresses "
                    + "stop working (until enabled again).")
    static final class Disable extends OneAccount {
        @Override
        String change(AccountChanges changes, Database db) {
            changes.disable(AccountChanges.Actor.COMMAND_LINE, changes.account(name));
            return "Disabled '" + name + "'";
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enable a disabled account again.")
    static final class Enable extends OneAccount {
        @Override
        String change(AccountChanges changes, Database db) {
            changes.enable(AccountChanges.Actor.COMMAND_LINE, changes.account(name));
            return "Enabled '" + name + "'";
        }
    }

    @Command(name = "sign-out", mixinStandardHelpOptions = true, description = "End every session of an account.")
    static final class SignOut extends OneAccount {
        @Override
        String change(AccountChanges changes, Database db) {
            int ended = changes.signOutEverywhere(AccountChanges.Actor.COMMAND_LINE, changes.account(name), null);
            return "Ended " + ended + " sessions of '" + name + "'";
        }
    }

    @Command(
            name = "delete",
            mixinStandardHelpOptions = true,
            description = "Delete an account with its sessions, tokens, reading state and saved searches.")
    static final class Delete extends OneAccount {
        @Override
        String change(AccountChanges changes, Database db) {
            changes.delete(AccountChanges.Actor.COMMAND_LINE, changes.account(name));
            return "Deleted '" + name + "'";
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the accounts, one a line.")
    static final class ListUsers extends AccountCommand {
        @Override
        String change(AccountChanges changes, Database db) {
            StringBuilder out = new StringBuilder();
            for (User user : db.users().all()) {
                out.append(user.name())
                        .append('\t')
                        .append(user.admin() ? "admin" : "reader")
                        .append('\t')
                        .append(user.disabled() ? "disabled" : "enabled")
                        .append('\n');
            }
            return out + "" + db.users().count() + " accounts";
        }
    }
}
