package sift.store;

import java.nio.file.Path;

/** A fresh H2 file database in a test's temporary folder. */
public final class TestDatabase {
    private TestDatabase() {}

    public static Database open(Path dir) {
        return Database.open(DbSettings.embedded(dir));
    }
}
