package sift.web.sync;

import java.nio.file.Path;
import sift.store.DbSettings;

/** The sync APIs on the embedded H2. */
class SyncApiH2Test extends SyncApiContract {
    @Override
    DbSettings database(Path dir) {
        return DbSettings.embedded(dir);
    }
}
