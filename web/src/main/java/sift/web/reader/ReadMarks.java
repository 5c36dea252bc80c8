package sift.web.reader;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sift.store.user.PostStateStore;
import sift.web.http.Threads;

/**
 * Opening a post reads it, off the request's path: the mark is queued, and a writer thread stores each reader's
 * queued marks together, in one transaction, every {@value #EVERY_MS} ms. A page or change that depends on what a
 * reader has read first stores that reader's queue ({@link #flush(long)}), so the reader never sees a post they
 * opened as unread. Closing stores what is left.
 */
public final class ReadMarks implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReadMarks.class);
    static final long EVERY_MS = 200;

    private final PostStateStore states;
    private final Clock clock;
    private final Map<Long, Set<Long>> pending = new HashMap<>(); // guarded by this
    private final ScheduledExecutorService writer =
            Executors.newSingleThreadScheduledExecutor(Threads.daemon("sift-read-marks"));

    private final Object writing = new Object();

    public ReadMarks(PostStateStore states, Clock clock) {
        this.states = states;
        this.clock = clock;
        writer.scheduleWithFixedDelay(this::flushAll, EVERY_MS, EVERY_MS, TimeUnit.MILLISECONDS);
    }

    /** Queues: the reader opened the post. */
    public synchronized void mark(long readerId, long postId) {
        pending.computeIfAbsent(readerId, k -> new LinkedHashSet<>()).add(postId);
    }

    /** Whether the post is queued as read for the reader (opened, not stored yet). */
    public synchronized boolean queued(long readerId, long postId) {
        Set<Long> ids = pending.get(readerId);
        return ids != null && ids.contains(postId);
    }

    /**
     * Stores the reader's queued marks now. Writes go one at a time: a request that flushes while the background
     * writer stores the same reader's marks waits for that write, so its page never shows those posts unread.
     */
    public void flush(long readerId) {
        synchronized (writing) {
            Set<Long> ids;
            synchronized (this) {
                ids = pending.remove(readerId);
            }
            if (ids != null) {
                states.setRead(readerId, List.copyOf(ids), true, clock.instant());
            }
        }
    }

    private void flushAll() {
        List<Long> readers;
        synchronized (this) {
            readers = new ArrayList<>(pending.keySet());
        }
        for (long reader : readers) {
            try {
                flush(reader);
            } catch (RuntimeException e) {
                // the marks of one reader that the database refuses must not stop the others'
                log.warn("Could not store the posts reader {} opened: {}", reader, e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        Threads.stop(writer, "Storing the posts readers opened");
        flushAll();
    }
}
