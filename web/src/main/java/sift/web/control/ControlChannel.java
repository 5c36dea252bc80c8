package sift.web.control;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sift.store.Database;
import sift.store.StoreException;

/**
 * How the command line reaches a running Sift that holds the embedded database open, so that {@code sift
 * backup} works while Sift serves: a loopback-only HTTP listener, guarded by a random token that the server
 * writes to {@code DATA/control.properties} (readable by its owner only). Whoever can read the data folder
 * can copy the database anyway; nobody else can use the channel.
 */
public final class ControlChannel implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ControlChannel.class);
    private static final String FILE = "control.properties";

    private final HttpServer server;
    private final Path file;
    private final String token;

    private ControlChannel(HttpServer server, Path file, String token) {
        this.server = server;
        this.file = file;
        this.token = token;
    }

    public static ControlChannel open(Path dataDir, Database db) {
        removeUnfinishedBackups(dataDir);
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String token = HexFormat.of().formatHex(secret);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
            Path file = dataDir.resolve(FILE);
            ControlChannel channel = new ControlChannel(server, file, token);
            server.createContext("/backup", exchange -> channel.backup(exchange, dataDir, db));
            server.start();
            channel.writeFile(dataDir);
            return channel;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the control channel of " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /** A backup cut short by a crash leaves its temporary file behind; no running Sift owns it any more. */
    private static void removeUnfinishedBackups(Path dataDir) {
        try (DirectoryStream<Path> left = Files.newDirectoryStream(dataDir, "backup-*.zip.tmp")) {
            for (Path file : left) {
                Files.deleteIfExists(file);
                log.warn("Removed {}, a backup cut short when Sift last stopped", file);
            }
        } catch (IOException e) {
            log.warn("Cannot remove the unfinished backups in {}: {}", dataDir, e.getMessage());
        }
    }

    private void writeFile(Path dataDir) throws IOException {
        Properties props = new Properties();
        props.setProperty("port", String.valueOf(server.getAddress().getPort()));
        props.setProperty("token", token);
        Path temp = Files.createTempFile(dataDir, "control", ".tmp");
        try {
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the folder's own permissions guard the file
        }
        try (OutputStream out = Files.newOutputStream(temp)) {
            props.store(out, "How sift backup reaches this running Sift; rewritten at every start");
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void backup(HttpExchange exchange, Path dataDir, Database db) throws IOException {
        try (exchange) {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth == null
                    || !MessageDigest.isEqual(
                            auth.getBytes(StandardCharsets.UTF_8),
                            ("Bearer " + token).getBytes(StandardCharsets.UTF_8))) {
                reply(exchange, 403, "wrong or missing token");
                return;
            }
            Path zip = dataDir.resolve("backup-" + System.nanoTime() + ".zip.tmp");
            try {
                db.backupTo(zip);
                exchange.getResponseHeaders().set("Content-Type", "application/zip");
                exchange.sendResponseHeaders(200, Files.size(zip));
                try (OutputStream out = exchange.getResponseBody()) {
                    Files.copy(zip, out);
                }
                log.info("Backup of {} sent to sift backup ({} bytes)", db.describe(), Files.size(zip));
            } catch (StoreException e) {
                reply(exchange, 500, e.getMessage());
            } finally {
                Files.deleteIfExists(zip);
            }
        }
    }

    private static void reply(HttpExchange exchange, int status, String message) throws IOException {
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    /**
     * Asks the Sift running on this data folder for a backup and writes it to {@code target}. Fails, naming
     * the folder, when no Sift answers there.
     */
    public static void requestBackup(Path dataDir, Path target) {
        Path file = dataDir.resolve(FILE);
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            props.load(in);
        } catch (NoSuchFileException e) {
            throw new StoreException(
                    "the database in " + dataDir + " is in use, but no running Sift left " + file
                            + " to ask for a backup",
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        URI uri = URI.create("http://127.0.0.1:" + props.getProperty("port") + "/backup");
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + props.getProperty("token"))
                .timeout(Duration.ofMinutes(30))
                .build();
        Path temp = target.resolveSibling(target.getFileName() + ".part");
        try {
            HttpResponse<Path> response = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build()
                    .send(request, HttpResponse.BodyHandlers.ofFile(temp));
            if (response.statusCode() != 200) {
                String reason = Files.readString(temp);
                throw new StoreException("the running Sift refused the backup: " + reason, null);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StoreException(
                    "the database in " + dataDir + " is in use, but the Sift running on it did" + " not answer at "
                            + uri + ": " + e.getMessage(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for the backup from " + uri, e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                log.warn("Could not delete {}: {}", temp, e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", file, e.getMessage());
        }
    }
}
