package sift.web.feeds;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

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

    private final long maxBytes;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    FeedCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    synchronized Entry get(String key) {
        return entries.get(key);
    }

    synchronized void put(String key, Entry entry) {
        Entry old = entries.remove(key);
        if (old != null) {
            bytes -= size(key, old);
        }
        long size = size(key, entry);
        if (size > maxBytes / 8) {
            return;
        }
        entries.put(key, entry);
        bytes += size;
        for (Iterator<Map.Entry<String, Entry>> eldest = entries.entrySet().iterator(); bytes > maxBytes; ) {
            Map.Entry<String, Entry> e = eldest.next();
            bytes -= size(e.getKey(), e.getValue());
            eldest.remove();
        }
    }

    /** The bytes held, keys included. */
    synchronized long bytes() {
        return bytes;
    }

    synchronized int size() {
        return entries.size();
    }

    private static long size(String key, Entry entry) {
        return entry.body().length + 2L * (key.length() + entry.mark().length()) + 128;
    }
}
