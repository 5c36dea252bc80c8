package sift.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Brings back an embedded database from a {@link Database#backupTo(Path)} zip, with Sift stopped. The backup
 * is unpacked beside the data (at most {@code maxBytes} of it), its schema read without H2 running it, refused
 * when it holds anything that runs code (a Java function, trigger or aggregate, a linked table, a table engine),
 * then opened (which also migrates an older schema) before anything is replaced; the database it replaces is kept,
 * renamed, so a restore loses nothing. H2 runs a trigger's code when it opens a database, so a zip from elsewhere is
 * read before it is opened.
 */
public final class H2Restore {
    private H2Restore() {}

    /** What a restore did: posts and feeds in the restored database, and where the replaced one went. */
    public record Report(int posts, int feeds, Path keptAs) {}

    /** The largest database a restore unpacks unless told otherwise. */
    public static final long DEFAULT_MAX_BYTES = 32L << 30;

    public static Report restore(Path zip, Path dataDir, long maxBytes, Instant now) {
        requireNotInUse(dataDir);
        Path staging = dataDir.resolve("restore-" + stamp(now));
        try {
            Files.createDirectories(staging);
            Path unpacked = DbSettings.embeddedFile(staging);
            unpack(zip, unpacked, maxBytes);
            H2Schema.requireNoCode(unpacked, zip);
            int posts;
            int feeds;
            try (Database restored = Database.open(DbSettings.embedded(staging))) {
                posts = restored.postChanges().count();
                feeds = restored.feeds().count();
            } catch (StoreException e) {
                throw new StoreException(zip + " holds no Sift database that opens: " + e.getMessage(), e);
            }
            Path current = DbSettings.embeddedFile(dataDir);
            Path keptAs = null;
            if (Files.exists(current)) {
                // still an H2 database by its name: jdbc:h2:file:DATA/sift-before-restore-STAMP opens it
                keptAs = dataDir.resolve("sift-before-restore-" + stamp(now) + ".mv.db");
                Files.move(current, keptAs, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(unpacked, current, StandardCopyOption.ATOMIC_MOVE);
            return new Report(posts, feeds, keptAs);
        } catch (IOException e) {
            throw new StoreException("cannot restore " + zip + " into " + dataDir + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(staging);
        }
    }

    /**
     * Copies the one database file out of the zip, at most {@code maxBytes} of it; any other entry (or none) means it
     * is not a backup.
     */
    private static void unpack(Path zip, Path target, long maxBytes) throws IOException {
        String name = target.getFileName().toString();
        boolean found = false;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals(name) && !found) {
                    copy(in, target, maxBytes, zip);
                    found = true;
                }
            }
        } catch (ZipException e) {
            throw new StoreException(zip + " is not a Sift backup (not a zip file: " + e.getMessage() + ")", e);
        }
        if (!found) {
            throw new StoreException(zip + " is not a Sift backup: it has no " + name, null);
        }
    }

    private static void copy(InputStream in, Path target, long maxBytes, Path zip) throws IOException {
        long usable = Files.getFileStore(target.getParent()).getUsableSpace();
        long copied = 0;
        byte[] buffer = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(target)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                copied += n;
                if (copied > maxBytes) {
                    throw new StoreException(
                            zip + " holds a database of over " + maxBytes / (1 << 20) + " MB, more "
                                    + "than this restore takes: pass --max-size to take more",
                            null);
                }
                if (copied > usable) {
                    throw new StoreException(
                            zip + " holds a database larger than the free space of " + target.getParent() + " ("
                                    + usable / (1 << 20) + " MB)",
                            null);
                }
                out.write(buffer, 0, n);
            }
        }
    }

    private static void requireNotInUse(Path dataDir) {
        if (!Files.exists(DbSettings.embeddedFile(dataDir))) {
            return;
        }
        try (Database current = Database.open(DbSettings.embedded(dataDir))) {
            current.describe();
        } catch (StoreException e) {
            if (e.inUse()) {
                throw StoreException.inUse("stop Sift before restoring: " + e.getMessage(), e);
            }
            // a database that does not open is what restores are for: it is kept aside all the same
        }
    }

    private static String stamp(Instant now) {
        return DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(ZoneOffset.UTC)
                .format(now);
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // leftovers of a failed restore are harmless; the next restore uses a new folder
        }
    }
}
