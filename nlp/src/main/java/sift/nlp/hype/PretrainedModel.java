package sift.nlp.hype;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads one of OpenNLP's pre-trained models (Maven artifacts on the classpath), naming it when it cannot. */
final class PretrainedModel {
    private PretrainedModel() {}

    /** How a model is made from its stream. */
    interface Reader<T> {
        T read(InputStream in) throws IOException;
    }

    static <T> T read(String resource, String what, Reader<T> reader) {
        try (InputStream in = PretrainedModel.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the " + what + " " + resource + " is not on the classpath");
            }
            return reader.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + what + " " + resource, e);
        }
    }
}
