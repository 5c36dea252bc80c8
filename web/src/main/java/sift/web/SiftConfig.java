package sift.web;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import sift.ingest.Ingestion;
import sift.ingest.fetch.FetchSettings;
import sift.ingest.refresh.FreeSpace;
import sift.nlp.Analyzer;
import sift.nlp.hype.StanceModel;
import sift.store.Database;
import sift.store.DbSettings;
import sift.web.auth.Passwords;
import sift.web.digest.Smtp;
import sift.web.http.BadInput;
import sift.web.http.TrustedProxies;

/**
 * Everything Sift is configured with, read once at start from flags and {@code SIFT_*} variables, validated,
 * then passed by constructor. Flags win over variables; variables win over defaults.
 */
public record SiftConfig(
        Path dataDir,
        Http http,
        DbSettings db,
        Ingest ingest,
        Duration retention,
        boolean demo,
        int hypeThreshold,
        Accounts accounts,
        Outbound outbound) {
    /** The hype score from which an AI claim is called hype, unless {@code SIFT_HYPE_THRESHOLD} says otherwise. */
    public static final int HYPE_THRESHOLD = (int) Math.round(StanceModel.DEFAULT_THRESHOLD * 100);

    /**
     * @param trustedProxies the reverse proxies whose {@code X-Forwarded-*} headers are believed
     *     ({@code SIFT_TRUSTED_PROXIES})
     */
    public record Http(String host, int port, TrustedProxies trustedProxies) {
        public Http {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(trustedProxies, "trustedProxies");
            if (port < 0 || port > 65535) {
                throw new ConfigException("port must be between 0 and 65535, was " + port);
            }
        }

        /** The same, listening on another address. */
        public Http on(String otherHost, int otherPort) {
            return new Http(otherHost, otherPort, trustedProxies);
        }
    }

    /**
     * @param enabled whether this process refreshes feeds in the background
     * @param allowPrivate whether feeds may be fetched from loopback and private addresses
     * @param hostGap the least time between the starts of two requests to one host
     * @param analysisThreads how many posts are analyzed at once ({@code SIFT_ANALYSIS_THREADS}, the cores by default)
     */
    public record Ingest(
            boolean enabled,
            int workers,
            Duration interval,
            Duration tick,
            boolean allowPrivate,
            Duration hostGap,
            long minFreeMb,
            int analysisThreads) {
        public Ingest {
            if (analysisThreads < 1 || analysisThreads > 64) {
                throw new ConfigException("SIFT_ANALYSIS_THREADS must be between 1 and 64, was " + analysisThreads);
            }
            if (workers < 1 || workers > 64) {
                throw new ConfigException("SIFT_INGEST_WORKERS must be between 1 and 64, was " + workers);
            }
            if (interval.compareTo(Duration.ofMinutes(1)) < 0) {
                throw new ConfigException("SIFT_REFRESH_MINUTES must be at least 1, was " + interval.toMinutes());
            }
            if (hostGap.isNegative()) {
                throw new ConfigException("SIFT_HOST_GAP_MS must be 0 or more, was " + hostGap.toMillis());
            }
            if (minFreeMb < 0) {
                throw new ConfigException("SIFT_MIN_FREE_MB must be 0 (no check) or more, was " + minFreeMb);
            }
        }

        /** The same settings for a process that refreshes no feeds ({@code serve --no-ingest}). */
        public Ingest disabled() {
            return new Ingest(false, workers, interval, tick, allowPrivate, hostGap, minFreeMb, analysisThreads);
        }

        /** How this process fetches: the defaults, with its private-address setting and its gap between requests to a host. */
        public FetchSettings fetchSettings() {
            return FetchSettings.defaults().withAllowPrivate(allowPrivate).withHostGap(hostGap);
        }

        /** The settings an {@link Ingestion} runs with, keeping {@code minFreeMb} free on the disk of {@code dataDir}. */
        public Ingestion.Settings settings(Path dataDir) {
            return new Ingestion.Settings(
                    fetchSettings(), interval, workers, tick, new FreeSpace(dataDir, minFreeMb << 20), analysisThreads);
        }

        public Ingest withAllowPrivate(boolean allow) {
            return new Ingest(enabled, workers, interval, tick, allow, hostGap, minFreeMb, analysisThreads);
        }
    }

    /**
     * @param publicReader whether reading needs no login ({@code SIFT_PUBLIC_READER}, always with {@code --demo});
     *     changing anything always does
     * @param adminPassword the first admin's password when Sift starts without any account
     *     ({@code SIFT_ADMIN_PASSWORD}); null: a random one, printed once to the log
     * @param diagnosticsToken what a monitoring system sends ({@code Authorization: Bearer ...}) to read the details
     *     of {@code /health} and {@code /metrics} without a login ({@code SIFT_DIAGNOSTICS_TOKEN}); null: only admins
     */
    public record Accounts(boolean publicReader, String adminPassword, String diagnosticsToken) {
        public Accounts {
            if (adminPassword != null && adminPassword.length() < Passwords.MIN_LENGTH) {
                throw new ConfigException(
                        "SIFT_ADMIN_PASSWORD must have at least " + Passwords.MIN_LENGTH + " characters");
            }
            if (diagnosticsToken != null && diagnosticsToken.strip().length() < 20) {
                throw new ConfigException("SIFT_DIAGNOSTICS_TOKEN must have at least 20 characters (a random secret)");
            }
        }

        @Override
        public String toString() {
            return "Accounts[publicReader=" + publicReader + ", adminPassword="
                    + (adminPassword == null ? "random" : "set") + ", diagnosticsToken="
                    + (diagnosticsToken == null ? "none" : "set") + "]";
        }
    }

    /**
     * What Sift says to the world outside a request: the address it is reached at ({@code SIFT_BASE_URL}, for links
     * in e-mails, in {@code sift digest} and in re-exported feeds; null: the address a request came to, or
     * {@code http://localhost:PORT}), and the SMTP server digests are sent through (null: no e-mail).
     */
    public record Outbound(String baseUrl, Smtp smtp) {
        public Outbound {
            if (baseUrl != null) {
                if (!baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
                    throw new ConfigException(
                            "SIFT_BASE_URL must be an http(s) address such as https://sift.example.net, was '" + baseUrl
                                    + "'");
                }
                baseUrl = baseUrl.replaceAll("/+$", "");
            }
        }
    }

    public SiftConfig {
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(outbound, "outbound");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(db, "db");
        Objects.requireNonNull(ingest, "ingest");
        Objects.requireNonNull(retention, "retention");
        if (hypeThreshold < 1 || hypeThreshold > 99) {
            throw new ConfigException("SIFT_HYPE_THRESHOLD must be a hype score from 1 to 99, was " + hypeThreshold);
        }
    }

    /** The models, calling a claim hype from this configuration's threshold. */
    public Analyzer analyzer() {
        return new Analyzer().withHypeThreshold(hypeThreshold);
    }

    /** The ingest workers this configuration asks for, over {@code db}, counting into {@code registry}. */
    public Ingestion ingestion(Database db, PrometheusRegistry registry, Clock clock) {
        return new Ingestion(db, ingest().settings(dataDir), analyzer(), node(), registry, clock);
    }

    /** The hype threshold alone, for commands that read no other setting ({@code sift score}). */
    public static int hypeThreshold(Map<String, String> env) {
        return integer(env, "SIFT_HYPE_THRESHOLD", HYPE_THRESHOLD);
    }

    public SiftConfig withHttp(Http other) {
        return new SiftConfig(dataDir, other, db, ingest, retention, demo, hypeThreshold, accounts, outbound);
    }

    public SiftConfig withIngest(Ingest other) {
        return new SiftConfig(dataDir, http, db, other, retention, demo, hypeThreshold, accounts, outbound);
    }

    /**
     * Where links in e-mails and printed digests point: {@code SIFT_BASE_URL}, else this machine at {@code port}
     * (the port Sift listens on, which with port 0 is known only once it listens).
     */
    public String baseUrl(int port) {
        return outbound.baseUrl() != null ? outbound.baseUrl() : "http://localhost:" + port;
    }

    /**
     * Reads the configuration.
     *
     * @param dataFlag {@code --data}, or null
     * @param portFlag {@code --port}, or null
     * @param env the environment, {@code System.getenv()} outside tests
     */
    public static SiftConfig from(Path dataFlag, Integer portFlag, boolean demo, Map<String, String> env) {
        Path dataDir =
                dataFlag != null ? dataFlag : Path.of(env.getOrDefault("SIFT_DATA", demo ? "data/demo" : "data"));
        int port = portFlag != null ? portFlag : integer(env, "SIFT_PORT", 7070);
        String dbUrl = env.get("SIFT_DB_URL");
        DbSettings db = dbUrl == null || dbUrl.isBlank()
                ? DbSettings.embedded(dataDir)
                : new DbSettings(dbUrl, env.get("SIFT_DB_USER"), env.get("SIFT_DB_PASSWORD"));
        Ingest ingest = new Ingest(
                true,
                integer(env, "SIFT_INGEST_WORKERS", 4),
                Duration.ofMinutes(integer(env, "SIFT_REFRESH_MINUTES", 30)),
                Duration.ofSeconds(5),
                demo || bool(env, "SIFT_ALLOW_PRIVATE"),
                Duration.ofMillis(integer(env, "SIFT_HOST_GAP_MS", 250)),
                integer(env, "SIFT_MIN_FREE_MB", 200),
                integer(env, "SIFT_ANALYSIS_THREADS", Runtime.getRuntime().availableProcessors()));
        int retentionDays = integer(env, "SIFT_RETENTION_DAYS", 0);
        if (retentionDays < 0) {
            throw new ConfigException("SIFT_RETENTION_DAYS must be 0 (keep every post) or more, was " + retentionDays);
        }
        TrustedProxies proxies;
        try {
            proxies = TrustedProxies.parse(env.get("SIFT_TRUSTED_PROXIES"));
        } catch (BadInput e) {
            throw new ConfigException("SIFT_TRUSTED_PROXIES: " + e.getMessage());
        }
        return new SiftConfig(
                dataDir,
                new Http(env.getOrDefault("SIFT_HOST", "0.0.0.0"), port, proxies),
                db,
                ingest,
                Duration.ofDays(retentionDays),
                demo,
                hypeThreshold(env),
                new Accounts(
                        demo || bool(env, "SIFT_PUBLIC_READER"),
                        blankToNull(env.get("SIFT_ADMIN_PASSWORD")),
                        blankToNull(env.get("SIFT_DIAGNOSTICS_TOKEN"))),
                outbound(env));
    }

    private static Outbound outbound(Map<String, String> env) {
        String host = blankToNull(env.get("SIFT_SMTP_HOST"));
        if (host == null) {
            return new Outbound(blankToNull(env.get("SIFT_BASE_URL")), null);
        }
        String from = blankToNull(env.get("SIFT_SMTP_FROM"));
        if (from == null || !from.contains("@")) {
            throw new ConfigException("SIFT_SMTP_FROM must be the address digests are sent from, was '" + from + "'");
        }
        int port = integer(env, "SIFT_SMTP_PORT", 587);
        if (port < 1 || port > 65535) {
            throw new ConfigException("SIFT_SMTP_PORT must be between 1 and 65535, was " + port);
        }
        Smtp smtp = new Smtp(
                host,
                port,
                blankToNull(env.get("SIFT_SMTP_USER")),
                blankToNull(env.get("SIFT_SMTP_PASSWORD")),
                from,
                !env.containsKey("SIFT_SMTP_STARTTLS") || bool(env, "SIFT_SMTP_STARTTLS"));
        return new Outbound(blankToNull(env.get("SIFT_BASE_URL")), smtp);
    }

    /**
     * This node's name in the feed leases it takes: made once and kept in the data folder ({@code node-id}), so
     * that a restart after a crash voids its own old leases at once. Processes sharing a database each have a
     * data folder of their own (their search index lives there too).
     */
    public String node() {
        Path file = dataDir.resolve("node-id");
        try {
            if (Files.isRegularFile(file)) {
                String id = Files.readString(file).strip();
                if (!id.isEmpty()) {
                    return id;
                }
            }
            Files.createDirectories(dataDir);
            String id = "node-" + UUID.randomUUID();
            Files.writeString(file, id + "\n");
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the node name in " + file, e);
        }
    }

    /** The search index: derived from the database, kept per process in the data folder. */
    public Path indexDir() {
        return dataDir.resolve("index");
    }

    private static int integer(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a whole number, was '" + value + "'");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static boolean bool(Map<String, String> env, String name) {
        String value = env.getOrDefault(name, "").strip().toLowerCase(java.util.Locale.ROOT);
        return switch (value) {
            case "", "false", "no", "0" -> false;
            case "true", "yes", "1" -> true;
            default -> throw new ConfigException(name + " must be true or false, was '" + env.get(name) + "'");
        };
    }

    /** A setting has a value Sift cannot use; the message names the setting and the value. */
    public static final class ConfigException extends RuntimeException {
        public ConfigException(String message) {
            super(message);
        }
    }
}
