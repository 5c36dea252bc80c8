package sift.web.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DemoFeedsTest {
    @Test
    void writesDatesRelativeToTheHourSiftStarted() {
        Instant anchor = Instant.parse("2026-11-26T12:00:00Z");
        assertThat(DemoFeeds.withDates("<pubDate>{{rfc822 -1d2h}}</pubDate><updated>{{iso -45m}}</updated>", anchor))
                .isEqualTo("<pubDate>Wed, 25 Nov 2026 10:00:00 GMT</pubDate><updated>2026-11-26T11:15:00Z</updated>");
    }

    @Test
    void namesEveryBundledSampleFeed() {
        DemoFeeds demo = DemoFeeds.load(Instant.now());
        assertThat(demo.size()).isEqualTo(6);
        assertThat(demo.subscriptions("http://127.0.0.1:7070"))
                .allSatisfy(f -> assertThat(f.url()).startsWith("http://127.0.0.1:7070/demo/feeds/"));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {"2026-12-04T06:59:00Z", "2026-12-04T07:00:00Z", "2026-12-04T10:45:00Z", "2026-12-04T23:30:00Z"})
    void theNewestSamplesFallInTheNewestDigestWhateverTheHourTheDemoStarts(String start) {
        Instant now = Instant.parse(start);
        Instant anchor = DemoFeeds.anchor(now);
        // the newest digest of a reader without settings covers the 24 hours to the last 07:00 UTC
        assertThat(anchor).isBeforeOrEqualTo(now).isAfter(now.minus(java.time.Duration.ofDays(1)));
        assertThat(anchor.atZone(java.time.ZoneOffset.UTC).getHour()).isEqualTo(7);
        Instant newest = Instant.parse(DemoFeeds.withDates("{{iso -0d2h}}", anchor));
        assertThat(newest).isBefore(anchor).isAfter(anchor.minus(java.time.Duration.ofDays(1)));
    }
}
