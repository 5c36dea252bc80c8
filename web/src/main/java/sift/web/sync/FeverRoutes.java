package sift.web.sync;

import static sift.web.sync.GoogleReaderRoutes.param;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sift.store.feed.Feed;
import sift.store.feed.FeedStore;
import sift.store.sync.Selection;
import sift.store.sync.SyncItem;
import sift.store.sync.SyncStore;
import sift.store.user.User;
import sift.web.auth.AppLogins;
import sift.web.http.BadInput;

/**
 * The Fever API ({@value #PATH}{@code ?api}), for Reeder, Unread, FeedMe and Fiery Feeds: every call carries
 * {@code api_key}, the MD5 of {@code "name:app password"}. Groups are the feeds' folders, each numbered by the
 * smallest id of its feeds (so a folder keeps its number while that feed lives). Sift keeps no site icons, so
 * {@code favicons} is empty and every feed's {@code favicon_id} is 0; it has no hot links, so {@code links} is
 * empty. {@code mark} also takes {@code as=unread} (as FreshRSS and Miniflux do).
 */
public final class FeverRoutes {
    private static final Logger log = LoggerFactory.getLogger(FeverRoutes.class);

    public static final String PATH = "/fever/";
    /** Items a call gives at most, as in Fever. */
    static final int ITEMS = 50;

    private final AppLogins logins;
    private final SyncStore sync;
    private final FeedStore feeds;
    private final LongConsumer flushReads;
    private final Clock clock;

    FeverRoutes(AppLogins logins, SyncStore sync, FeedStore feeds, LongConsumer flushReads, Clock clock) {
        this.logins = logins;
        this.sync = sync;
        this.feeds = feeds;
        this.flushReads = flushReads;
        this.clock = clock;
    }

    void register(Javalin app) {
        app.get(PATH, this::api);
        app.post(PATH, this::api);
        app.get("/fever", this::api);
        app.post("/fever", this::api);
    }

