package sift.store.release;

import static sift.store.sql.Sql.instant;
import static sift.store.sql.Sql.utc;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Software releases by product, and the products each reader watches. A release is a post with a release fact;
 * a product is known by the name the NLP gave it.
 */
public final class ReleaseStore {
    private final Jdbi jdbi;

    public ReleaseStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A product: how many releases Sift has, the newest one, and whether the reader watches it. */
    public record Product(
            String name, int releases, String latestVersion, Instant latest, boolean latestBreaking, boolean watched) {}

    /** One release of a product: its post, version, date, breaking-change flag, notes and read state. */
    public record Release(
            long postId,
            String title,
            String version,
            Instant publishedAt,
            boolean breaking,
            List<ReleaseNote> notes,
            boolean read) {
        public Release {
            notes = List.copyOf(notes);
        }

        /** The notes by section. */
        public List<ReleaseNote.Section> sections() {
            return ReleaseNote.sections(notes);
        }
    }

    /** Every product: the watched ones first, then the one with the newest release first. */
    public List<Product> products(Long readerId) {
        return jdbi.withHandle(h -> {
            Map<String, Product> newest = new LinkedHashMap<>();
            h.createQuery("""
                            SELECT r.product, r.version, r.breaking, p.published_at, m.releases,
                                   w.user_id IS NOT NULL AS watched
                            FROM post_releases r JOIN posts p ON p.id = r.post_id
                            JOIN (SELECT r2.product, MAX(p2.published_at) AS latest, COUNT(*) AS releases
                                  FROM post_releases r2 JOIN posts p2 ON p2.id = r2.post_id GROUP BY r2.product) m
                              ON m.product = r.product AND m.latest = p.published_at
                            LEFT JOIN release_watches w ON w.product = r.product AND w.user_id = :reader
                            ORDER BY watched DESC, p.published_at DESC, r.product, p.id DESC""")
                    .bind("reader", readerId == null ? -1 : readerId)
                    .map((rs, ctx) -> new Product(
                            rs.getString("product"),
                            rs.getInt("releases"),
                            rs.getString("version"),
                            instant(rs, "published_at"),
                            rs.getBoolean("breaking"),
                            rs.getBoolean("watched")))
                    .forEach(p -> newest.putIfAbsent(p.name(), p)); // two releases on the same instant: one row
            return List.copyOf(newest.values());
        });
    }

    /** A product's releases, newest first (at most {@code limit}). */
    public List<Release> timeline(String product, Long readerId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT p.id, p.title, r.version, p.published_at, r.breaking, r.highlights,
                               s.read_at IS NOT NULL AS is_read
                        FROM post_releases r JOIN posts p ON p.id = r.post_id
                        LEFT JOIN user_post_state s ON s.post_id = p.id AND s.user_id = :reader
                        WHERE r.product = :product
                        ORDER BY p.published_at DESC, p.id DESC LIMIT :limit""")
                .bind("reader", readerId == null ? -1 : readerId)
                .bind("product", product)
                .bind("limit", limit)
                .map((rs, ctx) -> new Release(
                        rs.getLong("id"),
                        rs.getString("title"),
                        rs.getString("version"),
                        instant(rs, "published_at"),
                        rs.getBoolean("breaking"),
                        ReleaseNote.decode(rs.getString("highlights")),
                        rs.getBoolean("is_read")))
                .list());
    }

    /** Starts or stops watching a product; watching twice is watching. */
    public void watch(long readerId, String product, boolean watch, Instant now) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM release_watches WHERE user_id = :reader AND product = :product")
                    .bind("reader", readerId)
                    .bind("product", product)
                    .execute();
            if (watch) {
                h.createUpdate("""
                                INSERT INTO release_watches (user_id, product, created_at)
                                VALUES (:reader, :product, :now)""")
                        .bind("reader", readerId)
                        .bind("product", product)
                        .bind("now", utc(now))
                        .execute();
            }
        });
    }

    /** The products the reader watches, by name. */
    public List<String> watched(long readerId) {
        return jdbi.withHandle(
                h -> h.createQuery("SELECT product FROM release_watches WHERE user_id = :reader ORDER BY product")
                        .bind("reader", readerId)
                        .mapTo(String.class)
                        .list());
    }

    /** Whether any release of the product is stored. */
    public boolean exists(String product) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM post_releases WHERE product = :product")
                        .bind("product", product)
                        .mapTo(Integer.class)
                        .one()
                > 0);
    }
}
