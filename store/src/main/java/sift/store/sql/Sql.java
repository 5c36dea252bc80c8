package sift.store.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Time values to and from JDBC the same way on H2 and PostgreSQL: as {@code OffsetDateTime} in UTC. */
public final class Sql {
    private Sql() {}

    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** A list of short items as one column, one item per line (line breaks inside an item become spaces). */
    public static String lines(List<String> items) {
        return String.join(
                "\n",
                items.stream().map(item -> item.replaceAll("[\\r\\n]+", " ")).toList());
    }

    /** The items of a column written by {@link #lines}. */
    public static List<String> items(String lines) {
        return lines.isEmpty() ? List.of() : List.of(lines.split("\n"));
    }

    /** Adds a condition of a query and its value, when the value is given. */
    public static void condition(
            StringBuilder where, Map<String, Object> binds, String sql, String name, Object value) {
        if (value != null) {
            where.append(sql);
            binds.put(name, value);
        }
    }

    /** True when the cause is a unique or primary key violation (SQLSTATE 23505 on H2 and PostgreSQL). */
    public static boolean uniqueViolation(Throwable e) {
        return causedBy(e, sql -> "23505".equals(sql.getSQLState()));
    }

    /**
     * True when the database could not be reached: no connection in time, a connection the server closed, or a
     * server shutting down or starting up (SQLSTATE class 08, and 57P01 to 57P03 on PostgreSQL). Such a failure
     * passes when the database is back; nothing about the request or the data was wrong.
     */
    public static boolean unreachable(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException) {
                return true;
            }
        }
        return causedBy(e, sql -> {
            String state = String.valueOf(sql.getSQLState());
            return state.startsWith("08") || state.matches("57P0[123]");
        });
    }

    /** Whether {@code e} comes from a disk with no room left (ENOSPC), which H2 meets when it writes. */
    public static boolean diskFull(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("No space left on device")) {
                return true;
            }
        }
        return false;
    }

    /** True when an {@link SQLException} in the chain of causes matches. */
    public static boolean causedBy(Throwable e, Predicate<SQLException> match) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sql && match.test(sql)) {
                return true;
            }
        }
        return false;
    }

    /** Cuts a value to the width of its column, so that one overlong title never fails a whole post. */
    public static String fit(String value, int width) {
        if (value == null || value.length() <= width) {
            return value;
        }
        return value.substring(0, width - 1) + "…";
    }
}
