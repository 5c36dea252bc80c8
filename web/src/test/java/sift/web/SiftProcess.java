package sift.web;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** The runnable jar started as its own process, as a user or a service manager starts it. */
public final class SiftProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public final Process process;
    public final Path log;
    public final int port;

    private SiftProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    public static Path jar() {
        Path jar = Path.of(System.getProperty("sift.jar", "target/sift.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    "no runnable jar at " + jar.toAbsolutePath() + ": run ./mvnw package first");
        }
        return jar;
    }

    /** Runs a command to its end and returns its exit status; output goes to {@code log}. */
    public static int run(Path log, Map<String, String> env, String... args) throws IOException, InterruptedException {
        Process p = builder(log, env, args).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("sift " + String.join(" ", args) + " did not finish in 60 s");
        }
        return p.exitValue();
    }

    /** Starts a command that runs until stopped (no HTTP port), such as {@code worker}. */
    public static SiftProcess start(Path log, Map<String, String> env, String... args) throws IOException {
        return new SiftProcess(builder(log, env, args).start(), log, 0);
    }

    public static SiftProcess serve(Path log, Map<String, String> env, String... extraArgs) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> args = new ArrayList<>(List.of("serve", "--port", String.valueOf(port)));
        args.addAll(List.of(extraArgs));
        return new SiftProcess(builder(log, env, args.toArray(String[]::new)).start(), log, port);
    }

    private static ProcessBuilder builder(Path log, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("SIFT_DIAGNOSTICS_TOKEN", TestApp.DIAGNOSTICS_TOKEN);
        builder.environment().putAll(env);
        return builder;
    }

    /** The body of {@code GET path} (health and metrics as a monitoring system sees them), or null while the server does not answer. */
    public String get(String path) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(5));
            if (path.startsWith("/health") || path.startsWith("/metrics")) {
                request.header("Authorization", "Bearer " + TestApp.DIAGNOSTICS_TOKEN);
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Polls {@code path} until its body satisfies {@code condition}; the time it took, or null on time-out. */
    public Duration awaitBody(String path, Predicate<String> condition, Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        while (System.nanoTime() - start < timeout.toNanos()) {
            String body = get(path);
            if (body != null && condition.test(body)) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            if (!process.isAlive()) {
                return null;
            }
            Thread.sleep(50);
        }
        return null;
    }

    public String logText() throws IOException {
        return Files.readString(log);
    }

    /** SIGTERM, as a service manager stops it; the exit status once it has stopped. */
    public int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("sift serve did not stop within " + timeout.toSeconds() + " s of SIGTERM");
        }
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or closed. */
    public int kill(Duration timeout) throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("sift serve did not die within " + timeout.toSeconds() + " s of SIGKILL");
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
