package sift.web.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Issue 20: the feed cache held 500 whole bodies whatever their size. */
class FeedCacheTest {
    private static FeedCache.Entry body(int bytes) {
        return new FeedCache.Entry("mark", "\"etag\"", Instant.EPOCH, new byte[bytes]);
    }

    @Test
    void staysUnderItsByteBoundUnderAThousandDistinctFeeds() {
        FeedCache cache = new FeedCache(1_000_000);
        for (int i = 0; i < 1000; i++) {
            cache.put("http://sift/feeds/posts.atom?q=word" + i + " 1", body(20_000));
            assertThat(cache.bytes()).isLessThanOrEqualTo(1_000_000);
        }
        assertThat(cache.size()).isBetween(40, 50);
        assertThat(cache.get("http://sift/feeds/posts.atom?q=word999 1"))
                .as("the newest stays")
                .isNotNull();
        assertThat(cache.get("http://sift/feeds/posts.atom?q=word0 1"))
                .as("the oldest went")
                .isNull();
    }

    @Test
    void keepsWhatIsAskedForAndLeavesOutWhatIsTooLarge() {
        FeedCache cache = new FeedCache(1_000_000);
        cache.put("a", body(100_000));
        for (int i = 0; i < 20; i++) {
            cache.put("b" + i, body(100_000));
            cache.get("a"); // read all along: the least recently used go first
        }
        assertThat(cache.get("a")).isNotNull();
        cache.put("huge", body(200_000));
        assertThat(cache.get("huge")).as("over an eighth of the bound").isNull();
        cache.put("a", body(10));
        assertThat(cache.bytes()).isLessThanOrEqualTo(1_000_000);
    }
}
