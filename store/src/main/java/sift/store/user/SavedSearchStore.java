package sift.store.user;

import static sift.store.sql.Sql.utc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import sift.store.sql.AlreadyExistsException;
import sift.store.sql.Sql;

/** Readers' saved searches: a name and a query, each a view like the river. */
public final class SavedSearchStore {
    private final Jdbi jdbi;

    public SavedSearchStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public record SavedSearch(long id, String name, String query) {}

    /** Saves a search and returns its id; the schema refuses a second search of the same name for a reader. */
    public long save(long userId, String name, String query, Instant now) {
        try {
            return jdbi.withHandle(h -> h.createUpdate("""
                            INSERT INTO saved_searches (user_id, name, query, created_at) VALUES (:user, :name, :query, :now)""")
                    .bind("user", userId)
                    .bind("name", name)
                    .bind("query", query)
                    .bind("now", utc(now))
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one());
        } catch (RuntimeException e) {
            if (Sql.uniqueViolation(e)) {
                throw new AlreadyExistsException(
                        "user " + userId + " has a saved search named '" + name + "' already", e);
            }
            throw e;
        }
    }

    /** The reader's saved searches by name. */
    public List<SavedSearch> list(long userId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT id, name, query FROM saved_searches WHERE user_id = :user ORDER BY LOWER(name), id")
                .bind("user", userId)
                .map((rs, ctx) -> new SavedSearch(rs.getLong("id"), rs.getString("name"), rs.getString("query")))
                .list());
    }

    /** One of the reader's saved searches; another reader's is not found. */
    public Optional<SavedSearch> find(long userId, long id) {
        return list(userId).stream().filter(s -> s.id() == id).findFirst();
    }

    public boolean delete(long userId, long id) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM saved_searches WHERE user_id = :user AND id = :id")
                        .bind("user", userId)
                        .bind("id", id)
                        .execute())
                > 0;
    }
}
