package sift.nlp.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The data files of the models' vocabularies: one list a line, {@code name: entries}, blank lines and lines
 * starting with {@code #} skipped. A malformed line fails with the file and line number.
 */
public final class NamedLists {
    private NamedLists() {}

    /** Each list's name and the rest of its line, in file order. */
    public static Map<String, String> read(String resource) {
        Map<String, String> lists = new LinkedHashMap<>();
        try (InputStream in = NamedLists.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int colon = line.indexOf(':');
                if (colon < 1) {
                    throw new IllegalStateException(resource + ":" + number + ": expected 'name: entries'");
                }
                lists.put(
                        line.substring(0, colon).strip(),
                        line.substring(colon + 1).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return lists;
    }
}
