package db.migration;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import sift.store.user.SessionStore;

/**
 * Feed secrets were kept in clear ({@code users.feed_token}); each becomes a feed secret of its reader kept as its
 * SHA-256 (the feed readers already subscribed keep working), and the clear column goes. In Java because H2 and
 * PostgreSQL spell SHA-256 differently.
 */
public class V018__hash_feed_secrets extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        var connection = context.getConnection();
        try (Statement select = connection.createStatement();
                ResultSet rs = select.executeQuery("SELECT id, feed_token FROM users WHERE feed_token IS NOT NULL");
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO api_tokens (token_hash, user_id, name, created_at, scope)
                        VALUES (?, ?, 'Feed addresses made before Sift hashed them', ?, 'feeds')""")) {
            while (rs.next()) {
                insert.setString(1, SessionStore.hash(rs.getString("feed_token")));
                insert.setLong(2, rs.getLong("id"));
                insert.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (Statement drop = connection.createStatement()) {
            drop.execute("DROP INDEX users_feed_token");
            drop.execute("ALTER TABLE users DROP COLUMN feed_token");
        }
    }
}
