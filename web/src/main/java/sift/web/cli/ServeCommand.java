package sift.web.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sift.web.CommandOptions.AllowPrivate;
import sift.web.CommandOptions.DataOption;
import sift.web.SiftConfig;
import sift.web.SiftServer;

@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Run Sift: the reader, the API and background ingest.")
public final class ServeCommand implements Callable<Integer> {
    @CommandLine.Mixin
    DataOption data = new DataOption();

    @Option(names = "--port", paramLabel = "PORT", description = "HTTP port (default: 7070, or SIFT_PORT)")
    Integer port;

    @Option(names = "--demo", description = "subscribe the bundled offline sample feeds (data in ./data/demo)")
    boolean demo;

    @Option(names = "--no-ingest", description = "serve only: this process refreshes no feeds")
    boolean noIngest;

    @CommandLine.Mixin
    AllowPrivate allowPrivate = new AllowPrivate();

    @Override
    public Integer call() throws InterruptedException {
        SiftConfig config = SiftConfig.from(data.data, port, demo, System.getenv());
        config = allowPrivate.apply(config);
        if (noIngest) {
            config = config.withIngest(config.ingest().disabled());
        }
        SiftServer server = SiftServer.start(config, Clock.systemUTC());
        runUntilStopped(server::close);
        return 0;
    }

    /** Blocks until the JVM is asked to stop (SIGTERM, Ctrl-C), then runs {@code stop} before it exits. */
    static void runUntilStopped(Runnable stop) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            stop.run();
                            stopped.countDown();
                        },
                        "sift-shutdown"));
        stopped.await();
    }
}
