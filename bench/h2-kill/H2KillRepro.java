import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * H2 alone, no Sift: does a kill -9 while several transactions write at once leave the database counting rows that
 * were never committed, losing rows that were, or unable to open?
 *
 * <p>A child process writes batches of ROWS rows, each batch one transaction (as Sift once wrote a feed's posts),
 * from WRITERS threads at once, and prints the id of every batch once its commit returned. The parent kills it with
 * SIGKILL at a random moment, then opens the database in a second child with a time limit and checks:
 * <ul>
 *   <li>torn: a batch with some of its rows but not all (atomicity);
 *   <li>lost: a batch whose commit had returned, with none of its rows (durability);
 *   <li>count: {@code SELECT COUNT(*)} (H2 answers it from the table's row count) against the rows a scan finds;
 *   <li>reused: after a restart, an insert given an id (an identity column) that a stored row has;
 *   <li>hang: the database does not open, or a query does not answer, within the limit.
 * </ul>
 *
 * <p>Run: {@code java -cp h2-VERSION.jar bench/h2-kill/H2KillRepro.java CYCLES WRITERS [one-writer] [savepoints]}.
 * {@code one-writer} lets one transaction at a time write (a lock from its first insert until its commit returned),
 * as Sift's {@code OneWriter} does; {@code savepoints} sets a savepoint before each row, as Sift's feed transaction did.
 */
public final class H2KillRepro {
    static final int ROWS = 50;
    static final String OPTIONS = ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;MAX_COMPACT_TIME=0";

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "write" -> write(Path.of(args[1]), Integer.parseInt(args[2]), Set.of(args).contains("one-writer"),
                    Set.of(args).contains("savepoints"));
            case "check" -> check(Path.of(args[1]));
            default -> run(Integer.parseInt(args[0]), Integer.parseInt(args[1]), List.of(args).subList(2, args.length));
        }
    }

    static String url(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath() + OPTIONS;
    }

    /** The parent: CYCLES kills, each followed by a check; prints every anomaly and a tally. */
    static void run(int cycles, int writers, List<String> flags) throws Exception {
        Path dir = Files.createTempDirectory("h2kill");
        String java = ProcessHandle.current().info().command().orElse("java");
        String cp = System.getProperty("java.class.path");
        String source = Path.of(H2KillRepro.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        List<String> self = List.of(java, "-cp", cp, source.endsWith(".java") ? source : "bench/h2-kill/H2KillRepro.java");
        Random random = new Random(Long.getLong("seed", System.nanoTime()));
        Set<Long> committed = new HashSet<>();
        Set<String> torn = new HashSet<>();
        int lost = 0, miscounted = 0, hung = 0;
        System.out.printf("H2 %s, %d writers, flags %s, data in %s%n", org.h2.engine.Constants.FULL_VERSION, writers,
                flags, dir);
        var reused = new java.util.concurrent.atomic.AtomicInteger();
        for (int cycle = 1; cycle <= cycles; cycle++) {
            int cycleNumber = cycle;
            List<String> command = new ArrayList<>(self);
            command.addAll(List.of("write", dir.toString(), String.valueOf(writers)));
            command.addAll(flags);
            Process writer = new ProcessBuilder(command).redirectErrorStream(true).start();
            var ready = new java.util.concurrent.CountDownLatch(1);
            var out = new BufferedReader(new InputStreamReader(writer.getInputStream()));
            Thread reader = new Thread(() -> {
                try {
                    for (String line; (line = out.readLine()) != null; ) {
                        if (line.equals("R")) {
                            ready.countDown();
                        } else if (line.startsWith("C ")) {
                            synchronized (committed) {
                                committed.add(Long.parseLong(line.substring(2)));
                            }
                        } else if (line.contains("primary key violation")) {
                            reused.incrementAndGet();
                            System.out.printf("cycle %d: REUSED, a new row was given the id of a stored one: %s%n",
                                    cycleNumber, line.substring(line.indexOf("PRIMARY KEY"), line.indexOf("AS BIGINT)") + 10));
                        } else {
                            System.out.println("  writer: " + (line.length() > 240 ? line.substring(0, 240) + "..." : line));
                        }
                    }
                } catch (java.io.IOException e) {
                    // the writer was killed
                }
            });
            reader.start();
            if (!ready.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the writer did not start within 60 s");
            }
            Thread.sleep(300 + random.nextInt(3000));
            writer.destroyForcibly(); // SIGKILL
            writer.waitFor();
            reader.join();
            command = new ArrayList<>(self);
            command.addAll(List.of("check", dir.toString()));
            Process checker = new ProcessBuilder(command).redirectErrorStream(true).start();
            List<String> lines = new ArrayList<>();
            Thread collect = new Thread(() -> new BufferedReader(new InputStreamReader(checker.getInputStream()))
                    .lines()
                    .forEach(lines::add));
            collect.start();
            if (!checker.waitFor(60, TimeUnit.SECONDS)) {
                hung++;
                System.out.printf("cycle %d: HANG, the database did not open and answer within 60 s%n", cycle);
                checker.destroyForcibly();
                collect.join();
                break;
            }
            collect.join();
            Set<Long> present = new HashSet<>();
            long fast = -1, scanned = -1;
            for (String line : lines) {
                if (line.startsWith("B ")) {
                    present.add(Long.parseLong(line.substring(2)));
                } else if (line.startsWith("COUNT ")) {
                    String[] parts = line.split(" ");
                    fast = Long.parseLong(parts[1]);
                    scanned = Long.parseLong(parts[2]);
                } else if (line.startsWith("TORN ")) {
                    if (torn.add(line)) { // a torn batch stays torn: each is told once
                        System.out.printf("cycle %d: %s%n", cycle, line);
                    }
                } else {
                    System.out.printf("cycle %d: check: %s%n", cycle, line);
                }
            }
            Set<Long> missing = new HashSet<>(committed);
            missing.removeAll(present);
            if (!missing.isEmpty()) {
                lost += missing.size();
                System.out.printf("cycle %d: LOST, %d committed batches missing: %s%n", cycle, missing.size(), missing);
            }
            if (fast != scanned) {
                miscounted++;
                System.out.printf("cycle %d: COUNT(*) says %d rows, a scan finds %d%n", cycle, fast, scanned);
            }
            committed.clear();
            committed.addAll(present);
            System.out.printf("cycle %d: %d batches, %d rows%n", cycle, present.size(), scanned);
        }
        System.out.printf("%d cycles: torn %d, lost %d, miscounted %d, ids reused %d, hung %d%n", cycles, torn.size(), lost,
                miscounted, reused.get(), hung);
    }

    /** The writer: WRITERS threads, each writing batch after batch until killed. */
    static void write(Path dir, int writers, boolean oneWriter, boolean savepoints) throws Exception {
        try (Connection c = DriverManager.getConnection(url(dir));
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS t (id BIGINT AUTO_INCREMENT PRIMARY KEY, batch BIGINT NOT NULL,"
                    + " n INT NOT NULL, pad VARCHAR(4000) NOT NULL)");
            s.execute("CREATE INDEX IF NOT EXISTS t_batch ON t (batch)");
            long next;
            try (ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(batch), 0) FROM t")) {
                rs.next();
                next = rs.getLong(1);
            }
            var counter = new java.util.concurrent.atomic.AtomicLong(next + 1_000_000);
            System.out.println("R");
            System.out.flush();
            ReentrantLock lock = new ReentrantLock(true);
            String pad = "x".repeat(2000);
            for (int w = 0; w < writers; w++) {
                Thread thread = new Thread(() -> {
                    try (Connection conn = DriverManager.getConnection(url(dir));
                            PreparedStatement insert =
                                    conn.prepareStatement("INSERT INTO t (batch, n, pad) VALUES (?, ?, ?)")) {
                        conn.setAutoCommit(false);
                        while (true) {
                            long batch = counter.getAndIncrement();
                            if (oneWriter) {
                                lock.lock();
                            }
                            try {
                                for (int n = 0; n < ROWS; n++) {
                                    if (savepoints) {
                                        conn.setSavepoint();
                                    }
                                    insert.setLong(1, batch);
                                    insert.setInt(2, n);
                                    insert.setString(3, pad);
                                    insert.executeUpdate();
                                }
                                conn.commit();
                            } finally {
                                if (oneWriter) {
                                    lock.unlock();
                                }
                            }
                            synchronized (System.out) {
                                System.out.println("C " + batch);
                                System.out.flush();
                            }
                        }
                    } catch (SQLException e) {
                        System.out.println("writer failed: " + e);
                    }
                });
                thread.start();
            }
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    /** The check: opens the database after the kill and prints its batches, torn ones and both counts. */
    static void check(Path dir) throws Exception {
        try (Connection c = DriverManager.getConnection(url(dir));
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT batch, COUNT(*) FROM t GROUP BY batch")) {
                while (rs.next()) {
                    System.out.println("B " + rs.getLong(1));
                    if (rs.getInt(2) != ROWS) {
                        System.out.println("TORN batch " + rs.getLong(1) + " has " + rs.getInt(2) + " of " + ROWS
                                + " rows");
                    }
                }
            }
            long fast, scanned;
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t")) {
                rs.next();
                fast = rs.getLong(1);
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(pad) FROM t WHERE n >= 0")) {
                rs.next();
                scanned = rs.getLong(1);
            }
            System.out.println("COUNT " + fast + " " + scanned);
        }
    }
}
