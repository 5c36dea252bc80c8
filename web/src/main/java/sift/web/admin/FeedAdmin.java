package sift.web.admin;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sift.ingest.discover.FeedDiscovery;
import sift.ingest.fetch.FeedFetcher;
import sift.ingest.fetch.FetchSettings;
import sift.ingest.parse.FeedParser;
import sift.store.AuditStore;
import sift.store.feed.Feed;
import sift.store.feed.FeedSettings;
import sift.store.feed.FeedStore;
import sift.store.feed.NewFeed;
import sift.store.search.SearchIndex;
import sift.web.http.BadInput;
import sift.web.http.Viewer;
import sift.web.http.WebLinks;

/**
 * An admin's changes of the feeds, from the admin pages or from a sync app: subscribe (by a feed's address or its
 * site's), change a feed's settings, remove a feed. Each is checked first, and recorded in the audit log.
 */
public final class FeedAdmin {
    private static final Logger log = LoggerFactory.getLogger(FeedAdmin.class);

    private final FeedStore feeds;
    private final AuditStore audit;
    private final SearchIndex index;
    private final FetchSettings fetchSettings;
    private final Clock clock;

    public FeedAdmin(FeedStore feeds, AuditStore audit, SearchIndex index, FetchSettings fetchSettings, Clock clock) {
        this.feeds = feeds;
        this.audit = audit;
        this.index = index;
        this.fetchSettings = fetchSettings;
        this.clock = clock;
    }

    /** A subscription: the feed found, whether it is new, and the other feeds the site offered. */
    public record Subscribed(Feed feed, boolean added, List<String> alsoOffered) {}

    /**
     * Finds the feed at the address (a feed's, or a site's that links one) and subscribes to it in the category
     * (blank: none). An address that is not http(s), or where no feed is found, is refused in words.
     */
    public Subscribed subscribe(Viewer admin, String given, String category) {
        URI url = WebLinks.webAddress(given);
        if (url == null) {
            throw new BadInput("'" + given + "' is not an http(s) address of a feed or a site.");
        }
        FeedDiscovery.Result found;
        try (FeedFetcher fetcher = new FeedFetcher(fetchSettings)) {
            found = new FeedDiscovery(fetcher, new FeedParser()).discover(url);
        }
        if (found.feeds().isEmpty()) {
            throw new BadInput(Character.toUpperCase(found.problem().charAt(0))
                    + found.problem().substring(1) + ".");
        }
        FeedDiscovery.Found feed = found.feeds().get(0);
        boolean added = feeds.subscribe(
                new NewFeed(feed.url(), feed.title(), category == null || category.isBlank() ? null : category.strip()),
                clock.instant());
        if (added) {
            record(admin, "feed.add", feed.url(), given.equals(feed.url()) ? null : "found from " + given);
        }
        Feed stored = feeds.findByUrl(feed.url())
                .orElseThrow(() -> new IllegalStateException("the feed " + feed.url() + " was removed at once"));
        return new Subscribed(
                stored,
                added,
                found.feeds().stream().skip(1).map(FeedDiscovery.Found::url).toList());
    }

    /** Saves the feed's settings; the audit log says what changed. */
    public void update(Viewer admin, Feed feed, FeedSettings settings) {
        FeedSettings before = feeds.settings(feed.id()).orElseThrow();
        feeds.update(feed.id(), settings, clock.instant());
        record(admin, "feed.edit", feed.url(), changes(before, settings));
    }

    /** Unsubscribes the feed: its posts go with it, from the database and the search index. */
    public void remove(Viewer admin, Feed feed) {
        feeds.remove(feed.id());
        index.forgetFeed(feed.id());
        record(admin, "feed.remove", feed.url(), feed.displayTitle());
    }

    /** What changed between two settings, in words, for the audit log. */
    static String changes(FeedSettings before, FeedSettings after) {
        Map<String, Object[]> fields = new LinkedHashMap<>();
        fields.put("title", new Object[] {before.title(), after.title()});
        fields.put("category", new Object[] {before.category(), after.category()});
        fields.put("refresh minutes", new Object[] {before.refreshMinutes(), after.refreshMinutes()});
        fields.put("full text", new Object[] {before.fullText(), after.fullText()});
        fields.put("selector", new Object[] {before.fullTextSelector(), after.fullTextSelector()});
        fields.put("source weight", new Object[] {before.sourceWeight(), after.sourceWeight()});
        fields.put("enabled", new Object[] {before.enabled(), after.enabled()});
        List<String> changed = new ArrayList<>();
        fields.forEach((name, pair) -> {
            if (!Objects.equals(pair[0], pair[1])) {
                changed.add(name + ": " + pair[0] + " -> " + pair[1]);
            }
        });
        return changed.isEmpty() ? "nothing changed" : String.join("; ", changed);
    }

    void record(Viewer admin, String action, String target, String detail) {
        audit.record(admin.userId(), admin.name(), action, target, detail, clock.instant());
        log.info("Admin '{}': {} {}{}", admin.name(), action, target, detail == null ? "" : " (" + detail + ")");
    }
}