    private void api(Context ctx) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("api_version", 3);
        if (ctx.queryParam("api") == null) {
            ctx.status(HttpStatus.BAD_REQUEST);
            answer.put("auth", 0);
            answer.put("error", "This is Sift's Fever API: call " + PATH + "?api with api_key.");
            ctx.json(answer);
            return;
        }
        Optional<User> user;
        try {
            user = logins.feverKey(param(ctx, "api_key").orElse(""), ctx.ip());
        } catch (AppLogins.Throttled e) {
            ctx.status(HttpStatus.TOO_MANY_REQUESTS);
            answer.put("auth", 0);
            answer.put("error", e.getMessage());
            ctx.json(answer);
            return;
        }
        if (user.isEmpty()) {
            answer.put("auth", 0);
            ctx.json(answer);
            return;
        }
        long reader = user.get().id();
        flushReads.accept(reader);
        answer.put("auth", 1);
        List<Feed> all = feeds.all();
        answer.put(
                "last_refreshed_on_time",
                all.stream()
                        .map(Feed::lastFetchedAt)
                        .filter(Objects::nonNull)
                        .max(Instant::compareTo)
                        .map(Instant::getEpochSecond)
                        .orElse(0L));
        try {
            if (param(ctx, "mark").isPresent()) {
                mark(ctx, reader, all, answer);
            }
            if (has(ctx, "groups")) {
                answer.put(
                        "groups",
                        groups(all).entrySet().stream()
                                .map(e -> Map.of("id", e.getValue(), "title", e.getKey()))
                                .toList());
                answer.put("feeds_groups", feedsGroups(all));
            }
            if (has(ctx, "feeds")) {
                answer.put("feeds", all.stream().map(FeverRoutes::feed).toList());
                answer.put("feeds_groups", feedsGroups(all));
            }
            if (has(ctx, "favicons")) {
                answer.put("favicons", List.of());
            }
            if (has(ctx, "items")) {
                items(ctx, reader, answer);
            }
            if (has(ctx, "links")) {
                answer.put("links", List.of());
            }
            if (has(ctx, "unread_item_ids")) {
                answer.put("unread_item_ids", ids(reader, Selection.ALL.read(false)));
            }
            if (has(ctx, "saved_item_ids")) {
                answer.put("saved_item_ids", ids(reader, Selection.ALL.starred(true)));
            }
        } catch (BadInput e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            answer.put("error", e.getMessage());
        }
        ctx.json(answer);
    }

    private static boolean has(Context ctx, String name) {
        return ctx.queryParam(name) != null || ctx.method().name().equals("POST") && ctx.formParam(name) != null;
    }

    /** The folders by name, each with its number: the smallest id of its feeds. */
    private static Map<String, Long> groups(List<Feed> all) {
        Map<String, Long> groups = new TreeMap<>();
        all.stream().filter(f -> f.category() != null).forEach(f -> groups.merge(f.category(), f.id(), Math::min));
        return groups;
    }

    private static List<Map<String, Object>> feedsGroups(List<Feed> all) {
        Map<String, Long> groups = groups(all);
        return groups.entrySet().stream()
                .map(g -> Map.<String, Object>of(
                        "group_id",
                        g.getValue(),
                        "feed_ids",
                        all.stream()
                                .filter(f -> g.getKey().equals(f.category()))
                                .map(f -> String.valueOf(f.id()))
                                .collect(Collectors.joining(","))))
                .toList();
    }

    private static Map<String, Object> feed(Feed f) {
        Map<String, Object> feed = new LinkedHashMap<>();
        feed.put("id", f.id());
        feed.put("favicon_id", 0);
        feed.put("title", f.displayTitle());
        feed.put("url", f.url());
        feed.put("site_url", f.siteUrl() == null ? "" : f.siteUrl());
        feed.put("is_spark", 0);
        feed.put(
                "last_updated_on_time",
                f.lastFetchedAt() == null ? 0 : f.lastFetchedAt().getEpochSecond());
        return feed;
    }

    /**
     * {@code items}: {@value #ITEMS} at most; {@code since_id} the next ones up, {@code max_id} the ones below it
     * (0: the newest), {@code with_ids} those listed.
     */
    private void items(Context ctx, long reader, Map<String, Object> answer) {
        List<Long> ids;
        Optional<String> withIds = param(ctx, "with_ids");
        if (withIds.isPresent()) {
            ids = numbers("with_ids", withIds.get());
            if (ids.size() > ITEMS) {
                throw new BadInput("with_ids lists at most " + ITEMS + " items, not " + ids.size() + ".");
            }
        } else {
            Long since = param(ctx, "since_id").map(v -> number("since_id", v)).orElse(null);
            Long max = param(ctx, "max_id")
                    .map(v -> number("max_id", v))
                    .filter(v -> v > 0)
                    .orElse(null);
            SyncStore.Order order = since != null ? SyncStore.Order.ID_UP : SyncStore.Order.ID_DOWN;
            ids = sync.page(reader, Selection.ALL.idsBetween(since, max), order, null, ITEMS).stream()
                    .map(SyncStore.Ref::id)
                    .toList();
        }
        answer.put(
                "items", sync.items(reader, ids).stream().map(FeverRoutes::item).toList());
        answer.put("total_items", sync.count(reader, Selection.ALL));
    }

    private static Map<String, Object> item(SyncItem i) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", i.id());
        item.put("feed_id", i.feedId());
        item.put("title", i.title());
        item.put("author", i.author() == null ? "" : i.author());
        item.put("html", i.html());
        item.put("url", i.link() == null ? "" : i.link());
        item.put("is_saved", i.starred() ? 1 : 0);
        item.put("is_read", i.read() ? 1 : 0);
        item.put("created_on_time", i.publishedAt().getEpochSecond());
        return item;
    }

    private String ids(long reader, Selection selection) {
        return sync.page(reader, selection, SyncStore.Order.ID_UP, null, Integer.MAX_VALUE).stream()
                .map(ref -> String.valueOf(ref.id()))
                .collect(Collectors.joining(","));
    }

    /**
     * {@code mark=item} ({@code as} read, unread, saved or unsaved), {@code mark=feed} or {@code mark=group}
     * ({@code as=read}, of the items Sift had {@code before}, epoch seconds; group 0 is every feed).
     */
    private void mark(Context ctx, long reader, List<Feed> all, Map<String, Object> answer) {
        String what = param(ctx, "mark").orElseThrow();
        String as = param(ctx, "as").orElse("");
        long id = param(ctx, "id").map(v -> number("id", v)).orElseThrow(() -> new BadInput("mark needs an id."));
        Instant now = clock.instant();
        Selection selection;
        switch (what) {
            case "item" -> selection = Selection.ALL.ids(List.of(id));
            case "feed" -> selection = Selection.ALL.feeds(List.of(id));
            case "group" -> {
                List<Long> feedIds = new ArrayList<>();
                String folder = groups(all).entrySet().stream()
                        .filter(g -> g.getValue() == id)
                        .map(Map.Entry::getKey)
                        .findFirst()
                        .orElse(null);
                all.stream()
                        .filter(f -> id == 0 || folder != null && folder.equals(f.category()))
                        .forEach(f -> feedIds.add(f.id()));
                selection = Selection.ALL.feeds(feedIds);
            }
            default -> throw new BadInput("mark is item, feed or group, not '" + what + "'.");
        }
        if (!what.equals("item")) {
            if (!as.equals("read")) {
                throw new BadInput("A " + what + " is marked as read only, not as '" + as + "'.");
            }
            long before = param(ctx, "before").map(v -> number("before", v)).orElse(now.getEpochSecond());
            selection = selection.seenBefore(Instant.ofEpochSecond(before));
        }
        switch (as) {
            case "read" -> sync.mark(reader, selection, SyncStore.Mark.READ, true, now);
            case "unread" -> sync.mark(reader, selection, SyncStore.Mark.READ, false, now);
            case "saved" -> sync.mark(reader, selection, SyncStore.Mark.STARRED, true, now);
            case "unsaved" -> sync.mark(reader, selection, SyncStore.Mark.STARRED, false, now);
            default -> throw new BadInput("as is read, unread, saved or unsaved, not '" + as + "'.");
        }
        log.debug("Fever: reader {} marked {} {} as {}", reader, what, id, as);
        if (as.equals("saved") || as.equals("unsaved")) {
            answer.put("saved_item_ids", ids(reader, Selection.ALL.starred(true)));
        } else {
            answer.put("unread_item_ids", ids(reader, Selection.ALL.read(false)));
        }
    }

    private static long number(String name, String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new BadInput(name + " is a whole number, not '" + value + "'.");
        }
    }

    private static List<Long> numbers(String name, String value) {
        List<Long> numbers = new ArrayList<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                numbers.add(number(name, part));
            }
        }
        return numbers;
    }
}
