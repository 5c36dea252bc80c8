package sift.nlp.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The bundled sentence encoder, run by ONNX Runtime from the classpath. */
class EncoderTest {
    private static final Encoder ENCODER = Encoder.shared();

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
        }
        return dot;
    }

    @Test
    void aPostBecomesAUnitVectorNearPostsOnItsSubjectAndFarFromOthers() {
        float[] leak = ENCODER.encode(
                "Route leak",
                "An ISP announced thousands of prefixes it did not own to its"
                        + " upstream, and traffic for a payments provider went the wrong way for an hour.");
        float[] hijack = ENCODER.encode(
                "",
                "A network originated someone else's address space in BGP and drew"
                        + " their traffic for forty minutes before filters caught it.");
        float[] recipe = ENCODER.encode(
                "Sourdough",
                "Feed the starter the night before, then fold the dough four"
                        + " times an hour apart and bake it in a hot cast-iron pot.");

        assertThat(leak).hasSize(Encoder.DIMENSIONS);
        assertThat(cosine(leak, leak)).isCloseTo(1.0, offset(1e-5));
        assertThat(cosine(leak, hijack)).isGreaterThan(cosine(leak, recipe) + 0.2);
    }

    @Test
    void aPostWithoutWordsIsTheZeroVector() {
        assertThat(ENCODER.encode(" ", "\n\t")).containsOnly(0f).hasSize(Encoder.DIMENSIONS);
    }

    @Test
    void itReadsTheTitleAndTheLeadOnly() {
        String lead = "word ".repeat(Encoder.WORDS).strip();
        assertThat(Encoder.input("A title ", "  " + lead + " and then the rest of a long post"))
                .isEqualTo("A title.\n" + lead);
        assertThat(ENCODER.encode("T", lead + " more")).containsExactly(ENCODER.encode("T", lead + " other words"));
        // a pathological title is cut, not a cost without bound
        assertThat(ENCODER.encode("bgp ".repeat(5000), "")).hasSize(Encoder.DIMENSIONS);
    }

    @Test
    void workersShareTheEncoderAndGetWhatOneThreadGets() throws Exception {
        List<String> texts = List.of(
                "FRR 10.2 is out with EVPN fixes",
                "The NOC paged everyone at 3am",
                "Peering at a new IXP in Lagos",
                "Zero-touch provisioning with Ansible");
        List<float[]> alone = texts.stream().map(t -> ENCODER.encode("", t)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 25; round++) {
                List<Future<float[]>> together = texts.stream()
                        .map(t -> pool.submit(() -> ENCODER.encode("", t)))
                        .toList();
                for (int i = 0; i < texts.size(); i++) {
                    assertThat(together.get(i).get()).containsExactly(alone.get(i));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
