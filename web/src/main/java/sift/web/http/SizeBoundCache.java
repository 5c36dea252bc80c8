package sift.web.http;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongBiFunction;

/**
 * Entries bounded by their size (bytes, characters: what {@code sizeOf} counts), the least recently asked for going
 * first; an entry larger than {@code largest} is not kept at all. Thread-safe.
 */
public final class SizeBoundCache<K, V> {
    private final long max;
    private final long largest;
    private final ToLongBiFunction<K, V> sizeOf;
    private final LinkedHashMap<K, V> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long size;

    public SizeBoundCache(long max, long largest, ToLongBiFunction<K, V> sizeOf) {
        this.max = max;
        this.largest = largest;
        this.sizeOf = sizeOf;
    }

    public synchronized V get(K key) {
        return entries.get(key);
    }

    /** Keeps {@code value} under {@code key} in place of what was there, unless it is larger than allowed. */
    public synchronized void put(K key, V value) {
        V old = entries.remove(key);
        if (old != null) {
            size -= sizeOf.applyAsLong(key, old);
        }
        long added = sizeOf.applyAsLong(key, value);
        if (added > largest) {
            return;
        }
        entries.put(key, value);
        size += added;
        for (Iterator<Map.Entry<K, V>> eldest = entries.entrySet().iterator(); size > max; ) {
            Map.Entry<K, V> e = eldest.next();
            size -= sizeOf.applyAsLong(e.getKey(), e.getValue());
            eldest.remove();
        }
    }

    /** The size held. */
    public synchronized long size() {
        return size;
    }

    public synchronized int count() {
        return entries.size();
    }
}
