package sift.web;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import sift.store.Database;

/** The options the commands of {@code sift} share, and the one way a command opens the database. */
public final class CommandOptions {
    private CommandOptions() {}

    /** {@code --data}: every command that touches stored data takes it. */
    public static final class DataOption {
        @Option(names = "--data", paramLabel = "DIR", description = "data folder (default: ./data, or SIFT_DATA)")
        public Path data;

        /** The configuration of a command that is not {@code serve}: flags and {@code SIFT_*} variables. */
        public SiftConfig config() {
            return SiftConfig.from(data, null, false, System.getenv());
        }
    }

    /** {@code --allow-private} of the commands that fetch feeds. */
    public static final class AllowPrivate {
        @Option(
                names = "--allow-private",
                description = "fetch feeds from loopback and private addresses too (or SIFT_ALLOW_PRIVATE=true)")
        boolean allowPrivate;

        public SiftConfig apply(SiftConfig config) {
            return allowPrivate ? config.withIngest(config.ingest().withAllowPrivate(true)) : config;
        }
    }

    /** CPU time this process has used so far, on all its threads, in nanoseconds. */
    public static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The database of this configuration, its data folder made first (an embedded database lives in it). */
    public static Database open(SiftConfig config) throws IOException {
        Files.createDirectories(config.dataDir());
        return Database.open(config.db());
    }
}
