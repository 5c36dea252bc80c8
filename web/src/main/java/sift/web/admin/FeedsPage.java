package sift.web.admin;

import java.time.Instant;
import java.util.List;
import sift.store.feed.FeedHealth;

/** The feeds page: every feed with its health, and the last OPML import. */
public record FeedsPage(List<FeedHealth> feeds, Instant now, String notice, String problem) {}
