package sift.web.sync;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.UnauthorizedResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sift.store.feed.Feed;
import sift.store.feed.FeedSettings;
import sift.store.feed.FeedStore;
import sift.store.post.RiverCursor;
import sift.store.sync.Selection;
import sift.store.sync.SyncItem;
import sift.store.sync.SyncStore;
import sift.store.user.SessionStore;
import sift.store.user.User;
import sift.web.admin.FeedAdmin;
import sift.web.auth.AppLogins;
import sift.web.http.BadInput;
import sift.web.http.Viewer;

/**
 * The Google Reader API as FreshRSS serves it (the dialect that Reeder, NetNewsWire, ReadYou, FeedMe, Fluent
 * Reader and newsboat speak), under {@value #BASE}. An app signs in with the reader's name and an app password
 * ({@code accounts/ClientLogin}), then sends {@code Authorization: GoogleLogin auth=...} with every call. Reading
 * and marking are the reader's own; changing subscriptions is for admins. docs/API.md lists the calls.
 */
public final class GoogleReaderRoutes {
    private static final Logger log = LoggerFactory.getLogger(GoogleReaderRoutes.class);

    public static final String BASE = "/api/greader";
    static final String API = BASE + "/reader/api/0";
    static final String ITEM_PREFIX = "tag:google.com,2005:reader/item/";
    /** Items a page of contents holds at most; a page of ids, at most {@value #MAX_IDS}. */
    static final int MAX_ITEMS = 1000;

    static final int MAX_IDS = 10_000;
    static final int DEFAULT_ITEMS = 20;
    private static final String POST_TOKEN = "sift.greader.T";

    private final AppLogins logins;
    private final SyncStore sync;
    private final FeedStore feeds;
    private final FeedAdmin feedAdmin;
    private final ReaderStreams streams;
    private final LongConsumer flushReads;
    private final Clock clock;

    GoogleReaderRoutes(
            AppLogins logins,
            SyncStore sync,
            FeedStore feeds,
            FeedAdmin feedAdmin,
            ReaderStreams streams,
            LongConsumer flushReads,
            Clock clock) {
        this.logins = logins;
        this.sync = sync;
        this.feeds = feeds;
        this.feedAdmin = feedAdmin;
        this.streams = streams;
        this.flushReads = flushReads;
        this.clock = clock;
    }

    void register(Javalin app) {
        app.before(BASE + "/reader/*", this::authenticate);
        app.get(BASE + "/accounts/ClientLogin", this::clientLogin);
        app.post(BASE + "/accounts/ClientLogin", this::clientLogin);
        app.get(API + "/token", ctx -> ctx.contentType("text/plain").result(postToken(ctx) + "\n"));
        app.get(API + "/user-info", this::userInfo);
        app.get(API + "/subscription/list", this::subscriptions);
        app.post(API + "/subscription/edit", this::editSubscription);
        app.post(API + "/subscription/quickadd", this::quickAdd);
        app.get(API + "/tag/list", this::tags);
        app.get(API + "/unread-count", this::unreadCount);
        app.get(API + "/stream/items/ids", this::itemIds);
        app.get(API + "/stream/items/contents", this::itemContents);
        app.post(API + "/stream/items/contents", this::itemContents);
        app.get(
                API + "/stream/contents",
                ctx -> streamContents(ctx, param(ctx, "s").orElse(ReaderStreams.READING_LIST)));
        app.get(API + "/stream/contents/<stream>", ctx -> streamContents(ctx, ctx.pathParam("stream")));
        app.post(API + "/edit-tag", this::editTag);
        app.post(API + "/mark-all-as-read", this::markAllAsRead);
        app.get(BASE + "/reader/atom", ctx -> atom(ctx, ReaderStreams.READING_LIST));
        app.get(BASE + "/reader/atom/<stream>", ctx -> atom(ctx, ctx.pathParam("stream")));
    }

    // signing in

