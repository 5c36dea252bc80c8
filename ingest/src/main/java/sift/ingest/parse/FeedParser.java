package sift.ingest.parse;

import java.net.URI;

/** Parses a fetched body as RSS, Atom or JSON Feed, whichever it is. Thread-safe. */
public final class FeedParser {
    private final XmlFeedParser xml = new XmlFeedParser();
    private final JsonFeedParser json = new JsonFeedParser();

    /**
     * @param body the raw bytes as fetched or read from a file
     * @param base where the bytes came from: relative links resolve against it
     */
    public ParsedFeed parse(byte[] body, URI base) throws FeedParseException {
        if (body.length == 0) {
            throw new FeedParseException("empty document: no feed in it", null);
        }
        return looksLikeJson(body) ? json.parse(body, base) : xml.parse(body, base);
    }

    private static boolean looksLikeJson(byte[] body) {
        int i = 0;
        if (body.length >= 3 && (body[0] & 0xff) == 0xef && (body[1] & 0xff) == 0xbb && (body[2] & 0xff) == 0xbf) {
            i = 3;
        }
        while (i < body.length && Character.isWhitespace(body[i])) {
            i++;
        }
        return i < body.length && body[i] == '{';
    }
}
