package sift.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.h2.mvstore.db.ValueDataType;
import org.h2.mvstore.tx.Transaction;
import org.h2.mvstore.tx.TransactionMap;
import org.h2.mvstore.tx.TransactionStore;
import org.h2.result.Row;

/**
 * The schema of an H2 database file, read as stored (the statements H2 replays when it opens the file) without H2
 * opening it: what H2's own recovery tool reads, through the same storage classes. H2 loads and runs Java code named
 * or written in a schema (functions, triggers, aggregates, table engines) and connects linked tables when it opens
 * a database; Sift's schema has none of them, so a file that has any did not come from Sift.
 */
final class H2Schema {
    /** The kinds of schema objects H2 keeps (its {@code DbObject} types) that run no code of their own. */
    private static final Set<Integer> INERT = Set.of(0, 1, 2, 3, 5, 6, 7, 8, 10, 11, 12, 13, 15);

    private static final Pattern CODE_IN_TABLE =
            Pattern.compile("(?i)\\bLINKED\\s+TABLE\\b|\\bENGINE\\b|\\bJAVA_OBJECT\\b");
    /** H2's map of the schema's statements. */
    private static final String META = "table.0";

    private H2Schema() {}

    /**
     * Refuses, naming them, a database file whose schema would run code when opened.
     *
     * @param zip the backup the file came from, for the message
     */
    static void requireNoCode(Path file, Path zip) {
        List<String> found = new ArrayList<>();
        MVStore store;
        try {
            store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        } catch (MVStoreException | IllegalStateException e) {
            throw new StoreException(zip + " holds no H2 database that opens: " + e.getMessage(), e);
        }
        try {
            if (!store.hasMap(META)) {
                throw new StoreException(zip + " holds no H2 database schema", null);
            }
            TransactionStore transactions = new TransactionStore(store, new ValueDataType());
            transactions.init();
            Transaction tx = transactions.begin();
            TransactionMap<Object, Object> meta = tx.openMap(META);
            for (var keys = meta.keyIterator(null); keys.hasNext(); ) {
                Row row = (Row) meta.get(keys.next());
                int type = row.getValue(2).getInt();
                String sql = row.getValue(3).getString();
                if (!INERT.contains(type) || CODE_IN_TABLE.matcher(sql).find()) {
                    found.add(sql.length() > 200 ? sql.substring(0, 200) + "..." : sql);
                }
            }
        } catch (MVStoreException | ClassCastException | IllegalStateException e) {
            throw new StoreException(zip + " holds a damaged or foreign H2 database: " + e.getMessage(), e);
        } finally {
            store.closeImmediately();
        }
        if (!found.isEmpty()) {
            throw new StoreException(
                    zip + " was refused: its database holds code that H2 would run when it opens it, "
                            + "which no Sift backup has: " + String.join("; ", found),
                    null);
        }
    }
}
