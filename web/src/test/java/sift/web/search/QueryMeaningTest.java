package sift.web.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class QueryMeaningTest {
    @Test
    void givesTheEncodersVector() {
        float[] vector = {0.6f, 0.8f};
        assertThat(new QueryMeaning(q -> vector).of("bgp leak")).isSameAs(vector);
    }

    @Test
    void anEncoderThatCannotRunLeavesSearchToWordsAlone() {
        AtomicInteger calls = new AtomicInteger();
        QueryMeaning broken = new QueryMeaning(q -> {
            calls.incrementAndGet();
            throw new ExceptionInInitializerError("the model /all-minilm-l6-v2-q.onnx is not on the classpath");
        });
        assertThat(broken.of("bgp leak")).isNull();
        assertThat(new QueryMeaning(q -> {
                            throw new IllegalStateException("ONNX Runtime failed");
                        })
                        .of("bgp leak"))
                .isNull();
        assertThat(broken.of("route leak"))
                .as("asked again: a model may load later")
                .isNull();
        assertThat(calls).hasValue(2);
    }
}
