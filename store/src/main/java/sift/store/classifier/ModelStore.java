package sift.store.classifier;

import static sift.store.sql.Sql.instant;
import static sift.store.sql.Sql.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Every retrained model, promoted or refused, with its bytes and the metrics that decided; at most one active per
 * model. None active: the model Sift was built with. Storing a promoted version makes it the active one in the
 * same transaction; activating an older promoted version, or the built one, is a roll-back.
 */
public final class ModelStore {
    /** The AI-claim stance model. */
    public static final String HYPE = "hype";

    private final Jdbi jdbi;

    public ModelStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** One model version, without its bytes. */
    public record Version(
            long id,
            String model,
            int version,
            Instant trainedAt,
            int examples,
            int labels,
            String metrics,
            String userName,
            boolean promoted,
            boolean active) {}

    /** Keeps a trained model as the next version of {@code model}; a promoted one becomes the active one. */
    public Version add(
            String model,
            byte[] bytes,
            int examples,
            int labels,
            String metrics,
            String userName,
            boolean promoted,
            Instant now) {
        return jdbi.inTransaction(h -> {
            int version = h.createQuery("SELECT COALESCE(MAX(version), 0) + 1 FROM model_versions WHERE model = :model")
                    .bind("model", model)
                    .mapTo(Integer.class)
                    .one();
            long id = h.createUpdate("""
                            INSERT INTO model_versions (model, version, trained_at, examples, labels, metrics, bytes,
                                                        user_name, promoted)
                            VALUES (:model, :version, :now, :examples, :labels, :metrics, :bytes, :user, :promoted)""")
                    .bind("model", model)
                    .bind("version", version)
                    .bind("now", utc(now))
                    .bind("examples", examples)
                    .bind("labels", labels)
                    .bind("metrics", metrics)
                    .bind("bytes", bytes)
                    .bind("user", userName)
                    .bind("promoted", promoted)
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
            if (promoted) {
                makeActive(h, model, id, now);
            }
            return new Version(id, model, version, now, examples, labels, metrics, userName, promoted, promoted);
        });
    }

    /**
     * Makes an older promoted version the active one again; empty when there is no such version.
     *
     * @throws IllegalArgumentException when the version was refused: it never passed its evaluation
     */
    public Optional<Version> activate(long id, Instant now) {
        return jdbi.inTransaction(h -> {
            Optional<Version> found = find(h, id);
            found.ifPresent(v -> {
                if (!v.promoted()) {
                    throw new IllegalArgumentException("version " + v.version() + " of the " + v.model()
                            + " model was refused at its evaluation and cannot be made active");
                }
                makeActive(h, v.model(), id, now);
            });
            return found.map(v -> new Version(
                    v.id(),
                    v.model(),
                    v.version(),
                    v.trainedAt(),
                    v.examples(),
                    v.labels(),
                    v.metrics(),
                    v.userName(),
                    true,
                    true));
        });
    }

    /** Makes the model Sift was built with the active one again. */
    public void useBuilt(String model) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM active_models WHERE model = :model")
                .bind("model", model)
                .execute());
    }

    public Optional<Version> active(String model) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE v.model = :model AND a.version_id IS NOT NULL")
                .bind("model", model)
                .map((rs, ctx) -> map(rs))
                .findOne());
    }

    /** The bytes of a version. */
    public Optional<byte[]> bytes(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT bytes FROM model_versions WHERE id = :id")
                .bind("id", id)
                .mapTo(byte[].class)
                .findOne());
    }

    /** Every version of the model, newest first. */
    public List<Version> history(String model) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE v.model = :model ORDER BY v.version DESC")
                .bind("model", model)
                .map((rs, ctx) -> map(rs))
                .list());
    }

    private static final String SELECT = """
            SELECT v.id, v.model, v.version, v.trained_at, v.examples, v.labels, v.metrics, v.user_name, v.promoted,
                   a.version_id
            FROM model_versions v LEFT JOIN active_models a ON a.model = v.model AND a.version_id = v.id""";

    private static Optional<Version> find(Handle h, long id) {
        return h.createQuery(SELECT + " WHERE v.id = :id")
                .bind("id", id)
                .map((rs, ctx) -> map(rs))
                .findOne();
    }

    private static void makeActive(Handle h, String model, long id, Instant now) {
        h.createUpdate("DELETE FROM active_models WHERE model = :model")
                .bind("model", model)
                .execute();
        h.createUpdate("INSERT INTO active_models (model, version_id, since) VALUES (:model, :id, :now)")
                .bind("model", model)
                .bind("id", id)
                .bind("now", utc(now))
                .execute();
    }

    private static Version map(ResultSet rs) throws SQLException {
        return new Version(
                rs.getLong("id"),
                rs.getString("model"),
                rs.getInt("version"),
                instant(rs, "trained_at"),
                rs.getInt("examples"),
                rs.getInt("labels"),
                rs.getString("metrics"),
                rs.getString("user_name"),
                rs.getBoolean("promoted"),
                rs.getObject("version_id") != null);
    }
}