    /** {@code accounts/ClientLogin}: {@code Email} (the reader's name) and {@code Passwd} (an app password). */
    private void clientLogin(Context ctx) {
        String name = param(ctx, "Email").orElse("");
        String password = param(ctx, "Passwd").orElse("");
        Optional<User> user = logins(() -> logins.password(name, password, ctx.ip()));
        if (user.isEmpty()) {
            ctx.status(HttpStatus.UNAUTHORIZED).contentType("text/plain").result("Error=BadAuthentication\n");
            return;
        }
        log.info(
                "'{}' signed in an app with an app password from {}", user.get().name(), ctx.ip());
        ctx.contentType("text/plain").result("SID=" + password + "\nLSID=null\nAuth=" + password + "\n");
    }

    private void authenticate(Context ctx) {
        String header = Optional.ofNullable(ctx.header("Authorization")).orElse("");
        String prefix = "GoogleLogin auth=";
        if (!header.regionMatches(true, 0, prefix, 0, prefix.length())) {
            throw new UnauthorizedResponse("Sign in first (accounts/ClientLogin with your name and an app password), "
                    + "then send 'Authorization: GoogleLogin auth=...' with every call.");
        }
        String token = header.substring(prefix.length()).strip();
        User user = logins(() -> logins.token(token, ctx.ip()))
                .orElseThrow(() -> new UnauthorizedResponse(
                        "This app password is not valid (revoked?): make a new one on your account page."));
        new Viewer(user.id(), user.name(), user.admin(), null).attach(ctx);
        flushReads.accept(user.id());
        ctx.attribute(POST_TOKEN, postToken(token));
        String given = param(ctx, "T").orElse(null);
        if (ctx.method().name().equals("POST") && given != null && !given.equals(postToken(token))) {
            throw new UnauthorizedResponse("The write token T is not this app's: ask reader/api/0/token for it again.");
        }
    }

    private static Optional<User> logins(Supplier<Optional<User>> login) {
        try {
            return login.get();
        } catch (AppLogins.Throttled e) {
            throw new HttpResponseException(HttpStatus.TOO_MANY_REQUESTS.getCode(), e.getMessage());
        }
    }

    /** The write token an app sends as {@code T}: fixed for an app password, and no secret beyond it. */
    private static String postToken(String appPassword) {
        return SessionStore.hash("sift-greader-T:" + appPassword).substring(0, 57);
    }

    private static String postToken(Context ctx) {
        return ctx.attribute(POST_TOKEN);
    }

    private void userInfo(Context ctx) {
        Viewer viewer = Viewer.of(ctx);
        ctx.json(Map.of(
                "userId", String.valueOf(viewer.userId()),
                "userName", viewer.name(),
                "userProfileId", String.valueOf(viewer.userId()),
                "userEmail", ""));
    }

    // subscriptions and labels

    record Category(String id, String label) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Subscription(String id, String title, List<Category> categories, String url, String htmlUrl) {}

    private void subscriptions(Context ctx) {
        List<Subscription> list = feeds.all().stream()
                .map(f -> new Subscription(
                        streamId(f),
                        f.displayTitle(),
                        f.category() == null
                                ? List.of()
                                : List.of(new Category(ReaderStreams.LABEL + f.category(), f.category())),
                        f.url(),
                        f.siteUrl()))
                .toList();
        ctx.json(Map.of("subscriptions", list));
    }

    static String streamId(Feed feed) {
        return "feed/" + feed.id();
    }

    /**
     * {@code subscription/edit} (admins): {@code ac=subscribe} with {@code s=feed/ADDRESS}, {@code ac=unsubscribe}
     * or {@code ac=edit} with {@code s=feed/ID}; {@code t} sets the title, {@code a} (a label) the folder, {@code r}
     * (the folder's label) takes it away.
     */
    private void editSubscription(Context ctx) {
        Viewer admin = admin(ctx);
        String action = param(ctx, "ac").orElse("edit");
        String stream = param(ctx, "s").orElseThrow(() -> new BadInput("subscription/edit needs s=feed/..."));
        if (!stream.startsWith("feed/")) {
            throw new BadInput("s names a feed (feed/ID or feed/ADDRESS), not '" + stream + "'.");
        }
        String folder = param(ctx, "a").map(ReaderStreams::readersLabel).orElse(null);
        switch (action) {
            case "subscribe" -> {
                Feed feed = feedAdmin
                        .subscribe(admin, stream.substring("feed/".length()), folder)
                        .feed();
                param(ctx, "t").ifPresent(title -> retitle(admin, feed, title, feed.category()));
            }
            case "unsubscribe" -> feedAdmin.remove(admin, streams.feed(stream));
            case "edit" -> {
                Feed feed = streams.feed(stream);
                String category = folder != null ? folder : param(ctx, "r").isPresent() ? null : feed.category();
                retitle(admin, feed, param(ctx, "t").orElse(feed.title()), category);
            }
            default -> throw new BadInput("ac is subscribe, unsubscribe or edit, not '" + action + "'.");
        }
        ctx.contentType("text/plain").result("OK");
    }

