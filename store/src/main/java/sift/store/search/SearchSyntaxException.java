package sift.store.search;

/** A query Sift cannot read; the message says what is wrong and where, in words a reader understands. */
public final class SearchSyntaxException extends RuntimeException {
    public SearchSyntaxException(String message) {
        super(message);
    }
}
