package sift.ingest.opml;

/** The OPML document cannot be read; the message names the document and, when known, the line. */
public final class OpmlException extends Exception {
    public OpmlException(String message, Throwable cause) {
        super(message, cause);
    }
}
