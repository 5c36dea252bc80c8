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
}
