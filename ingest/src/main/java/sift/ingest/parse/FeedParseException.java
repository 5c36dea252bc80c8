package sift.ingest.parse;

/** The bytes are not a feed Sift can read; the message says why, with line and column when known. */
public final class FeedParseException extends Exception {
    public FeedParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
