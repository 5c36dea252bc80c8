package sift.web.http;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background threads of a Sift process: named (thread dumps say what each does), never holding the JVM up,
 * and stopped without an interrupt (an H2 read on an interrupted thread closes the database's file for every
 * thread).
 */
public final class Threads {
    private static final Logger log = LoggerFactory.getLogger(Threads.class);
    /** How long a stop waits for the task under way; a job that loops checks its own stop flag between batches. */
    public static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private Threads() {}

    /**
     * Takes no more tasks and waits up to {@link #STOP_WAIT} for the one under way, never interrupting it; a task
     * still running then is left to end with the process, and the log says so.
     */
    public static void stop(ExecutorService executor, String what) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("{} did not stop within {} s; it ends with the process", what, STOP_WAIT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
