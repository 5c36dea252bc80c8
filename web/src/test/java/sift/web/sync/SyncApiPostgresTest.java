package sift.web.sync;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import sift.store.DbSettings;
import sift.store.TestDatabase;

/**
 * The sync APIs on PostgreSQL, in a schema of their own, when the environment names one ({@code SIFT_TEST_PG_URL},
 * as {@code .ci/run} does); CI fails without it.
 */
class SyncApiPostgresTest extends SyncApiContract {
    @Override
    DbSettings database(Path dir) {
        String url = System.getenv("SIFT_TEST_PG_URL");
        if ("true".equals(System.getenv("CI"))) {
            if (url == null || url.isBlank()) {
                throw new IllegalStateException("CI runs the sync APIs on PostgreSQL: set SIFT_TEST_PG_URL");
            }
        } else {
            assumeTrue(url != null && !url.isBlank(), "no PostgreSQL named (SIFT_TEST_PG_URL)");
        }
        return TestDatabase.scaleOut(dir);
    }
}
