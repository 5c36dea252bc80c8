package sift.store;

/** The database could not be opened or did not do what was asked; the message names the database. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
