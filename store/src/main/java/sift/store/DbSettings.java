package sift.store;

import java.nio.file.Path;
import java.util.Objects;

/** Where the database is: a JDBC URL and credentials. H2 in the data folder unless configured otherwise. */
public record DbSettings(String url, String user, String password) {
    private static final String EMBEDDED_NAME = "sift";

    /** How long a caller waits for a connection before it fails, the database being down or every connection busy. */
    public static final java.time.Duration CONNECTION_TIMEOUT = java.time.Duration.ofSeconds(3);

    public DbSettings {
        Objects.requireNonNull(url, "url");
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("unsupported database URL '" + url
                    + "': Sift runs on H2 (jdbc:h2:...) or PostgreSQL (jdbc:postgresql:...)");
        }
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }

    /**
     * The embedded default: an H2 file database {@code sift.mv.db} in the data folder. H2's own shutdown
     * hook is off, so that Sift closes the database itself after in-flight writes have finished; and a
     * commit reaches the file at once ({@code WRITE_DELAY=0}, where H2 waits half a second by default), so
     * that a killed process loses no committed post. Closing does not compact the file
     * ({@code MAX_COMPACT_TIME=0}): that took over a second at every end of {@code ingest --once} on 10,000
     * posts, while H2's background writer keeps compacting as the database runs (docs/BENCHMARKS.md). H2's page
     * cache gets a quarter of the heap (64 MB to 1 GB; H2's default is 64 MB): river pages deep in an archive read
     * posts from all over the file, and with the default cache a 100,000-post river served a tenth as many deep
     * pages a second.
     */
    public static DbSettings embedded(Path dataDir) {
        String file = dataDir.toAbsolutePath().resolve(EMBEDDED_NAME).toString();
        long cacheKb =
                Math.max(64 * 1024, Math.min(1024 * 1024, Runtime.getRuntime().maxMemory() / 4 / 1024));
        return new DbSettings(
                "jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;MAX_COMPACT_TIME=0" + ";CACHE_SIZE="
                        + cacheKb,
                "sa",
                "");
    }

    /** The file of the {@link #embedded(Path)} database in a data folder. */
    public static Path embeddedFile(Path dataDir) {
        return dataDir.resolve(EMBEDDED_NAME + ".mv.db");
    }

    /** True for an H2 file database, such as {@link #embedded(Path)}. */
    public boolean embedded() {
        return url.startsWith("jdbc:h2:file:");
    }

    /** The URL without credentials or options, fit for a log line or the health page. */
    public String describe() {
        int options = url.indexOf(';');
        String bare = options < 0 ? url : url.substring(0, options);
        int query = bare.indexOf('?');
        return query < 0 ? bare : bare.substring(0, query);
    }
}
