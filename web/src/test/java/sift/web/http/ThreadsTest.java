package sift.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A stopped background job finishes the step under way and is never interrupted: an H2 read on an interrupted
 * thread closes the database's file for every thread (Housekeeping, the digest mailer, retraining, re-scoring and
 * OPML imports stopped with shutdownNow before).
 */
class ThreadsTest {
    @Test
    void aStopLetsTheTaskUnderWayFinishWithoutAnInterruptAndTakesNoMore() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor(Threads.daemon("sift-test"));
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicBoolean finished = new AtomicBoolean();
        executor.execute(() -> {
            started.countDown();
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
            while (System.nanoTime() < until) {
                interrupted.compareAndSet(false, Thread.currentThread().isInterrupted());
            }
            finished.set(true);
        });
        AtomicBoolean later = new AtomicBoolean();
        executor.execute(() -> later.set(true));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        Threads.stop(executor, "The test job");

        assertThat(finished)
                .as("the step under way finished before the stop returned")
                .isTrue();
        assertThat(interrupted).as("and was never interrupted").isFalse();
        assertThat(executor.isTerminated()).isTrue();
        assertThat(later)
                .as("a queued task still runs: shutdown, not shutdownNow")
                .isTrue();
    }
}
