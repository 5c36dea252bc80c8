package sift.web.feeds;

import java.time.Instant;
import sift.web.http.SizeBoundCache;

/**
 * Feeds as last sent, by the address that names them (its known parameters only, normalised) and the reader,
 * bounded by their bytes: the least recently asked for goes first, and a feed larger than an eighth of the bound is
 * not kept at all. Thread-safe.
 */
final class FeedCache {
    /** What the feeds of one Sift may hold in memory. */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    /** A feed as sent: its bytes, their ETag, and the change of the posts it was built at. */
    record Entry(String mark, String etag, Instant lastModified, byte[] body) {}

    private final SizeBoundCache<String, Entry> entries;

    FeedCache(long maxBytes) {
        entries = new SizeBoundCache<>(maxBytes, maxBytes / 8, FeedCache::size);
    }

    Entry get(String key) {
        return entries.get(key);
    }

    void put(String key, Entry entry) {
        entries.put(key, entry);
    }

    /** The bytes held, keys included. */
    long bytes() {
        return entries.size();
    }

    int size() {
        return entries.count();
    }

    private static long size(String key, Entry entry) {
        return entry.body().length + 2L * (key.length() + entry.mark().length()) + 128;
    }
}
