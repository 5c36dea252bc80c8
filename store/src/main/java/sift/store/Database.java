package sift.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sift.store.classifier.ClassifierSettingStore;
import sift.store.classifier.LabelStore;
import sift.store.classifier.ModelStore;
import sift.store.digest.DigestSource;
import sift.store.feed.FeedStore;
import sift.store.podcast.PodcastStore;
import sift.store.post.PostChanges;
import sift.store.post.PostQueries;
import sift.store.post.PostStore;
import sift.store.release.ReleaseStore;
import sift.store.sql.ClosedH2;
import sift.store.sql.OneWriter;
import sift.store.sql.Sql;
import sift.store.sync.SyncStore;
import sift.store.user.ApiTokenStore;
import sift.store.user.LoginDeviceStore;
import sift.store.user.PostStateStore;
import sift.store.user.SavedSearchStore;
import sift.store.user.SessionStore;
import sift.store.user.UserStore;

/** The database: a connection pool, the schema brought up to date at open, and the stores over it. */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    /** H2's error code for a database file that another process holds open. */
    private static final int H2_DATABASE_IN_USE = 90020;

    private final DbSettings settings;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final FeedStore feeds;
    private final PostStore posts;

    private Database(DbSettings settings, HikariDataSource dataSource) {
        this.settings = settings;
        this.dataSource = dataSource;
        // H2 is written by one transaction at a time, so that a killed process finds every commit on reopening
        this.jdbi = Jdbi.create(settings.embedded() ? new OneWriter().wrap(dataSource) : dataSource);
        this.feeds = new FeedStore(jdbi);
        this.posts = new PostStore(jdbi);
    }

    /** Opens the pool and applies pending migrations; fails with the database named if either fails. */
    public static Database open(DbSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        // writers on H2 wait for each other holding a connection (OneWriter): room for them and for readers
        config.setMaximumPoolSize(settings.embedded() ? 16 : 8);
        // a request waits at most this long for a connection, then fails (a 503 while the database is down)
        config.setConnectionTimeout(DbSettings.CONNECTION_TIMEOUT.toMillis());
        if (settings.embedded()) {
            config.setExceptionOverrideClassName(ClosedH2.class.getName());
        }
        config.setPoolName("sift-db");
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (RuntimeException e) {
            if (Sql.causedBy(e, sql -> sql.getErrorCode() == H2_DATABASE_IN_USE)) {
                throw StoreException.inUse("database " + settings.describe() + " is in use by another Sift process", e);
            }
            throw new StoreException("cannot open database " + settings.describe() + ": " + rootMessage(e), e);
        }
        try {
            var result = Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            if (result.migrationsExecuted > 0 && result.initialSchemaVersion != null) {
                log.info(
                        "Database {} migrated from version {} to schema version {} ({} migrations)",
                        settings.describe(),
                        result.initialSchemaVersion,
                        result.targetSchemaVersion,
                        result.migrationsExecuted);
            } else {
                log.info(
                        "Database {} at schema version {}",
                        settings.describe(),
                        result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion);
            }
        } catch (RuntimeException e) {
            dataSource.close();
            throw new StoreException("cannot migrate database " + settings.describe() + ": " + rootMessage(e), e);
        }
        Database database = new Database(settings, dataSource);
        int hosts = database.feeds.fillHosts();
        if (hosts > 0) {
            log.info("Database {}: the host of {} feeds noted", settings.describe(), hosts);
        }
        return database;
    }

    public FeedStore feeds() {
        return feeds;
    }

    /** The writes of posts. */
    public PostStore posts() {
        return posts;
    }

    /** The reader's queries of posts. */
    public PostQueries postQueries() {
        return new PostQueries(jdbi);
    }

    /** The posts as the search index follows them. */
    public PostChanges postChanges() {
        return new PostChanges(jdbi);
    }

    public UserStore users() {
        return new UserStore(jdbi);
    }

    public SessionStore sessions() {
        return new SessionStore(jdbi);
    }

    public LoginDeviceStore loginDevices() {
        return new LoginDeviceStore(jdbi);
    }

    public ApiTokenStore apiTokens() {
        return new ApiTokenStore(jdbi);
    }

    public SavedSearchStore savedSearches() {
        return new SavedSearchStore(jdbi);
    }

    public PostStateStore postStates() {
        return new PostStateStore(jdbi);
    }

    public SyncStore sync() {
        return new SyncStore(jdbi);
    }

    public PodcastStore podcasts() {
        return new PodcastStore(jdbi);
    }

    public ReleaseStore releases() {
        return new ReleaseStore(jdbi);
    }

    public LabelStore labels() {
        return new LabelStore(jdbi);
    }

    public ClassifierSettingStore classifierSettings() {
        return new ClassifierSettingStore(jdbi);
    }

    public ModelStore models() {
        return new ModelStore(jdbi);
    }

    public AuditStore audit() {
        return new AuditStore(jdbi);
    }

    public DigestSource digests() {
        return new DigestSource(jdbi);
    }

    public SettingStore settings() {
        return new SettingStore(jdbi);
    }

    public String describe() {
        return settings.describe();
    }

    /** True when a trivial query answers: the readiness half of {@code /health}. */
    public boolean isReachable() {
        try {
            return jdbi.withHandle(
                            h -> h.createQuery("SELECT 1").mapTo(Integer.class).one())
                    == 1;
        } catch (RuntimeException e) {
            log.warn("Database {} does not answer: {}", settings.describe(), rootMessage(e));
            return false;
        }
    }

    @Override
    public void close() {
        // H2 closes its file cleanly when the pool closes the last connection
        dataSource.close();
        log.info("Database {} closed", settings.describe());
    }

    /**
     * Writes a consistent copy of the embedded database to a zip file while it stays in use (H2's online
     * {@code BACKUP}); {@link H2Restore} brings it back. PostgreSQL has its own tools, and says so.
     */
    public void backupTo(Path zip) {
        if (!settings.embedded()) {
            throw new StoreException(
                    "sift backup copies the embedded H2 database; back up PostgreSQL " + settings.describe()
                            + " with pg_dump (see the README)",
                    null);
        }
        try {
            jdbi.useHandle(h ->
                    h.execute("BACKUP TO '" + zip.toAbsolutePath().toString().replace("'", "''") + "'"));
        } catch (RuntimeException e) {
            throw new StoreException(
                    "cannot back up database " + settings.describe() + " to " + zip + ": " + rootMessage(e), e);
        }
    }

    /** The message of the innermost cause, for a log line. */
    public static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
