package sift.store;

import static sift.store.sql.Sql.instant;
import static sift.store.sql.Sql.utc;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import sift.store.sql.Sql;

/** What admins did: one row per change, kept for good, newest first. */
public final class AuditStore {
    private final Jdbi jdbi;

    public AuditStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** One admin action: who (name kept even when the account goes), what, to what, and details. */
    public record Entry(Instant at, String userName, String action, String target, String detail) {}

    /** Records an action; {@code userId} null: done from the command line, not by an account. */
    public void record(Long userId, String userName, String action, String target, String detail, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO audit_log (at, user_id, user_name, action, target, detail)
                        VALUES (:at, :user, :name, :action, :target, :detail)""")
                .bind("at", utc(at))
                .bind("user", userId)
                .bind("name", userName)
                .bind("action", action)
                .bind("target", Sql.fit(target, 2048))
                .bind("detail", Sql.fit(detail, 4000))
                .execute());
    }

    public List<Entry> recent(int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT at, user_name, action, target, detail FROM audit_log ORDER BY at DESC, id DESC LIMIT :limit""")
                .bind("limit", limit)
                .map((rs, ctx) -> new Entry(
                        instant(rs, "at"),
                        rs.getString("user_name"),
                        rs.getString("action"),
                        rs.getString("target"),
                        rs.getString("detail")))
                .list());
    }
}
