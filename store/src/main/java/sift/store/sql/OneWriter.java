package sift.store.sql;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * One writing transaction at a time on the embedded H2 database: a connection takes the lock at its first statement
 * that writes, and gives it back once that write is committed (or rolled back, or the connection is closed), after
 * H2 has stored the commit to the file. Reads never wait.
 *
 * <p>Why: H2 2.5's MVStore writes a version of the file while other transactions are half way through theirs. A
 * process killed at the wrong moment then came back with a committed write missing, or with a row locked by a
 * transaction that no longer exists, which H2 waits on for ever (the fault suite, {@code CrashFaultIT}, found both;
 * docs/OPERATIONS.md). With one writer, every version H2 stores lies between two writing transactions.
 */
public final class OneWriter {
    private static final Pattern READ = Pattern.compile("^(SELECT|VALUES|SHOW|EXPLAIN|TABLE)\\b");
    private static final Pattern LOCKS = Pattern.compile("\\bFOR\\s+UPDATE\\b");

    private final ReentrantLock lock = new ReentrantLock(true);

    /** The {@code dataSource}, with every connection it gives taking part in the one-writer rule. */
    public DataSource wrap(DataSource dataSource) {
        return proxy(DataSource.class, (p, method, args) -> {
            Object result = call(dataSource, method, args);
            return result instanceof Connection c ? new Writer(c).connection : result;
        });
    }

    /** Whether a statement changes data (or the schema): anything but a query without {@code FOR UPDATE}. */
    static boolean writes(String sql) {
        String s = sql.stripLeading().toUpperCase(Locale.ROOT);
        return !READ.matcher(s).find() || LOCKS.matcher(s).find();
    }

    /** One connection: whether it holds the lock, and the statements it makes. */
    private final class Writer {
        final Connection target;
        final Connection connection;
        private boolean holding;

        Writer(Connection target) {
            this.target = target;
            this.connection = proxy(Connection.class, this::onConnection);
        }

        private Object onConnection(Object p, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "prepareStatement", "prepareCall" -> {
                    boolean write = writes((String) args[0]);
                    Statement statement = (Statement) call(target, method, args);
                    return statement(statement, method.getReturnType(), sql -> write);
                }
                case "createStatement" -> {
                    Statement statement = (Statement) call(target, method, args);
                    return statement(statement, Statement.class, OneWriter::writes);
                }
                case "commit", "rollback", "close" -> {
                    try {
                        return call(target, method, args);
                    } finally {
                        if (method.getName().equals("close") || args == null || args.length == 0) {
                            release();
                        }
                    }
                }
                case "setAutoCommit" -> {
                    Object result = call(target, method, args);
                    if ((Boolean) args[0]) {
                        release(); // turning auto-commit on commits the transaction
                    }
                    return result;
                }
                case "unwrap" -> {
                    return ((Class<?>) args[0]).isInstance(connection) ? connection : call(target, method, args);
                }
                default -> {
                    return call(target, method, args);
                }
            }
        }

        /**
         * A statement whose executions take the lock when they write; with auto-commit on, each gives it back once
         * it has run (its commit is part of it).
         */
        private Object statement(Statement statement, Class<?> type, java.util.function.Predicate<String> writesSql) {
            return proxy(type, (p, method, args) -> {
                String name = method.getName();
                boolean execution = name.startsWith("execute");
                boolean write = execution
                        && (args != null && args.length > 0 && args[0] instanceof String sql
                                ? writesSql.test(sql)
                                : writesSql.test(""));
                if (write) {
                    acquire();
                }
                try {
                    return name.equals("getConnection") ? connection : call(statement, method, args);
                } finally {
                    if (write && target.getAutoCommit()) {
                        release();
                    }
                }
            });
        }

        private void acquire() {
            if (!holding) {
                lock.lock();
                holding = true;
            }
        }

        private void release() {
            if (holding) {
                holding = false;
                lock.unlock();
            }
        }
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(OneWriter.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    /** For tests: whether some connection holds the lock now. */
    boolean held() {
        return lock.isLocked();
    }
}
