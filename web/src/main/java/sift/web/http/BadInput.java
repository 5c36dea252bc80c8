package sift.web.http;

/**
 * What a user typed or sent is refused: a form field, an account change, a line of {@code sift score}'s input, a
 * setting. The message says why, in words for that user, and nothing was changed. A bug is never one of these, so an
 * {@link IllegalArgumentException} from Sift's own code stays an internal error.
 */
public final class BadInput extends RuntimeException {
    public BadInput(String message) {
        super(message);
    }
}
