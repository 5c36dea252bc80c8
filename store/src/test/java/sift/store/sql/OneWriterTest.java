package sift.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OneWriterTest {
    @TempDir
    Path dir;

    final OneWriter rule = new OneWriter();
    DataSource db;

    @BeforeEach
    void setUp() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.resolve("one") + ";WRITE_DELAY=0");
        db = rule.wrap(h2);
        try (Connection c = db.getConnection()) {
            c.createStatement().execute("CREATE TABLE t (k INT PRIMARY KEY, v INT)");
            c.createStatement().execute("INSERT INTO t VALUES (1, 0)");
        }
        assertThat(rule.held()).as("auto-commit statements give the lock back").isFalse();
    }

    @Test
    void tellsWritesFromReads() {
        assertThat(OneWriter.writes("  select * from t")).isFalse();
        assertThat(OneWriter.writes("SELECT id FROM feeds WHERE x ORDER BY y LIMIT 4 FOR UPDATE SKIP LOCKED"))
                .isTrue();
        assertThat(OneWriter.writes("VALUES 1")).isFalse();
        for (String write : new String[] {
            "insert into t values (2, 2)",
            "UPDATE t SET v = 1",
            "DELETE FROM t",
            "MERGE INTO t KEY (k) VALUES (1, 1)",
            "BACKUP TO 'x.zip'",
            "CREATE TABLE u (k INT)",
            "\n  update t set v=2"
        }) {
            assertThat(OneWriter.writes(write)).as(write).isTrue();
        }
    }

    @Test
    void aSecondWriterWaitsForTheFirstToCommitWhileReadersGoOn() throws Exception {
        try (Connection first = db.getConnection()) {
            first.setAutoCommit(false);
            first.createStatement().executeUpdate("UPDATE t SET v = 1 WHERE k = 1");
            assertThat(rule.held()).isTrue();

            CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> query("SELECT v FROM t WHERE k = 1"));
            assertThat(read.get(5, TimeUnit.SECONDS))
                    .as("a reader does not wait, and sees the committed value")
                    .isZero();

            CompletableFuture<Integer> second =
                    CompletableFuture.supplyAsync(() -> update("INSERT INTO t VALUES (2, 2)"));
            Thread.sleep(300);
            assertThat(second).as("the second writer waits").isNotDone();
            first.commit();
            assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo(1);
        }
        assertThat(rule.held()).isFalse();
    }

    @Test
    void closingOrRollingBackGivesTheLockBack() throws Exception {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            c.prepareStatement("UPDATE t SET v = 5").executeUpdate();
            c.rollback();
            assertThat(rule.held()).isFalse();
            c.prepareStatement("UPDATE t SET v = 6").executeUpdate();
            assertThat(rule.held()).isTrue();
        }
        assertThat(rule.held()).as("closed with the transaction open").isFalse();
        assertThat(query("SELECT v FROM t WHERE k = 1")).isZero();
    }

    private int query(String sql) {
        try (Connection c = db.getConnection();
                var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private int update(String sql) {
        try (Connection c = db.getConnection()) {
            return c.createStatement().executeUpdate(sql);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
