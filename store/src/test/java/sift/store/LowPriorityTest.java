package sift.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class LowPriorityTest {
    @Test
    void backgroundThreadsRunNicerThanTheOthersOnLinux() throws Exception {
        assumeTrue(Files.isSymbolicLink(Path.of("/proc/thread-self")), "Linux only");
        Integer mine = LowPriority.niceOfThisThread();
        ExecutorService pool = Executors.newFixedThreadPool(2, LowPriority.threads("test-background"));
        try {
            Integer theirs = CompletableFuture.supplyAsync(LowPriority::niceOfThisThread, pool)
                    .get();
            String name = CompletableFuture.supplyAsync(
                            () -> Thread.currentThread().getName(), pool)
                    .get();
            assertThat(mine).isZero();
            assertThat(theirs).isEqualTo(LowPriority.NICE);
            assertThat(name).startsWith("test-background-");
            assertThat(LowPriority.niceOfThisThread())
                    .as("the caller keeps its priority")
                    .isZero();
        } finally {
            pool.shutdown();
        }
    }
}
