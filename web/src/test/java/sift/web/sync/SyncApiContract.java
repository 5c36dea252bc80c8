package sift.web.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static sift.web.sync.SyncClient.p;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import sift.store.DbSettings;
import sift.store.sync.Selection;
import sift.store.sync.SyncStore;
import sift.web.TestApp;
import sift.web.Visitor;

/**
 * Every call of both sync APIs, walked by {@link SyncClient} against a running Sift that serves its demo, on the
 * database a subclass gives: signing in, paging to the end, streams and labels, marks both ways, refusals.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SyncApiContract {
    static final String ADMIN_PASSWORD = "correct horse battery";
    static final String ITEM = "tag:google.com,2005:reader/item/";

    TestApp app;
    SyncStore sync;
    long ritaId;
    String ritaPassword;
    String adminPassword;

    /** The database the suite runs on. */
    abstract DbSettings database(Path dir);

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        app = TestApp.startDemo(dir, ADMIN_PASSWORD, database(dir));
        app.awaitQuiet();
        sync = app.server.db().sync();
        ritaId = app.server.db().users().add("rita", "$argon2id$not-a-login", false, Instant.now());
        ritaPassword = app.server.db().apiTokens().createAppPassword(ritaId, "rita", "ReadYou", Instant.now());
        adminPassword = appPasswordFromTheAccountPage();
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    /** The admin signs in on the login page and makes an app password on the account page, as a reader does. */
    private String appPasswordFromTheAccountPage() throws Exception {
        Visitor admin = new Visitor(app);
        admin.login("admin", ADMIN_PASSWORD, null);
        String made = admin.post("/account/apps", Map.of("_csrf", admin.csrf(), "name", "Reeder"))
                .body();
        Matcher m = Pattern.compile("id=\"new-app-password\">([^<]+)<").matcher(made);
        assertThat(m.find())
                .as("the account page shows the new app password once")
                .isTrue();
        assertThat(made).contains(app.url("/api/greader"), app.url("/fever/"));
        return m.group(1);
    }

    private static HttpResponse<String> send(java.net.http.HttpRequest request) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    SyncClient reader(String name, String password) {
        SyncClient client = new SyncClient(app.url(""));
        HttpResponse<String> login = client.clientLogin(name, password);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        assertThat(login.body()).contains("SID=", "Auth=");
        return client;
    }

    static List<Long> ids(JsonNode items) {
        List<Long> ids = new ArrayList<>();
        items.forEach(
                item -> ids.add(Long.parseUnsignedLong(item.get("id").asText().substring(ITEM.length()), 16)));
        return ids;
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    /** Every post id of the selection in the river's order, as Sift's own store has it. */
    List<Long> stored(long reader, Selection selection) {
        return sync.page(reader, selection, SyncStore.Order.NEWEST, null, 100_000).stream()
                .map(SyncStore.Ref::id)
                .toList();
    }

    @Test
    void signingInTakesAnAppPasswordAndRefusesWrongOnes() {
        SyncClient admin = reader("admin", adminPassword);
        assertThat(admin.api("user-info").get("userName").asText()).isEqualTo("admin");
        assertThat(admin.get("/api/greader/reader/api/0/token", List.of())
                        .body()
                        .strip())
                .hasSizeGreaterThan(20);

        SyncClient stranger = new SyncClient(app.url(""));
        assertThat(stranger.clientLogin("admin", ADMIN_PASSWORD).statusCode())
                .as("the account password is no app password")
                .isEqualTo(401);
        assertThat(stranger.clientLogin("rita", adminPassword).statusCode())
                .as("another reader's app password")
                .isEqualTo(401);
        assertThat(stranger.clientLogin("admin", adminPassword + "x").body()).contains("BadAuthentication");
        assertThat(stranger.get("/api/greader/reader/api/0/user-info", List.of())
                        .statusCode())
                .as("no Authorization")
                .isEqualTo(401);
        stranger.auth = "nonsense";
        assertThat(stranger.get("/api/greader/reader/api/0/user-info", List.of())
                        .statusCode())
                .isEqualTo(401);
        HttpResponse<String> wrongT = admin.post(
                "/api/greader/reader/api/0/edit-tag",
                List.of(p("i", 1), p("a", "user/-/state/com.google/starred"), p("T", "not-the-token")));
        assertThat(wrongT.statusCode()).isEqualTo(401);

        long someone = app.server.db().users().add("sam", "$argon2id$x", false, Instant.now());
        String samPassword = app.server.db().apiTokens().createAppPassword(someone, "sam", "phone", Instant.now());
        SyncClient sam = reader("sam", samPassword);
        assertThat(app.server.db().apiTokens().revoke(someone, sift.store.user.ApiTokenStore.Scope.APP, "phone"))
                .isTrue();
        assertThat(sam.get("/api/greader/reader/api/0/user-info", List.of()).statusCode())
                .as("revoked: the app is signed out at once")
                .isEqualTo(401);
        assertThat(new SyncClient(app.url(""))
                        .fever(SyncClient.feverKey("sam", samPassword), "")
                        .get("auth")
                        .asInt())
                .isZero();
    }

    @Test
    void subscriptionsFoldersAndSiftsLabelsAreListed() {
        SyncClient rita = reader("rita", ritaPassword);
        JsonNode subscriptions =
                rita.api("subscription/list", p("output", "json")).get("subscriptions");
        assertThat(subscriptions).hasSize(app.server.db().feeds().all().size());
        JsonNode first = subscriptions.get(0);
        assertThat(first.get("id").asText()).matches("feed/\\d+");
        assertThat(first.get("url").asText()).startsWith("http://127.0.0.1:");
        assertThat(first.get("categories").get(0).get("id").asText()).startsWith("user/-/label/");

        app.server.db().savedSearches().save(ritaId, "EVPN", "evpn", Instant.now());
        List<String> tags = new ArrayList<>();
        rita.api("tag/list").get("tags").forEach(t -> tags.add(t.get("id").asText()));
        assertThat(tags)
                .contains(
                        "user/-/state/com.google/starred",
                        "user/-/label/Blogs",
                        "user/-/label/Sift/topic/routing",
                        "user/-/label/Sift/kind/release",
                        "user/-/label/Sift/hype-watch",
                        "user/-/label/Sift/skeptical",
                        "user/-/label/Sift/digest",
                        "user/-/label/Sift/search/EVPN");
    }

    @Test
    void streamsPageWithContinuationsToTheEndInBothOrders() {
        SyncClient rita = reader("rita", ritaPassword);
        List<Long> all = stored(ritaId, Selection.ALL);
        assertThat(all).hasSizeGreaterThan(20);

        List<Long> paged = new ArrayList<>();
        String continuation = null;
        int pages = 0;
        do {
            JsonNode page = continuation == null
                    ? rita.api("stream/contents/user/-/state/com.google/reading-list", p("n", 7))
                    : rita.api("stream/contents/user/-/state/com.google/reading-list", p("n", 7), p("c", continuation));
            paged.addAll(ids(page.get("items")));
            continuation = page.has("continuation") ? page.get("continuation").asText() : null;
            pages++;
        } while (continuation != null);
        assertThat(paged).isEqualTo(all);
        assertThat(pages).isEqualTo((all.size() + 6) / 7);

        List<Long> refs = new ArrayList<>();
        continuation = null;
        do {
            List<SyncClient.Param> query =
                    new ArrayList<>(List.of(p("s", "user/-/state/com.google/reading-list"), p("n", 10), p("r", "o")));
            if (continuation != null) {
                query.add(p("c", continuation));
            }
            JsonNode page = SyncClient.json(rita.get("/api/greader/reader/api/0/stream/items/ids", query));
            page.get("itemRefs")
                    .forEach(ref -> refs.add(Long.parseLong(ref.get("id").asText())));
            continuation = page.has("continuation") ? page.get("continuation").asText() : null;
        } while (continuation != null);
        List<Long> oldestFirst = new ArrayList<>(all);
        java.util.Collections.reverse(oldestFirst);
        assertThat(refs).as("r=o: oldest first").isEqualTo(oldestFirst);

        // items/contents by id, in the long and the decimal form, in the order asked
        HttpResponse<String> contents = rita.post(
                "/api/greader/reader/api/0/stream/items/contents",
                List.of(p("i", ITEM + String.format("%016x", all.get(3))), p("i", all.get(1))));
        assertThat(ids(SyncClient.json(contents).get("items"))).containsExactly(all.get(3), all.get(1));

        // ot and nt: when Sift stored the post (its crawl time), in epoch seconds
        List<Long> crawled = new ArrayList<>();
        rita.api("stream/contents/user/-/state/com.google/reading-list", p("n", 1000))
                .get("items")
                .forEach(item -> crawled.add(item.get("crawlTimeMsec").asLong() / 1000));
        long first = crawled.stream().min(Long::compare).orElseThrow();
        long last = crawled.stream().max(Long::compare).orElseThrow();
        for (long at : List.of(first, (first + last) / 2, last)) {
            List<Long> from =
                    ids(rita.api("stream/contents/user/-/state/com.google/reading-list", p("n", 1000), p("ot", at))
                            .get("items"));
            List<Long> before =
                    ids(rita.api("stream/contents/user/-/state/com.google/reading-list", p("n", 1000), p("nt", at))
                            .get("items"));
            assertThat(from).isEqualTo(stored(ritaId, Selection.ALL.seenFrom(Instant.ofEpochSecond(at))));
            assertThat(before).isEqualTo(stored(ritaId, Selection.ALL.seenBefore(Instant.ofEpochSecond(at))));
            assertThat(from.size() + before.size()).isEqualTo(all.size());
        }
        assertThat(rita.api("stream/contents/user/-/state/com.google/reading-list", p("ot", last + 1))
                        .get("items"))
                .isEmpty();
        assertThat(rita.api("stream/contents/user/-/state/com.google/reading-list", p("nt", first))
                        .get("items"))
                .isEmpty();

        assertThat(rita.get(
                                "/api/greader/reader/api/0/stream/contents/user/-/state/com.google/reading-list",
                                List.of(p("c", "bogus")))
                        .statusCode())
                .isEqualTo(400);
        assertThat(rita.get("/api/greader/reader/api/0/stream/contents/user/-/label/Sift/topic/nonsense", List.of())
                        .body())
                .contains("routing");
    }

    @Test
    void streamsByFeedFolderAndSiftsJudgement() {
        SyncClient rita = reader("rita", ritaPassword);
        long feed = app.server.db().feeds().all().get(0).id();
        List<Long> ofFeed =
                ids(rita.api("stream/contents/feed/" + feed, p("n", 1000)).get("items"));
        assertThat(ofFeed).isNotEmpty().isEqualTo(stored(ritaId, Selection.ALL.feeds(List.of(feed))));
        // the stream id escaped, as apps send it
        assertThat(ids(SyncClient.json(rita.get(
                                "/api/greader/reader/api/0/stream/contents/feed%2F" + feed, List.of(p("n", 1000))))
                        .get("items")))
                .isEqualTo(ofFeed);

        assertThat(ids(rita.api("stream/contents/user/-/label/Blogs", p("n", 1000))
                        .get("items")))
                .isEqualTo(stored(ritaId, Selection.ALL.label("Blogs")));
        int threshold = app.server.ingestion().analyzer().hypeThreshold();
        JsonNode hype = rita.api("stream/contents/user/-/label/Sift/hype-watch", p("n", 1000))
                .get("items");
        assertThat(ids(hype)).isNotEmpty().isEqualTo(stored(ritaId, Selection.ALL.minHype(threshold)));
        hype.forEach(item -> {
            assertThat(item.get("sift").get("hypeScore").asInt()).isGreaterThanOrEqualTo(threshold);
            assertThat(texts(item.get("categories"))).contains("user/-/label/Sift/hype-watch");
        });
        JsonNode podcasts = rita.api("stream/contents/user/-/label/Sift/kind/podcast", p("n", 1000))
                .get("items");
        assertThat(podcasts).isNotEmpty();
        podcasts.forEach(item -> assertThat(texts(item.get("categories"))).contains("user/-/label/Sift/kind/podcast"));
        assertThat(ids(rita.api("stream/contents/user/-/label/Sift/skeptical", p("n", 1000))
                        .get("items")))
                .isNotEmpty()
                .isEqualTo(stored(ritaId, Selection.ALL.stance("skeptical")));
        assertThat(rita.api("stream/contents/user/-/label/Sift/digest", p("n", 1000))
                        .get("items"))
                .isNotEmpty();
    }

    @Test
    void marksLabelsAndStarsGoBothWays() {
        long sara = app.server.db().users().add("sara", "$argon2id$x", false, Instant.now());
        String password = app.server.db().apiTokens().createAppPassword(sara, "sara", "newsboat", Instant.now());
        SyncClient client = reader("sara", password);
        List<Long> all = stored(sara, Selection.ALL);
        long a = all.get(0);
        long b = all.get(1);

        // app -> Sift
        assertThat(client.write(
                                "edit-tag",
                                p("i", ITEM + String.format("%016x", a)),
                                p("i", b),
                                p("a", "user/-/state/com.google/read"),
                                p("a", "user/-/state/com.google/starred"),
                                p("a", "user/-/label/to-try"))
                        .body())
                .isEqualTo("OK");
        assertThat(app.server.db().postStates().state(sara, a).read()).isTrue();
        assertThat(app.server.db().postStates().state(sara, b).starred()).isTrue();
        assertThat(sync.labels(sara, a)).containsExactly("to-try");
        assertThat(ids(client.api("stream/contents/user/-/label/to-try").get("items")))
                .containsExactly(a, b);
        assertThat(ids(client.api("stream/contents/user/-/state/com.google/starred")
                        .get("items")))
                .containsExactly(a, b);
        JsonNode unreadOnly = client.api(
                "stream/contents/user/-/state/com.google/reading-list",
                p("n", 1000),
                p("xt", "user/-/state/com.google/read"));
        assertThat(ids(unreadOnly.get("items"))).doesNotContain(a, b).hasSize(all.size() - 2);
        assertThat(client.write(
                                "edit-tag",
                                p("i", a),
                                p("r", "user/-/state/com.google/read"),
                                p("r", "user/-/label/to-try"))
                        .body())
                .isEqualTo("OK");
        assertThat(app.server.db().postStates().state(sara, a).read()).isFalse();
        assertThat(sync.labels(sara, a)).isEmpty();
        assertThat(client.write("edit-tag", p("i", a), p("a", "user/-/label/Sift/hype-watch"))
                        .statusCode())
                .as("Sift's labels are its own")
                .isEqualTo(400);

        // Sift -> app
        long c = all.get(2);
        app.server.db().postStates().setRead(sara, c, true, Instant.now());
        app.server.db().postStates().setStarred(sara, c, true, Instant.now());
        JsonNode item = SyncClient.json(
                        client.post("/api/greader/reader/api/0/stream/items/contents", List.of(p("i", c))))
                .get("items")
                .get(0);
        assertThat(texts(item.get("categories")))
                .contains("user/-/state/com.google/read", "user/-/state/com.google/starred");

        // the counts agree with Sift's, and mark-all-as-read with ts spares what Sift stored after it
        JsonNode counts = client.api("unread-count", p("output", "json"));
        int unread = sync.count(sara, Selection.ALL.read(false));
        assertThat(counts.get("max").asInt()).isEqualTo(unread);
        JsonNode readingList = null;
        for (JsonNode count : counts.get("unreadcounts")) {
            if (count.get("id").asText().equals("user/-/state/com.google/reading-list")) {
                readingList = count;
            }
        }
        assertThat(readingList).isNotNull();
        assertThat(readingList.get("count").asInt()).isEqualTo(unread);
        assertThat(client.write("mark-all-as-read", p("s", "user/-/state/com.google/reading-list"), p("ts", 1_000_000L))
                        .body())
                .isEqualTo("OK");
        assertThat(sync.count(sara, Selection.ALL.read(false)))
                .as("nothing was stored before 1970")
                .isEqualTo(unread);
        long feed = app.server.db().feeds().all().get(0).id();
        long nowMicros = Instant.now().getEpochSecond() * 1_000_000L;
        client.write("mark-all-as-read", p("s", "feed/" + feed), p("ts", nowMicros));
        assertThat(sync.count(sara, Selection.ALL.feeds(List.of(feed)).read(false)))
                .isZero();
        assertThat(sync.count(sara, Selection.ALL.read(false))).isPositive();

        // the JSON API and the post page show the labels set by an app
        client.write("edit-tag", p("i", a), p("a", "user/-/label/later"));
        String token = app.server
                .db()
                .apiTokens()
                .create(sara, sift.store.user.ApiTokenStore.Scope.API, "script", Instant.now());
        HttpResponse<String> post =
                send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.url("/api/posts/" + a)))
                        .header("Authorization", "Bearer " + token)
                        .build());
        JsonNode api = SyncClient.json(post);
        assertThat(texts(api.get("labels"))).containsExactly("later");
        assertThat(api.get("state").get("starred").asBoolean()).isTrue();
    }

    @Test
    void onlyAnAdminChangesSubscriptions() {
        SyncClient rita = reader("rita", ritaPassword);
        long feed = app.server.db().feeds().all().get(0).id();
        assertThat(rita.write("subscription/edit", p("ac", "unsubscribe"), p("s", "feed/" + feed))
                        .statusCode())
                .isEqualTo(403);
        assertThat(rita.write("subscription/quickadd", p("quickadd", app.url("/demo/feeds/packet-notes.xml")))
                        .statusCode())
                .isEqualTo(403);
        assertThat(app.server.db().feeds().find(feed)).isPresent();

        SyncClient admin = reader("admin", adminPassword);
        String url = app.server.db().feeds().find(feed).orElseThrow().url();
        JsonNode added = SyncClient.json(admin.write("subscription/quickadd", p("quickadd", url)));
        assertThat(added.get("streamId").asText()).isEqualTo("feed/" + feed);
        assertThat(admin.write(
                                "subscription/edit",
                                p("ac", "edit"),
                                p("s", "feed/" + feed),
                                p("t", "Renamed"),
                                p("a", "user/-/label/Favourites"))
                        .body())
                .isEqualTo("OK");
        assertThat(app.server.db().feeds().find(feed).orElseThrow().category()).isEqualTo("Favourites");
        assertThat(app.server.db().feeds().find(feed).orElseThrow().title()).isEqualTo("Renamed");
    }

    @Test
    void feverWalksItemsToTheEndAndMarksBothWays() {
        long fay = app.server.db().users().add("fay", "$argon2id$x", false, Instant.now());
        String password = app.server.db().apiTokens().createAppPassword(fay, "fay", "Unread", Instant.now());
        String key = SyncClient.feverKey("fay", password);
        SyncClient fever = new SyncClient(app.url(""));

        JsonNode hello = fever.fever(key, "");
        assertThat(hello.get("api_version").asInt()).isEqualTo(3);
        assertThat(hello.get("auth").asInt()).isEqualTo(1);
        assertThat(hello.get("last_refreshed_on_time").asLong()).isPositive();
        assertThat(fever.fever(SyncClient.feverKey("fay", password + "x"), "")
                        .get("auth")
                        .asInt())
                .isZero();

        JsonNode groups = fever.fever(key, "groups&feeds");
        assertThat(groups.get("feeds")).hasSize(app.server.db().feeds().all().size());
        assertThat(texts(groups.get("groups").findValues("title").stream()
                        .collect(
                                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance::arrayNode,
                                com.fasterxml.jackson.databind.node.ArrayNode::add,
                                com.fasterxml.jackson.databind.node.ArrayNode::addAll)))
                .contains("Blogs");
        assertThat(groups.get("feeds_groups").get(0).get("feed_ids").asText()).matches("\\d+(,\\d+)*");
        assertThat(fever.fever(key, "favicons").get("favicons")).isEmpty();
        assertThat(fever.fever(key, "links").get("links")).isEmpty();

        // since_id pages up to the end, max_id down to the start
        List<Long> up = new ArrayList<>();
        long since = 0;
        while (true) {
            JsonNode items = fever.fever(key, "items&since_id=" + since).get("items");
            if (items.isEmpty()) {
                break;
            }
            items.forEach(i -> up.add(i.get("id").asLong()));
            since = up.get(up.size() - 1);
        }
        List<Long> byId = new ArrayList<>(stored(fay, Selection.ALL));
        byId.sort(Long::compare);
        assertThat(up).isEqualTo(byId);
        JsonNode newest = fever.fever(key, "items");
        assertThat(newest.get("total_items").asInt()).isEqualTo(byId.size());
        assertThat(newest.get("items").get(0).get("id").asLong()).isEqualTo(byId.get(byId.size() - 1));
        List<Long> down = new ArrayList<>();
        long max = 0;
        while (true) {
            JsonNode items = fever.fever(key, "items&max_id=" + max).get("items");
            if (items.isEmpty() || max == byId.get(0)) {
                break;
            }
            items.forEach(i -> down.add(i.get("id").asLong()));
            max = down.get(down.size() - 1);
        }
        List<Long> reversed = new ArrayList<>(byId);
        java.util.Collections.reverse(reversed);
        assertThat(down).isEqualTo(reversed);
        JsonNode some = fever.fever(key, "items&with_ids=" + byId.get(0) + "," + byId.get(2))
                .get("items");
        assertThat(some).hasSize(2);

        // marks, both ways
        Set<String> unread = new HashSet<>(List.of(fever.fever(key, "unread_item_ids")
                .get("unread_item_ids")
                .asText()
                .split(",")));
        assertThat(unread).hasSize(byId.size());
        long a = byId.get(0);
        fever.fever(key, "", p("mark", "item"), p("as", "read"), p("id", a));
        fever.fever(key, "", p("mark", "item"), p("as", "saved"), p("id", a));
        assertThat(app.server.db().postStates().state(fay, a).read()).isTrue();
        assertThat(app.server.db().postStates().state(fay, a).starred()).isTrue();
        assertThat(fever.fever(key, "saved_item_ids").get("saved_item_ids").asText())
                .isEqualTo(String.valueOf(a));
        JsonNode marked = fever.fever(key, "", p("mark", "item"), p("as", "unread"), p("id", a));
        assertThat(marked.get("unread_item_ids").asText()).contains(String.valueOf(a));
        fever.fever(key, "", p("mark", "item"), p("as", "unsaved"), p("id", a));
        assertThat(app.server.db().postStates().state(fay, a).starred()).isFalse();

        long b = byId.get(1);
        app.server.db().postStates().setStarred(fay, b, true, Instant.now());
        assertThat(fever.fever(key, "items&with_ids=" + b)
                        .get("items")
                        .get(0)
                        .get("is_saved")
                        .asInt())
                .isEqualTo(1);

        long feed = app.server.db().feeds().all().get(0).id();
        fever.fever(
                key,
                "",
                p("mark", "feed"),
                p("as", "read"),
                p("id", feed),
                p("before", Instant.now().getEpochSecond() + 1));
        assertThat(sync.count(fay, Selection.ALL.feeds(List.of(feed)).read(false)))
                .isZero();
        fever.fever(key, "", p("mark", "group"), p("as", "read"), p("id", 0), p("before", 1));
        assertThat(sync.count(fay, Selection.ALL.read(false)))
                .as("nothing stored before 1970")
                .isPositive();
        fever.fever(
                key,
                "",
                p("mark", "group"),
                p("as", "read"),
                p("id", 0),
                p("before", Instant.now().getEpochSecond() + 1));
        assertThat(sync.count(fay, Selection.ALL.read(false))).isZero();
        assertThat(fever.fever(key, "unread_item_ids").get("unread_item_ids").asText())
                .isEmpty();
    }
}
