package sift.store;

/**
 * The database could not be opened or did not do what was asked; the message names the database. {@link
 * #inUse()} tells apart a database or index that another Sift process holds open, which waiting or stopping
 * that process resolves.
 */
public final class StoreException extends RuntimeException {
    private final boolean inUse;

    public StoreException(String message, Throwable cause) {
        this(message, cause, false);
    }

    private StoreException(String message, Throwable cause, boolean inUse) {
        super(message, cause);
        this.inUse = inUse;
    }

    public static StoreException inUse(String message, Throwable cause) {
        return new StoreException(message, cause, true);
    }

    public boolean inUse() {
        return inUse;
    }
}
