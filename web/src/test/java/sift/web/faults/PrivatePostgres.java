package sift.web.faults;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import sift.store.DbSettings;

/**
 * A PostgreSQL server of the test's own (Debian's binaries, a fresh cluster in a temporary folder, on a free port
 * of 127.0.0.1), which the test may stop and start while Sift uses it. As root, the server runs as the
 * {@code postgres} user, as PostgreSQL requires.
 */
final class PrivatePostgres implements AutoCloseable {
    private final Path bin;
    private final Path root;
    private final int port;
    private final boolean asRoot = "root".equals(System.getProperty("user.name"));

    private PrivatePostgres(Path bin, Path root, int port) {
        this.bin = bin;
        this.root = root;
        this.port = port;
    }

    /** Makes and starts the server; CI fails without PostgreSQL's binaries, elsewhere the test is skipped. */
    static PrivatePostgres start() throws Exception {
        Path bin;
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            bin = versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(Path::toString))
                    .orElse(null);
        } catch (IOException e) {
            bin = null;
        }
        if (bin == null) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(
                        "CI runs the fault suite on PostgreSQL: no /usr/lib/postgresql/*/bin/initdb");
            }
            Assumptions.assumeTrue(false, "no PostgreSQL binaries in /usr/lib/postgresql");
        }
        Path root = Files.createTempDirectory("sift-pg-");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        PrivatePostgres pg = new PrivatePostgres(bin, root, port);
        if (pg.asRoot) {
            Files.setOwner(
                    root, root.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres"));
        }
        pg.run("initdb", "-D", pg.data().toString(), "-U", "sift", "--auth=trust", "-E", "UTF8", "--no-sync");
        pg.startServer();
        try (var c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "sift", "")) {
            c.createStatement().execute("CREATE DATABASE sift");
        }
        return pg;
    }

    DbSettings settings() {
        return new DbSettings("jdbc:postgresql://127.0.0.1:" + port + "/sift", "sift", "");
    }

    /** Stops the server as an operator's restart does ({@code pg_ctl stop -m fast}: sessions are ended). */
    void stopServer() throws Exception {
        run("pg_ctl", "-D", data().toString(), "-m", "fast", "-w", "stop");
    }

    void startServer() throws Exception {
        run(
                "pg_ctl",
                "-D",
                data().toString(),
                "-l",
                root.resolve("postgresql.log").toString(),
                "-w",
                "-o",
                "-p " + port + " -k " + root + " -c listen_addresses=127.0.0.1",
                "start");
    }

    private Path data() {
        return root.resolve("data");
    }

    private void run(String program, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        if (asRoot) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        root.resolve("pg_ctl.log").toFile()))
                .start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(program + " failed: " + String.join(" ", command) + "\n"
                    + Files.readString(root.resolve("pg_ctl.log")));
        }
    }

    @Override
    public void close() throws Exception {
        try {
            run("pg_ctl", "-D", data().toString(), "-m", "immediate", "-w", "stop");
        } catch (IllegalStateException alreadyStopped) {
            // stopped by the test
        }
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
