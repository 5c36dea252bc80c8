package sift.ingest.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RefreshPolicyTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final RandomGenerator NO_JITTER = () -> 0L;

    private final RefreshPolicy policy = new RefreshPolicy(Duration.ofMinutes(30), Duration.ofHours(24), NO_JITTER);

    @Test
    void fetchesAgainAfterTheInterval() {
        assertThat(policy.afterSuccess(NOW)).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
    }

    @Test
    void backsOffExponentiallyUpToTheCap() {
        assertThat(policy.afterFailure(NOW, 1, null)).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
        assertThat(policy.afterFailure(NOW, 2, null)).isEqualTo(NOW.plus(Duration.ofMinutes(60)));
        assertThat(policy.afterFailure(NOW, 4, null)).isEqualTo(NOW.plus(Duration.ofHours(4)));
        assertThat(policy.afterFailure(NOW, 40, null)).isEqualTo(NOW.plus(Duration.ofHours(24)));
    }

    @Test
    void honoursALongerRetryAfter() {
        assertThat(policy.afterFailure(NOW, 1, Duration.ofHours(2))).isEqualTo(NOW.plus(Duration.ofHours(2)));
        assertThat(policy.afterFailure(NOW, 1, Duration.ofSeconds(5))).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
    }

    @Test
    void addsAtMostTenPercentJitter() {
        RandomGenerator max = new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public double nextDouble() {
                return 0.999;
            }
        };
        Instant next = new RefreshPolicy(Duration.ofMinutes(30), Duration.ofHours(24), max).afterFailure(NOW, 1, null);
        assertThat(next).isBetween(NOW.plus(Duration.ofMinutes(30)), NOW.plus(Duration.ofMinutes(33)));
    }
}
