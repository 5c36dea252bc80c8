package sift.store.sql;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;
import java.util.Set;

/**
 * Tells the connection pool to drop a connection to the embedded H2 once H2 has closed the database under it:
 * after a write failed for good (the disk full to the last byte, an I/O error), H2 closes the whole database and
 * every session on it answers "the database has been closed" from then on. Dropping them lets the next
 * connection open the database again, so that Sift recovers once there is room, without a restart.
 */
public final class ClosedH2 implements SQLExceptionOverride {
    /** H2's DATABASE_IS_CLOSED, DATABASE_CALLED_AT_SHUTDOWN, IO_EXCEPTION_1 and IO_EXCEPTION_2. */
    private static final Set<Integer> CLOSED = Set.of(90098, 90121, 90028, 90031);

    @java.lang.Override
    public Override adjudicate(SQLException e) {
        return CLOSED.contains(e.getErrorCode()) ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
    }
}
