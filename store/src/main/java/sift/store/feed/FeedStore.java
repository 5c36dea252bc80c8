package sift.store.feed;

import static sift.store.sql.Sql.fit;
import static sift.store.sql.Sql.instant;
import static sift.store.sql.Sql.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** Subscriptions, the fetch state of each feed, and the log of its fetches. */
public final class FeedStore {
    private static final String COLUMNS = """
            id, url, title, site_url, category, etag, last_modified, last_fetched_at,
            last_status, last_error, consecutive_failures, next_fetch_at, poll_minutes, full_fetch_at,
            full_text, full_text_selector, refresh_minutes""";

    /** How far ahead of now a feed's last fetch may lie before the clock is taken to have moved back. */
    static final Duration CLOCK_SLACK = Duration.ofMinutes(5);

    private final Jdbi jdbi;

    public FeedStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Subscribes to the feed unless its URL is already subscribed; true when it was added. */
    public boolean subscribe(NewFeed feed, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                                INSERT INTO feeds (url, host, title, category, next_fetch_at, created_at)
                                SELECT :url, :host, :title, :category, :now, :now
                                WHERE NOT EXISTS (SELECT 1 FROM feeds WHERE url = :url)""")
                        .bind("url", feed.url())
                        .bind("host", Feed.hostOf(feed.url()))
                        .bind("title", fit(feed.title(), 500))
                        .bind("category", fit(feed.category(), 200))
                        .bind("now", utc(now))
                        .execute())
                == 1;
    }

    /** Fills the host of every feed that has none yet (the rows of a database from before hosts were kept). */
    public int fillHosts() {
        return jdbi.inTransaction(h -> {
            Map<Long, String> urls = new HashMap<>();
            h.createQuery("SELECT id, url FROM feeds WHERE host IS NULL")
                    .map((rs, ctx) -> urls.put(rs.getLong("id"), rs.getString("url")))
                    .list();
            var update = h.prepareBatch("UPDATE feeds SET host = :host WHERE id = :id");
            urls.forEach((id, url) -> {
                String host = Feed.hostOf(url);
                if (host != null) {
                    update.bind("id", id).bind("host", host).add();
                }
            });
            return update.size() == 0 ? 0 : Arrays.stream(update.execute()).sum();
        });
    }

    public List<Feed> all() {
        return jdbi.withHandle(
                h -> h.createQuery("SELECT " + COLUMNS + " FROM feeds ORDER BY category, COALESCE(title, url), id")
                        .map(FeedStore::map)
                        .list());
    }

    public Optional<Feed> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM feeds WHERE id = :id")
                .bind("id", id)
                .map(FeedStore::map)
                .findOne());
    }

    public Optional<Feed> findByUrl(String url) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM feeds WHERE url = :url")
                .bind("url", url)
                .map(FeedStore::map)
                .findOne());
    }

    /** Claims due feeds: {@link #claim} of the feeds due at {@code now}. */
    public List<Feed> claimDue(String owner, Instant now, Instant until, int limit) {
        return claim(owner, now, now, until, limit, Set.of());
    }

    /** {@link #claimDue(String, Instant, Instant, int)}, passing over the feeds whose host is in {@code busyHosts}. */
    public List<Feed> claimDue(String owner, Instant now, Instant until, int limit, Set<String> busyHosts) {
        return claim(owner, now, now, until, limit, busyHosts);
    }

    /**
     * Claims up to {@code limit} enabled feeds due by {@code dueBy} and not leased to a live worker at
     * {@code now}, for {@code owner} until {@code until}: rows another worker is claiming at the same moment are skipped, not waited for, so
     * that no feed is fetched twice at once. Recording the fetch releases the lease; a worker that dies leaves
     * its feeds to the others when the lease expires. Feeds whose host is in {@code busyHosts} are passed over.
     *
     * <p>A feed last fetched (or subscribed) more than {@link #CLOCK_SLACK} after {@code now} was scheduled by a
     * clock that has since moved back: it is due now, once, rather than when that clock's schedule comes round.
     */
    public List<Feed> claim(String owner, Instant dueBy, Instant now, Instant until, int limit, Set<String> busyHosts) {
        return jdbi.inTransaction(h -> {
            List<Long> ids = h.createQuery("""
                            SELECT id FROM feeds
                            WHERE enabled AND (lease_until IS NULL OR lease_until < :now)
                              AND (next_fetch_at <= :dueBy OR COALESCE(last_fetched_at, created_at) > :ahead)
                              AND (host IS NULL OR host NOT IN (<busy>))
                            ORDER BY next_fetch_at LIMIT :limit
                            FOR UPDATE SKIP LOCKED""")
                    .bindList("busy", busyHosts.isEmpty() ? List.of("") : List.copyOf(busyHosts)) // no host is ""
                    .bind("dueBy", utc(dueBy))
                    .bind("now", utc(now))
                    .bind("ahead", utc(now.plus(CLOCK_SLACK)))
                    .bind("limit", limit)
                    .mapTo(Long.class)
                    .list();
            if (ids.isEmpty()) {
                return List.of();
            }
            h.createUpdate("UPDATE feeds SET lease_owner = :owner, lease_until = :until WHERE id IN (<ids>)")
                    .bind("owner", fit(owner, 100))
                    .bind("until", utc(until))
                    .bindList("ids", ids)
                    .execute();
            return h.createQuery("SELECT " + COLUMNS + " FROM feeds WHERE id IN (<ids>) ORDER BY next_fetch_at, id")
                    .bindList("ids", ids)
                    .map(FeedStore::map)
                    .list();
        });
    }

    /** Gives a claimed feed back without a fetch (a worker stopping): it is due again at once for the others. */
    public void release(long feedId, String owner) {
        jdbi.useHandle(h -> h.createUpdate(
                        "UPDATE feeds SET lease_owner = NULL, lease_until = NULL WHERE id = :id AND lease_owner = :owner")
                .bind("id", feedId)
                .bind("owner", owner)
                .execute());
    }

    /** Voids every lease of {@code owner}, a node starting again after a crash; how many there were. */
    public int releaseAll(String owner) {
        return jdbi.withHandle(h -> h.createUpdate(
                        "UPDATE feeds SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = :owner")
                .bind("owner", owner)
                .execute());
    }

    /**
     * Whether the feed's teasers get the full text of their page, and the CSS selector that finds the article on
     * those pages (null or blank: found by itself); false when there is no such feed.
     */
    public boolean setFullText(long feedId, boolean fullText, String selector) {
        if (selector != null && selector.strip().length() > 500) {
            throw new IllegalArgumentException("a full-text selector has at most 500 characters, this one has "
                    + selector.strip().length());
        }
        return jdbi.withHandle(h -> h.createUpdate(
                                "UPDATE feeds SET full_text = :fullText, full_text_selector = :selector WHERE id = :id")
                        .bind("id", feedId)
                        .bind("fullText", fullText)
                        .bind("selector", selector == null || selector.isBlank() ? null : selector.strip())
                        .execute())
                == 1;
    }

    public int count() {
        return jdbi.withHandle(h ->
                h.createQuery("SELECT COUNT(*) FROM feeds").mapTo(Integer.class).one());
    }

    /** Records a fetch that worked, on the feed and in the fetch log, in one transaction. */
    public void recordSuccess(long feedId, FetchSuccess success) {
        jdbi.useTransaction(h -> {
            h.createUpdate("""
                            UPDATE feeds SET
                                etag = :etag, last_modified = :lastModified,
                                title = CASE WHEN title_locked THEN title ELSE COALESCE(:title, title) END,
                                site_url = COALESCE(:siteUrl, site_url),
                                last_fetched_at = :fetchedAt, last_status = :status, last_error = NULL,
                                consecutive_failures = 0, next_fetch_at = :nextFetchAt,
                                poll_minutes = COALESCE(:pollMinutes, poll_minutes),
                                full_fetch_at = CASE WHEN :full THEN :fetchedAt ELSE full_fetch_at END,
                                lease_owner = NULL, lease_until = NULL
                            WHERE id = :id""")
                    .bind("id", feedId)
                    .bind("etag", fit(success.etag(), 500))
                    .bind("lastModified", fit(success.lastModified(), 100))
                    .bind("title", fit(success.title(), 500))
                    .bind("siteUrl", fit(success.siteUrl(), 2048))
                    .bind("fetchedAt", utc(success.fetchedAt()))
                    .bind("status", success.status().column())
                    .bind("nextFetchAt", utc(success.nextFetchAt()))
                    .bind(
                            "pollMinutes",
                            success.pollInterval() == null
                                    ? null
                                    : (Integer) (int) Math.max(
                                            1,
                                            Math.min(
                                                    10080,
                                                    success.pollInterval().toMinutes())))
                    .bind("full", success.full())
                    .execute();
            log(
                    h,
                    feedId,
                    success.fetchedAt(),
                    success.status(),
                    success.took(),
                    success.newPosts(),
                    success.updatedPosts(),
                    null);
        });
    }

    /** What an admin tuned on the feed, if there is such a feed. */
    public Optional<FeedSettings> settings(long feedId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM feeds WHERE id = :id")
                .bind("id", feedId)
                .map((rs, ctx) -> settings(rs))
                .findOne());
    }

    private static FeedSettings settings(ResultSet rs) throws SQLException {
        return new FeedSettings(
                rs.getBoolean("title_locked") ? rs.getString("title") : null,
                rs.getString("category"),
                rs.getObject("refresh_minutes", Integer.class),
                rs.getBoolean("full_text"),
                rs.getString("full_text_selector"),
                rs.getDouble("source_weight"),
                rs.getBoolean("enabled"));
    }

    /**
     * Saves what an admin tuned; false when there is no such feed. A title set stays; none gives the feed its own
     * back at the next fetch. Enabling a stopped feed makes it due now.
     */
    public boolean update(long feedId, FeedSettings s, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE feeds SET title = COALESCE(:title, title), title_locked = :locked, category = :category,
                            refresh_minutes = :refresh, full_text = :fullText, full_text_selector = :selector,
                            source_weight = :weight,
                            next_fetch_at = CASE WHEN :enabled AND NOT enabled THEN :now ELSE next_fetch_at END,
                            enabled = :enabled
                        WHERE id = :id""")
                        .bind("id", feedId)
                        .bind("title", s.title())
                        .bind("locked", s.title() != null)
                        .bind("category", s.category())
                        .bind("refresh", s.refreshMinutes())
                        .bind("fullText", s.fullText())
                        .bind("selector", s.fullTextSelector())
                        .bind("weight", s.sourceWeight())
                        .bind("enabled", s.enabled())
                        .bind("now", utc(now))
                        .execute())
                > 0;
    }

    /** Unsubscribes the feed: its posts, their facts and readers' state of them go with it. False: no such feed. */
    public boolean remove(long feedId) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM feeds WHERE id = :id")
                        .bind("id", feedId)
                        .execute())
                > 0;
    }

    /** Makes the feed due now, so that the next scheduler tick (of any node) fetches it. False: no such feed. */
    public boolean dueNow(long feedId, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE feeds SET next_fetch_at = :now WHERE id = :id")
                        .bind("id", feedId)
                        .bind("now", utc(now))
                        .execute())
                > 0;
    }

    /** How the enabled feeds' last fetches went, for the banner readers see when feeds cannot be reached. */
    public FeedReach reach() {
        return jdbi.withHandle(h -> {
            var counts = h.createQuery("""
                            SELECT SUM(CASE WHEN last_status IN ('ok', 'not_modified') THEN 1 ELSE 0 END) AS reached,
                                   SUM(CASE WHEN last_status = 'failed' THEN 1 ELSE 0 END) AS failing,
                                   SUM(CASE WHEN last_status IS NULL THEN 1 ELSE 0 END) AS waiting
                            FROM feeds WHERE enabled""").mapToMap().one();
            int failing = number(counts.get("failing"));
            var common = h.createQuery("""
                            SELECT last_error, COUNT(*) AS n FROM feeds
                            WHERE enabled AND last_status = 'failed' AND last_error IS NOT NULL
                            GROUP BY last_error ORDER BY n DESC, last_error LIMIT 1""").mapToMap().findOne();
            return new FeedReach(
                    number(counts.get("reached")),
                    failing,
                    number(counts.get("waiting")),
                    common.map(row -> (String) row.get("last_error")).orElse(null),
                    common.map(row -> number(row.get("n"))).orElse(0));
        });
    }

    /** A count as the databases give it: null over no rows, a Long or a BigDecimal. */
    private static int number(Object value) {
        return value == null ? 0 : ((Number) value).intValue();
    }

    /**
     * Every feed with its health, broken feeds first (then by consecutive failures, then by title): the share of
     * 304s among its fetches of the last 30 days and its new posts a week over the last 28 days.
     */
    public List<FeedHealth> health(Instant now) {
        return jdbi.withHandle(h -> {
            Map<Long, Double> notModified = new HashMap<>();
            h.createQuery("""
                            SELECT feed_id, SUM(CASE WHEN status = 'not_modified' THEN 1 ELSE 0 END) AS nm, COUNT(*) AS n
                            FROM fetch_log WHERE fetched_at >= :since GROUP BY feed_id""")
                    .bind("since", utc(now.minus(Duration.ofDays(30))))
                    .map((rs, ctx) -> notModified.put(rs.getLong("feed_id"), rs.getDouble("nm") / rs.getLong("n")))
                    .forEach(ignored -> {});
            Map<Long, Double> perWeek = new HashMap<>();
            h.createQuery("SELECT feed_id, COUNT(*) AS n FROM posts WHERE first_seen_at >= :since GROUP BY feed_id")
                    .bind("since", utc(now.minus(Duration.ofDays(28))))
                    .map((rs, ctx) -> perWeek.put(rs.getLong("feed_id"), rs.getLong("n") / 4.0))
                    .forEach(ignored -> {});
            return h
                    .createQuery("SELECT * FROM feeds")
                    .map((rs, ctx) -> {
                        Feed feed = map(rs, ctx);
                        return new FeedHealth(
                                feed, settings(rs), notModified.get(feed.id()), perWeek.getOrDefault(feed.id(), 0.0));
                    })
                    .list()
                    .stream()
                    .sorted(Comparator.comparing((FeedHealth f) -> !f.broken())
                            .thenComparing(f -> -f.feed().consecutiveFailures())
                            .thenComparing(f -> f.feed().displayTitle().toLowerCase(Locale.ROOT)))
                    .toList();
        });
    }

    /**
     * Keeps what the feed says of itself as its last full fetch gave it: its description in plain text and its
     * artwork's address (null when it gives none; the caller keeps only http and https addresses).
     */
    public void describe(long feedId, String description, String imageUrl) {
        jdbi.useHandle(h -> h.createUpdate(
                        "UPDATE feeds SET description = :description, image_url = :image WHERE id = :id")
                .bind("id", feedId)
                .bind("description", fit(description, 2000))
                .bind("image", imageUrl == null || imageUrl.length() > 2048 ? null : imageUrl)
                .execute());
    }

    /** Points the feed at a new URL (a moved feed); false when another feed already has that URL. */
    public boolean changeUrl(long feedId, String url) {
        return jdbi.withHandle(h -> h.createUpdate("""
                                UPDATE feeds SET url = :url, host = :host
                                WHERE id = :id AND NOT EXISTS (SELECT 1 FROM feeds WHERE url = :url)""")
                        .bind("id", feedId)
                        .bind("url", url)
                        .bind("host", Feed.hostOf(url))
                        .execute())
                == 1;
    }

    /** Records a failed fetch: the error in plain words, one more consecutive failure, the next try. */
    public void recordFailure(long feedId, String error, Instant fetchedAt, Instant nextFetchAt, Duration took) {
        jdbi.useTransaction(h -> {
            h.createUpdate("""
                            UPDATE feeds SET
                                last_fetched_at = :fetchedAt, last_status = 'failed', last_error = :error,
                                consecutive_failures = consecutive_failures + 1, next_fetch_at = :nextFetchAt,
                                lease_owner = NULL, lease_until = NULL
                            WHERE id = :id""")
                    .bind("id", feedId)
                    .bind("error", fit(error, 2000))
                    .bind("fetchedAt", utc(fetchedAt))
                    .bind("nextFetchAt", utc(nextFetchAt))
                    .execute();
            log(h, feedId, fetchedAt, FetchStatus.FAILED, took, 0, 0, error);
        });
    }

    /**
     * Stops polling a feed its publisher removed (HTTP 410): the feed stays, disabled, with the reason as its
     * error for the admin to see; enabling it again resumes polling.
     */
    public void disable(long feedId, String reason, Instant fetchedAt, Duration took) {
        jdbi.useTransaction(h -> {
            h.createUpdate("""
                            UPDATE feeds SET
                                enabled = FALSE, last_fetched_at = :fetchedAt, last_status = 'failed', last_error = :error,
                                consecutive_failures = consecutive_failures + 1, lease_owner = NULL, lease_until = NULL
                            WHERE id = :id""")
                    .bind("id", feedId)
                    .bind("error", fit(reason, 2000))
                    .bind("fetchedAt", utc(fetchedAt))
                    .execute();
            log(h, feedId, fetchedAt, FetchStatus.FAILED, took, 0, 0, reason);
        });
    }

    /** The feed's latest fetches, newest first. */
    public List<FetchLogEntry> fetchLog(long feedId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT fetched_at, status, duration_ms, new_posts, updated_posts, error FROM fetch_log
                        WHERE feed_id = :feedId ORDER BY fetched_at DESC, id DESC LIMIT :limit""")
                .bind("feedId", feedId)
                .bind("limit", limit)
                .map((rs, ctx) -> new FetchLogEntry(
                        instant(rs, "fetched_at"),
                        FetchStatus.fromColumn(rs.getString("status")),
                        Duration.ofMillis(rs.getInt("duration_ms")),
                        rs.getInt("new_posts"),
                        rs.getInt("updated_posts"),
                        rs.getString("error")))
                .list());
    }

    /** Deletes fetch log entries older than the cutoff; returns how many. */
    public int pruneFetchLog(Instant before) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM fetch_log WHERE fetched_at < :before")
                .bind("before", utc(before))
                .execute());
    }

    private static void log(
            Handle h,
            long feedId,
            Instant fetchedAt,
            FetchStatus status,
            Duration took,
            int newPosts,
            int updatedPosts,
            String error) {
        h.createUpdate("""
                        INSERT INTO fetch_log (feed_id, fetched_at, status, duration_ms, new_posts, updated_posts, error)
                        VALUES (:feedId, :fetchedAt, :status, :millis, :newPosts, :updatedPosts, :error)""")
                .bind("feedId", feedId)
                .bind("fetchedAt", utc(fetchedAt))
                .bind("status", status.column())
                .bind("millis", (int) Math.min(Integer.MAX_VALUE, took.toMillis()))
                .bind("newPosts", newPosts)
                .bind("updatedPosts", updatedPosts)
                .bind("error", fit(error, 2000))
                .execute();
    }

    private static Feed map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Feed(
                rs.getLong("id"),
                rs.getString("url"),
                rs.getString("title"),
                rs.getString("site_url"),
                rs.getString("category"),
                rs.getString("etag"),
                rs.getString("last_modified"),
                instant(rs, "last_fetched_at"),
                FetchStatus.fromColumn(rs.getString("last_status")),
                rs.getString("last_error"),
                rs.getInt("consecutive_failures"),
                instant(rs, "next_fetch_at"),
                rs.getObject("poll_minutes") == null ? null : Duration.ofMinutes(rs.getInt("poll_minutes")),
                instant(rs, "full_fetch_at"),
                rs.getBoolean("full_text"),
                rs.getString("full_text_selector"),
                rs.getObject("refresh_minutes", Integer.class));
    }
}
