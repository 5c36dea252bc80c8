package sift.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SiftConfigTest {
    private static final Path DATA = Path.of("data");

    @Test
    void fetchesOnlyPublicAddressesPolitelyByDefault() {
        SiftConfig.Ingest ingest = SiftConfig.from(DATA, null, false, Map.of()).ingest();
        assertThat(ingest.allowPrivate()).isFalse();
        assertThat(ingest.hostGap()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void theDemoAndTheAdminMayAllowPrivateAddresses() {
        assertThat(SiftConfig.from(DATA, null, true, Map.of()).ingest().allowPrivate())
                .as("demo feeds are served by Sift itself")
                .isTrue();
        assertThat(SiftConfig.from(DATA, null, false, Map.of("SIFT_ALLOW_PRIVATE", "yes"))
                        .ingest()
                        .allowPrivate())
                .isTrue();
        assertThat(SiftConfig.from(DATA, null, false, Map.of("SIFT_HOST_GAP_MS", "0"))
                        .ingest()
                        .hostGap())
                .isZero();
    }

    @Test
    void aNodeKeepsItsNameInItsDataFolder(@org.junit.jupiter.api.io.TempDir Path dir) {
        String first = SiftConfig.from(dir, null, false, Map.of()).node();
        assertThat(first).startsWith("node-");
        assertThat(SiftConfig.from(dir, null, false, Map.of()).node()).isEqualTo(first);
        assertThat(SiftConfig.from(dir.resolve("other"), null, false, Map.of()).node())
                .isNotEqualTo(first);
    }

    @Test
    void aBadValueNamesTheSetting() {
        assertThatThrownBy(() -> SiftConfig.from(DATA, null, false, Map.of("SIFT_ALLOW_PRIVATE", "maybe")))
                .hasMessage("SIFT_ALLOW_PRIVATE must be true or false, was 'maybe'");
        assertThatThrownBy(() -> SiftConfig.from(DATA, null, false, Map.of("SIFT_HOST_GAP_MS", "-5")))
                .hasMessage("SIFT_HOST_GAP_MS must be 0 or more, was -5");
    }
}
