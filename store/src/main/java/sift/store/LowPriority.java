package sift.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Threads of background work (analysis, the search index following the database, story linking) at a lower CPU
 * priority than the threads that answer readers: when the cores are short, the kernel serves requests first and
 * the background work takes what is left. On Linux each such thread raises its own nice value to {@link #NICE}
 * (a thread is a task of its own there); elsewhere, or where that fails, it runs at the normal priority.
 */
public final class LowPriority {
    private static final Logger log = LoggerFactory.getLogger(LowPriority.class);
    static final int NICE = 10;
    private static final Path THREAD_SELF = Path.of("/proc/thread-self");

    private LowPriority() {}

    /** Daemon threads named {@code name-N}, each at the lower priority from its start. */
    public static ThreadFactory threads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(
                    () -> {
                        lowerThisThread();
                        r.run();
                    },
                    name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Lowers the calling thread's priority, if this system lets it (else logs why, at debug level). */
    private static void lowerThisThread() {
        if (!Files.isSymbolicLink(THREAD_SELF)) {
            return;
        }
        String thread = Thread.currentThread().getName();
        try {
            // PID/task/TID: renice of the thread id changes that thread alone
            String tid = Files.readSymbolicLink(THREAD_SELF).getFileName().toString();
            Process renice = new ProcessBuilder("renice", "-n", String.valueOf(NICE), "-p", tid)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!renice.waitFor(5, TimeUnit.SECONDS) || renice.exitValue() != 0) {
                renice.destroyForcibly();
                log.debug("Thread {} keeps its priority: renice of thread {} failed", thread, tid);
            }
        } catch (IOException e) {
            log.debug("Thread {} keeps its priority: {}", thread, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The nice value of the calling thread on Linux, else null. */
    static Integer niceOfThisThread() {
        try {
            String stat = Files.readString(THREAD_SELF.resolve("stat"));
            // after the command in parentheses: state is field 3, nice field 19
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(fields[16]);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