    private void retitle(Viewer admin, Feed feed, String title, String category) {
        FeedSettings now = feeds.settings(feed.id()).orElseThrow();
        FeedSettings changed;
        try {
            changed = new FeedSettings(
                    title,
                    category,
                    now.refreshMinutes(),
                    now.fullText(),
                    now.fullTextSelector(),
                    now.sourceWeight(),
                    now.enabled());
        } catch (IllegalArgumentException e) {
            throw new BadInput("The feed " + feed.url() + " keeps its settings: " + e.getMessage() + ".");
        }
        feedAdmin.update(admin, feed, changed);
    }

    /** {@code subscription/quickadd} (admins): {@code quickadd} is the address of a feed or of a site. */
    private void quickAdd(Context ctx) {
        Viewer admin = admin(ctx);
        String given = param(ctx, "quickadd").orElseThrow(() -> new BadInput("quickadd needs quickadd=ADDRESS."));
        String address = given.startsWith("feed/") ? given.substring("feed/".length()) : given;
        Feed feed = feedAdmin.subscribe(admin, address, null).feed();
        ctx.json(
                Map.of("numResults", 1, "query", given, "streamId", streamId(feed), "streamName", feed.displayTitle()));
    }

    private static Viewer admin(Context ctx) {
        Viewer viewer = Viewer.of(ctx);
        if (!viewer.admin()) {
            log.warn("'{}' (not an admin) was refused {} {}", viewer.name(), ctx.method(), ctx.path());
            throw new ForbiddenResponse(
                    "Only admins may change the subscriptions; '" + viewer.name() + "' is a reader.");
        }
        return viewer;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Tag(String id, String type) {}

    private void tags(Context ctx) {
        long reader = Viewer.of(ctx).userId();
        List<Tag> tags = new ArrayList<>();
        tags.add(new Tag(ReaderStreams.STARRED, null));
        folders().forEach(folder -> tags.add(new Tag(ReaderStreams.LABEL + folder, "folder")));
        sync.labels(reader).forEach(label -> tags.add(new Tag(ReaderStreams.LABEL + label.name(), "tag")));
        ReaderStreams.siftLabels().forEach(label -> tags.add(new Tag(ReaderStreams.LABEL + label, "tag")));
        streams.searchLabels(reader).forEach(label -> tags.add(new Tag(ReaderStreams.LABEL + label, "tag")));
        ctx.json(Map.of("tags", tags));
    }

    private TreeSet<String> folders() {
        TreeSet<String> folders = new TreeSet<>();
        feeds.all().stream().map(Feed::category).filter(c -> c != null).forEach(folders::add);
        return folders;
    }

    record UnreadCount(String id, int count, String newestItemTimestampUsec) {}

    /** {@code unread-count}: the reading list, each feed, each folder, the reader's labels and Sift's. */
    private void unreadCount(Context ctx) {
        long reader = Viewer.of(ctx).userId();
        Map<Long, String> folderOf = new HashMap<>();
        feeds.all().forEach(f -> folderOf.put(f.id(), f.category()));
        Map<String, Tally> tallies = new LinkedHashMap<>();
        for (SyncStore.UnreadGroup g : sync.unread(reader, streams.hypeThreshold())) {
            List<String> ids = new ArrayList<>();
            ids.add(ReaderStreams.READING_LIST);
            ids.add("feed/" + g.feedId());
            if (folderOf.get(g.feedId()) != null) {
                ids.add(ReaderStreams.LABEL + folderOf.get(g.feedId()));
            }
            ids.addAll(ReaderStreams.judgement(g.topics(), g.kind(), g.hype(), g.stance()));
            ids.forEach(id -> tallies.computeIfAbsent(id, k -> new Tally()).add(g.count(), g.newest()));
        }
        List<UnreadCount> counts = new ArrayList<>();
        tallies.forEach((id, t) -> counts.add(new UnreadCount(id, t.count, micros(t.newest))));
        sync.labels(reader).stream()
                .filter(l -> l.unread() > 0)
                .forEach(l -> counts.add(new UnreadCount(ReaderStreams.LABEL + l.name(), l.unread(), "0")));
        int total = tallies.containsKey(ReaderStreams.READING_LIST) ? tallies.get(ReaderStreams.READING_LIST).count : 0;
        ctx.json(Map.of("max", total, "unreadcounts", counts));
    }

    private static final class Tally {
        int count;
        Instant newest;

        void add(int n, Instant at) {
            count += n;
            newest = newest == null || at.isAfter(newest) ? at : newest;
        }
    }

    // streams

    /** A page of a stream's posts, and where the next page starts (null: this is the last). */
    record Page(List<Long> ids, String continuation) {}

    /**
     * The page a call asks for: the stream, {@code xt} (exclude read or starred), {@code it} (only read or
     * starred), {@code ot} and {@code nt} (stored from and before, in epoch seconds), {@code r=o} (oldest
     * first), {@code n} (at most {@code max}) and {@code c} (a continuation).
     */
    Page page(Context ctx, long reader, String stream, int max) {
        Selection selection = streams.selection(reader, stream);
        for (String name : List.of("xt", "it")) {
            boolean marked = name.equals("it"); // it keeps the marked posts, xt the others
            for (String target : params(ctx, name)) {
                selection = switch (ReaderStreams.normal(target)) {
                    case ReaderStreams.READ -> selection.read(marked);
                    case ReaderStreams.STARRED -> selection.starred(marked);
                    default ->
                        throw new BadInput(name + " names " + ReaderStreams.READ + " or " + ReaderStreams.STARRED
                                + ", not '" + target + "'.");
                };
            }
        }
        // ot and nt bound the crawl time, as in FreshRSS: an app that syncs from its last sync gets every post
        // stored since, whatever date its feed gave it
        selection = selection
                .seenFrom(param(ctx, "ot").map(s -> seconds("ot", s)).orElse(null))
                .seenBefore(param(ctx, "nt").map(s -> seconds("nt", s)).orElse(null));
        int n = param(ctx, "n")
                .map(s -> (int) Math.min(max, wholeNumber("n", s, 1, Integer.MAX_VALUE)))
                .orElse(Math.min(DEFAULT_ITEMS, max));
        SyncStore.Order order =
                param(ctx, "r").filter("o"::equals).isPresent() ? SyncStore.Order.OLDEST : SyncStore.Order.NEWEST;
        RiverCursor after;
        try {
            after = param(ctx, "c").map(RiverCursor::parse).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new BadInput("c is a continuation this stream gave, not '"
                    + param(ctx, "c").get() + "'.");
        }
        List<SyncStore.Ref> refs = sync.page(reader, selection, order, after, n + 1);
        String continuation = null;
        if (refs.size() > n) {
            refs = refs.subList(0, n);
            continuation = refs.get(n - 1).cursor().token();
        }
        return new Page(refs.stream().map(SyncStore.Ref::id).toList(), continuation);
    }

    record ItemRef(String id, List<String> directStreamIds) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Ids(List<ItemRef> itemRefs, String continuation) {}

    /** {@code stream/items/ids}: the ids of a stream's posts (decimal), up to {@value #MAX_IDS} a page. */
    private void itemIds(Context ctx) {
        long reader = Viewer.of(ctx).userId();
        String stream = param(ctx, "s").orElseThrow(() -> new BadInput("stream/items/ids needs s=STREAM."));
        Page page = page(ctx, reader, stream, MAX_IDS);
        ctx.json(new Ids(
                page.ids().stream()
                        .map(id -> new ItemRef(String.valueOf(id), List.of()))
                        .toList(),
                page.continuation()));
    }

    /** {@code stream/items/contents}: the posts of these ids ({@code i}, long or decimal form), in that order. */
    private void itemContents(Context ctx) {
        long reader = Viewer.of(ctx).userId();
        List<Long> ids = itemIds(params(ctx, "i"));
        if (ids.size() > MAX_ITEMS) {
            throw new BadInput(
                    "stream/items/contents gives at most " + MAX_ITEMS + " items a call, not " + ids.size() + ".");
        }
        ctx.json(contents(reader, ReaderStreams.READING_LIST, ids, null));
    }

    private void streamContents(Context ctx, String stream) {
        long reader = Viewer.of(ctx).userId();
        Page page = page(ctx, reader, stream, MAX_ITEMS);
        ctx.json(contents(reader, stream, page.ids(), page.continuation()));
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Contents(String id, String title, long updated, List<Item> items, String continuation) {}

    record Href(String href) {}

    record Link(String href, String type) {}

    record Origin(String streamId, String title, String htmlUrl) {}

    record Summary(String content) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Enclosure(String href, String type, String length) {}

    /** Sift's judgement of the post, for apps that read it. */
    record Judgement(String kind, List<String> topics, int hypeScore, String stance) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Item(
            String id,
            String crawlTimeMsec,
            String timestampUsec,
            long published,
            long updated,
            String title,
            List<Href> canonical,
            List<Link> alternate,
            List<String> categories,
            Origin origin,
            Summary summary,
            String author,
            List<Enclosure> enclosure,
            Judgement sift) {}

    private Contents contents(long reader, String stream, List<Long> ids, String continuation) {
        Map<Long, Feed> feedsById = new HashMap<>();
        feeds.all().forEach(f -> feedsById.put(f.id(), f));
        int threshold = streams.hypeThreshold();
        List<Item> items = sync.items(reader, ids).stream()
                .map(item -> item(item, feedsById.get(item.feedId()), threshold))
                .toList();
        return new Contents(stream, title(stream), clock.instant().getEpochSecond(), items, continuation);
    }

    private Item item(SyncItem item, Feed feed, int threshold) {
        String folder = feed == null ? null : feed.category();
        return new Item(
                longId(item.id()),
                String.valueOf(item.firstSeenAt().toEpochMilli()),
                micros(item.firstSeenAt()),
                item.publishedAt().getEpochSecond(),
                item.changedAt().getEpochSecond(),
                item.title(),
                item.link() == null ? List.of() : List.of(new Href(item.link())),
                item.link() == null ? List.of() : List.of(new Link(item.link(), "text/html")),
                streams.categories(item, folder, threshold),
                new Origin("feed/" + item.feedId(), item.feedTitle(), item.siteUrl()),
                new Summary(item.html()),
                item.author(),
                item.enclosures().stream()
                        .map(e -> new Enclosure(
                                e.url(), e.mimeType(), e.length() == null ? null : String.valueOf(e.length())))
                        .toList(),
                new Judgement(item.kind(), item.topics(), item.hypeScore(), item.stance()));
    }

    /** The same page as Atom, Google Reader's feed of a stream: what newsboat reads (its "feedhq" source). */
    private void atom(Context ctx, String stream) {
        long reader = Viewer.of(ctx).userId();
        Page page = page(ctx, reader, stream, MAX_ITEMS);
        Contents contents = contents(reader, stream, page.ids(), page.continuation());
        ctx.contentType("application/atom+xml; charset=utf-8")
                .result(ReaderAtom.write(stream, contents.title(), contents.items(), clock.instant()));
    }

    /** A stream's title: its feed's, its label's, or Sift's. */
    private String title(String stream) {
        String normal = ReaderStreams.normal(stream);
        if (normal.startsWith("feed/")) {
            return streams.feed(normal).displayTitle();
        }
        if (normal.startsWith(ReaderStreams.LABEL)) {
            return normal.substring(ReaderStreams.LABEL.length());
        }
        return "Sift";
    }

    // marking

    /** {@code edit-tag}: adds ({@code a}) and removes ({@code r}) read, starred and labels on the posts {@code i}. */
    private void editTag(Context ctx) {
        long reader = Viewer.of(ctx).userId();
        List<Long> ids = itemIds(params(ctx, "i"));
        if (ids.isEmpty() || ids.size() > MAX_IDS) {
            throw new BadInput("edit-tag changes 1 to " + MAX_IDS + " items a call (i=...), not " + ids.size() + ".");
        }
        Instant now = clock.instant();
        Selection posts = Selection.ALL.ids(ids);
        for (boolean add : new boolean[] {true, false}) {
            for (String tag : params(ctx, add ? "a" : "r")) {
                String normal = ReaderStreams.normal(tag);
                switch (normal) {
                    case ReaderStreams.READ -> sync.mark(reader, posts, SyncStore.Mark.READ, add, now);
                    case ReaderStreams.KEPT_UNREAD -> {
                        if (add) {
                            sync.mark(reader, posts, SyncStore.Mark.READ, false, now);
                        }
                    }
                    case ReaderStreams.STARRED -> sync.mark(reader, posts, SyncStore.Mark.STARRED, add, now);
                    default -> {
                        if (normal.startsWith(ReaderStreams.STATE + "tracking-")) {
                            continue; // what an app tracked about its own marks: nothing of the reader's
                        }
                        if (!normal.startsWith(ReaderStreams.LABEL)) {
                            throw new BadInput("Sift keeps read, starred and labels (" + ReaderStreams.LABEL
                                    + "NAME), not '" + tag + "'.");
                        }
                        sync.label(reader, ids, ReaderStreams.readersLabel(normal), add, now);
                    }
                }
            }
        }
        ctx.contentType("text/plain").result("OK");
    }

    /** {@code mark-all-as-read}: the stream {@code s}, of the posts Sift had before {@code ts} (microseconds). */
    private void markAllAsRead(Context ctx) {
        long reader = Viewer.of(ctx).userId();
        String stream = param(ctx, "s").orElseThrow(() -> new BadInput("mark-all-as-read needs s=STREAM."));
        Selection selection = streams.selection(reader, stream);
        Optional<String> ts = param(ctx, "ts");
        if (ts.isPresent()) {
            long micros = wholeNumber("ts", ts.get(), 0, Long.MAX_VALUE);
            selection = selection.seenBefore(Instant.ofEpochSecond(micros / 1_000_000, micros % 1_000_000 * 1000));
        }
        int changed = sync.mark(reader, selection, SyncStore.Mark.READ, true, clock.instant());
        log.info("'{}' marked {} posts of {} read from an app", Viewer.of(ctx).name(), changed, stream);
        ctx.contentType("text/plain").result("OK");
    }

    // values

    /** An item's id in Google Reader's long form: its number as 16 hexadecimal digits. */
    static String longId(long id) {
        return ITEM_PREFIX + String.format("%016x", id);
    }

    /** Item ids in the long form or the decimal one (Google's signed 64-bit numbers). */
    static List<Long> itemIds(List<String> given) {
        List<Long> ids = new ArrayList<>();
        for (String id : given) {
            try {
                ids.add(
                        id.startsWith(ITEM_PREFIX)
                                ? Long.parseUnsignedLong(id.substring(ITEM_PREFIX.length()), 16)
                                : Long.parseLong(id.strip()));
            } catch (NumberFormatException e) {
                throw new BadInput("'" + id + "' is not an item id (" + ITEM_PREFIX + "HEX, or a decimal number).");
            }
        }
        return ids;
    }

    private static String micros(Instant at) {
        return at == null ? "0" : String.valueOf(at.getEpochSecond() * 1_000_000 + at.getNano() / 1000);
    }

    private static Instant seconds(String name, String value) {
        return Instant.ofEpochSecond(wholeNumber(name, value, 0, 253_402_300_799L));
    }

    private static long wholeNumber(String name, String value, long min, long max) {
        try {
            long n = Long.parseLong(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new BadInput(name + " is a whole number from " + min + " to " + max + ", not '" + value + "'.");
    }

    /** A parameter from the query or, in a POST, the form (apps send either). */
    static Optional<String> param(Context ctx, String name) {
        List<String> values = params(ctx, name);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    static List<String> params(Context ctx, String name) {
        List<String> values = new ArrayList<>(ctx.queryParams(name));
        if (ctx.method().name().equals("POST")) {
            values.addAll(ctx.formParams(name));
        }
        return values;
    }
}
