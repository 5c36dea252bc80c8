package sift.store.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sift.store.Database;
import sift.store.DbSettings;
import sift.store.FreshDatabase;

@ExtendWith(FreshDatabase.class)
class PostChangesTest {
    @Test
    void theWalksOverTheArchiveReadTheirBatchesInTheOrderOfAnIndexAndNeverSortThem(Database db, DbSettings settings)
            throws SQLException {
        // PostgreSQL plans by its statistics (an empty table is rightly scanned and sorted); H2 plans by rule
        assumeTrue(settings.embedded(), "H2's plans only");
        for (boolean withoutStory : new boolean[] {true, false}) {
            String query =
                    PostChanges.walkIds(withoutStory).replace(":after", "0").replace(":limit", "500");
            assertThat(plan(settings, query)).as("H2's plan of %s", query).contains("/* index sorted */");
        }
    }

    private static String plan(DbSettings settings, String query) throws SQLException {
        try (Connection c = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
                ResultSet rs = c.createStatement().executeQuery("EXPLAIN " + query)) {
            StringBuilder plan = new StringBuilder();
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
            return plan.toString();
        }
    }
}
