package sift.ingest.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Test fixtures: files under {@code src/test/resources}, and the shared public corpora beside the checkout. */
public final class Fixtures {
    private Fixtures() {}

    public static byte[] bytes(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read test resource " + resource, e);
        }
    }

    public static String text(String resource) {
        return new String(bytes(resource), StandardCharsets.UTF_8);
    }

    /** A file of {@code ../shared} (set by the build as {@code sift.shared}). */
    public static Path shared(String relative) {
        String root = System.getProperty("sift.shared", "../../shared");
        return Path.of(root).resolve(relative).normalize();
    }
}
