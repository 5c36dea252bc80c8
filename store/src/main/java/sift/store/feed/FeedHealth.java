package sift.store.feed;

/**
 * A feed as the admin's health page shows it: the feed, its settings, the share of its fetches of the last 30
 * days that the server answered 304 (null: none), and its new posts a week over the last four weeks.
 */
public record FeedHealth(Feed feed, FeedSettings settings, Double notModifiedShare, double postsPerWeek) {
    /** Broken: its last fetch failed, or it was stopped. */
    public boolean broken() {
        return feed.lastStatus() == FetchStatus.FAILED || !settings.enabled();
    }
}
