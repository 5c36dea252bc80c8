package sift.store.sql;

/** What a store was asked to add exists already (a name taken); the message names it. */
public final class AlreadyExistsException extends RuntimeException {
    public AlreadyExistsException(String message, Throwable cause) {
        super(message, cause);
    }
}
