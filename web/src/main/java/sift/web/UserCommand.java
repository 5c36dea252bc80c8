package sift.web;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import sift.store.Database;
import sift.web.auth.Accounts;

/** {@code sift user add NAME [--admin] [--password-stdin]}: reader accounts from the command line. */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Manage reader accounts.",
        subcommands = UserCommand.Add.class)
final class UserCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a reader account. The password is asked for on the terminal (twice), or read from "
                    + "the first line of standard input with --password-stdin.")
    static final class Add implements Callable<Integer> {
        @Parameters(paramLabel = "NAME", description = "the login name: letters, digits, '.', '-', '_' or '@'")
        String name;

        @Option(names = "--admin", description = "may reach the admin pages")
        boolean admin;

        @Option(names = "--password-stdin", description = "read the password from standard input (first line)")
        boolean passwordStdin;

        @CommandLine.Mixin
        Main.DataOption data = new Main.DataOption();

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            String password = passwordStdin ? firstLine() : askTwice();
            SiftConfig config = data.config();
            try (Database db = Database.open(config.db())) {
                Accounts.add(db.users(), name, password, admin, Instant.now());
            }
            spec.commandLine().getOut().printf("Added %s '%s' to %s%n", admin ? "the admin" : "the reader", name,
                    config.db().describe());
            spec.commandLine().getOut().flush();
            return 0;
        }

        private static String firstLine() throws IOException {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null) {
                throw new IllegalArgumentException("--password-stdin: standard input is empty");
            }
            return line;
        }

        private String askTwice() {
            Console console = System.console();
            if (console == null) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "no terminal to ask for the password on: pipe it in with --password-stdin");
            }
            char[] first = console.readPassword("Password for %s: ", name);
            char[] second = console.readPassword("The same again: ");
            if (first == null || second == null || !Arrays.equals(first, second)) {
                throw new IllegalArgumentException("the two passwords differ; nothing was added");
            }
            return new String(first);
        }
    }
}
