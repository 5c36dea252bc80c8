package sift.web.admin;

import java.time.Instant;
import java.util.List;
import sift.store.feed.Feed;
import sift.store.feed.FeedSettings;
import sift.store.feed.FetchLogEntry;

/** One feed's settings page, with what was wrong in the last form sent. */
public record FeedPage(Feed feed, FeedSettings settings, List<FetchLogEntry> log, Instant now, String problem) {}
