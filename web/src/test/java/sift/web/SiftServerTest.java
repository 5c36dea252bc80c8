package sift.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sift.store.Database;
import sift.store.DbSettings;
import sift.store.feed.Feed;
import sift.store.feed.NewFeed;

class SiftServerTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void theFirstStartSubscribesTheCuratedFeedsOnce() {
        try (Database db = Database.open(DbSettings.embedded(dir))) {
            SiftServer.subscribeDefaults(db, NOW);
            int subscribed = db.feeds().count();
            assertThat(subscribed).isGreaterThanOrEqualTo(15);
            assertThat(db.feeds().all())
                    .extracting(Feed::url)
                    .contains(
                            "https://blog.cloudflare.com/rss/",
                            "https://blog.ipspace.net/atom.xml",
                            "https://github.com/ipspace/netlab/releases.atom");
            assertThat(db.feeds().all()).extracting(Feed::category).containsOnly("Blogs", "Podcasts", "Releases");

            db.feeds().all().stream().limit(3).forEach(f -> db.feeds().changeUrl(f.id(), f.url() + "?moved"));
            SiftServer.subscribeDefaults(db, NOW);
            assertThat(db.feeds().count()).as("not applied twice").isEqualTo(subscribed);
        }
    }

    @Test
    void feedsChosenBeforeTheFirstStartAreLeftAlone() {
        try (Database db = Database.open(DbSettings.embedded(dir))) {
            db.feeds().subscribe(new NewFeed("https://mine.example/feed", "Mine", null), NOW);
            SiftServer.subscribeDefaults(db, NOW);
            assertThat(db.feeds().all()).extracting(Feed::url).containsExactly("https://mine.example/feed");
        }
    }
}
