package sift.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium, as Debian packages it, driven from the command line: it loads a page like a reader's
 * browser does (parsing, CSS, scripts) and hands back the DOM it built, or a screenshot.
 */
public final class Chromium {
    private static final Path BINARY = Path.of(System.getenv().getOrDefault("SIFT_CHROMIUM", "/usr/bin/chromium"));

    private final Path profile;

    public Chromium(Path profile) {
        this.profile = profile;
    }

    /** Skips the test where no Chromium is installed, except in CI, where its absence is a failure. */
    public static void assumeInstalled() {
        boolean installed = Files.isExecutable(BINARY);
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(BINARY + " is missing: .ci/run must install chromium");
        }
        assumeTrue(installed, BINARY + " is not installed");
    }

    public String dumpDom(String url) throws IOException, InterruptedException {
        return new String(run("--dump-dom", url), StandardCharsets.UTF_8);
    }

    public void screenshot(String url, Path png) throws IOException, InterruptedException {
        run("--screenshot=" + png.toAbsolutePath(), "--window-size=1200,1600", url);
    }

    private byte[] run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                BINARY.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile.toAbsolutePath()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("chromium did not finish within 60 s: " + String.join(" ", args));
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("chromium exited with " + p.exitValue() + ": " + String.join(" ", args));
        }
        return out;
    }
}
