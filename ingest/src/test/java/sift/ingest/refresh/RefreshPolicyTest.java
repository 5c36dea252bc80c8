package sift.ingest.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RefreshPolicyTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final RandomGenerator NO_JITTER = () -> 0L;

    private final RefreshPolicy policy = new RefreshPolicy(Duration.ofMinutes(30), Duration.ofHours(24), NO_JITTER);

    private static List<Instant> every(Duration gap, int posts) {
        List<Instant> dates = new ArrayList<>();
        for (int i = 0; i < posts; i++) {
            dates.add(NOW.minus(gap.multipliedBy(i)).minusSeconds(60));
        }
        return dates;
    }

    @Test
    void pollsAtTheConfiguredIntervalWhenThereIsNothingToGoBy() {
        assertThat(policy.pollInterval(NOW, List.of(), null, null)).isEqualTo(Duration.ofMinutes(30));
        assertThat(policy.pollInterval(NOW, Arrays.asList(null, NOW.minusSeconds(5)), null, null))
                .isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void pollsAsOftenAsTheFeedPublishesWithinBounds() {
        assertThat(policy.pollInterval(NOW, every(Duration.ofDays(1), 10), null, null))
                .isEqualTo(Duration.ofHours(6));
        assertThat(policy.pollInterval(NOW, every(Duration.ofHours(8), 10), null, null))
                .isEqualTo(Duration.ofHours(2));
        assertThat(policy.pollInterval(NOW, every(Duration.ofMinutes(10), 10), null, null))
                .as("15 minutes at least")
                .isEqualTo(Duration.ofMinutes(15));
        assertThat(policy.pollInterval(NOW, every(Duration.ofDays(14), 5), null, null))
                .as("a day at most")
                .isEqualTo(Duration.ofHours(24));
        List<Instant> dormant = every(Duration.ofHours(1), 5).stream()
                .map(d -> d.minus(Duration.ofDays(60)))
                .toList();
        assertThat(policy.pollInterval(NOW, dormant, null, null))
                .as("silent for two months")
                .isEqualTo(Duration.ofHours(24));
    }

    @Test
    void neverPollsSoonerThanTheTtlOrTheServersFreshness() {
        assertThat(policy.pollInterval(NOW, every(Duration.ofHours(1), 10), Duration.ofHours(3), null))
                .isEqualTo(Duration.ofHours(3));
        assertThat(policy.pollInterval(NOW, List.of(), null, Duration.ofHours(2)))
                .isEqualTo(Duration.ofHours(2));
        assertThat(policy.pollInterval(NOW, List.of(), Duration.ofDays(7), null))
                .isEqualTo(Duration.ofHours(24));
        assertThat(policy.pollIntervalUnchanged(Duration.ofHours(6), null)).isEqualTo(Duration.ofHours(6));
        assertThat(policy.pollIntervalUnchanged(null, Duration.ofHours(1))).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void fetchesWithoutValidatorsOnceADay() {
        assertThat(policy.fullFetchDue(NOW, null)).isTrue();
        assertThat(policy.fullFetchDue(NOW, NOW.minus(Duration.ofHours(23)))).isFalse();
        assertThat(policy.fullFetchDue(NOW, NOW.minus(Duration.ofHours(24)))).isTrue();
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
