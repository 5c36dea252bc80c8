package sift.ingest.refresh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The room ingest leaves on the disk of the data folder: below {@code minFreeBytes} it takes no more feeds, so that
 * the database and the search index never meet a full disk mid-write (H2 closes the database when a write fails),
 * and readers go on reading.
 */
public record FreeSpace(Path folder, long minFreeBytes) {
    /** No check: for tests and tools that write nothing lasting. */
    public static FreeSpace unchecked() {
        return new FreeSpace(null, 0);
    }

    /** Empty while there is room; else what is short, in words that name the folder. */
    public Optional<String> shortage() {
        if (folder == null || minFreeBytes <= 0) {
            return Optional.empty();
        }
        Path existing = folder.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            long usable = existing == null
                    ? Long.MAX_VALUE
                    : Files.getFileStore(existing).getUsableSpace();
            return usable >= minFreeBytes
                    ? Optional.empty()
                    : Optional.of(String.format(
                            "%,d MB free in %s, where Sift keeps %,d MB free (SIFT_MIN_FREE_MB)",
                            usable >> 20, folder.toAbsolutePath(), minFreeBytes >> 20));
        } catch (IOException e) {
            return Optional.empty(); // a file system that cannot say: ingest goes on, as it did
        }
    }
}
