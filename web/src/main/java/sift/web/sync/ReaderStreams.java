package sift.web.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntSupplier;
import sift.store.feed.Feed;
import sift.store.feed.FeedStore;
import sift.store.post.RiverFilter;
import sift.store.search.SearchIndex;
import sift.store.search.SearchRequest;
import sift.store.search.SearchSyntaxException;
import sift.store.sync.Selection;
import sift.store.sync.SyncItem;
import sift.store.user.DigestSettings;
import sift.store.user.SavedSearchStore;
import sift.web.digest.DigestService;
import sift.web.http.BadInput;

/**
 * Google Reader's stream ids as Sift reads them, and the labels it gives each post. Streams: the reading list, the
 * read and starred states, a feed ({@code feed/12}, or {@code feed/} and its address), a folder or the reader's
 * label ({@code user/-/label/Name}), and Sift's own labels, under {@code user/-/label/Sift/}:
 * {@code topic/routing}, {@code kind/release}, {@code hype-watch} (a hype score at the threshold or over it),
 * {@code skeptical}, {@code search/Name} (a saved search of the reader's: its newest matches) and {@code digest}
 * (the posts of the reader's latest digest). A user id in place of {@code -} is read as the reader's.
 */
final class ReaderStreams {
    static final String STATE = "user/-/state/com.google/";
    static final String READING_LIST = STATE + "reading-list";
    static final String READ = STATE + "read";
    static final String STARRED = STATE + "starred";
    /** Marked unread by the reader: Sift's unread. */
    static final String KEPT_UNREAD = STATE + "kept-unread";

    static final String LABEL = "user/-/label/";
    static final String SIFT = "Sift/";
    static final String HYPE_WATCH = SIFT + "hype-watch";
    static final String SKEPTICAL = SIFT + "skeptical";
    static final String DIGEST = SIFT + "digest";
    static final String SEARCH = SIFT + "search/";

    /** The newest matches of a saved search that its label holds. */
    static final int SEARCH_DEPTH = SearchRequest.MAX_DEPTH;

    private final FeedStore feeds;
    private final SavedSearchStore savedSearches;
    private final SearchIndex index;
    private final DigestService digests;
    private final IntSupplier hypeThreshold;

    ReaderStreams(
            FeedStore feeds,
            SavedSearchStore savedSearches,
            SearchIndex index,
            DigestService digests,
            IntSupplier hypeThreshold) {
        this.feeds = feeds;
        this.savedSearches = savedSearches;
        this.index = index;
        this.digests = digests;
        this.hypeThreshold = hypeThreshold;
    }

    int hypeThreshold() {
        return hypeThreshold.getAsInt();
    }

    /** A stream id with the reader's own id ({@code user/1005921515/...}) written as {@code user/-/...}. */
    static String normal(String stream) {
        return stream.replaceFirst("^user/\\d+/", "user/-/");
    }

    /** The posts of a stream; one Sift does not know is refused, named. */
    Selection selection(long readerId, String given) {
        if (given.length() > 2300 || given.chars().anyMatch(Character::isISOControl)) {
            throw new BadInput("A stream id has at most 2,300 characters and no control characters.");
        }
        String stream = normal(given);
        if (stream.equals(READING_LIST)) {
            return Selection.ALL;
        }
        if (stream.equals(READ)) {
            return Selection.ALL.read(true);
        }
        if (stream.equals(STARRED)) {
            return Selection.ALL.starred(true);
        }
        if (stream.startsWith("feed/")) {
            return Selection.ALL.feeds(List.of(feed(stream).id()));
        }
        if (stream.startsWith(LABEL)) {
            String label = stream.substring(LABEL.length());
            return label.startsWith(SIFT) ? siftLabel(readerId, label) : Selection.ALL.label(label);
        }
        throw new BadInput("Sift has no stream '" + given + "': it has " + READING_LIST + ", " + READ + ", " + STARRED
                + ", feed/ID, " + LABEL + "NAME and Sift's labels " + LABEL + SIFT + "...");
    }

    /** The feed of a stream id: {@code feed/12} (Sift's id) or {@code feed/https://...} (its address). */
    Feed feed(String stream) {
        String rest = stream.substring("feed/".length());
        if (rest.matches("\\d{1,18}")) {
            long id = Long.parseLong(rest);
            return feeds.find(id)
                    .orElseThrow(() -> new BadInput("There is no feed " + id + " (stream " + stream + ")."));
        }
        return feeds.findByUrl(rest).orElseThrow(() -> new BadInput("No subscription has the address '" + rest + "'."));
    }

    private Selection siftLabel(long readerId, String label) {
        String[] parts = label.substring(SIFT.length()).split("/", 2);
        String rest = parts.length > 1 ? parts[1] : "";
        switch (parts[0]) {
            case "topic":
                if (RiverFilter.TOPICS.contains(rest)) {
                    return Selection.ALL.topic(rest);
                }
                throw new BadInput("'" + rest + "' is not one of Sift's topics " + RiverFilter.TOPICS + ".");
            case "kind":
                if (RiverFilter.KINDS.contains(rest)) {
                    return Selection.ALL.kind(rest);
                }
                throw new BadInput("'" + rest + "' is not one of Sift's kinds " + RiverFilter.KINDS + ".");
            case "hype-watch":
                return Selection.ALL.minHype(hypeThreshold.getAsInt());
            case "skeptical":
                return Selection.ALL.stance("skeptical");
            case "digest":
                DigestSettings settings = digests.settings(readerId);
                return Selection.ALL.ids(digests.build(readerId, settings, digests.latestDay(settings))
                        .postIds());
            case "search":
                return Selection.ALL.ids(searchIds(readerId, rest));
            default:
                throw new BadInput("Sift has no label '" + label + "': its own are " + SIFT + "topic/..., " + SIFT
                        + "kind/..., " + HYPE_WATCH + ", " + SKEPTICAL + ", " + SEARCH + "... and " + DIGEST + ".");
        }
    }

    private List<Long> searchIds(long readerId, String name) {
        SavedSearchStore.SavedSearch search = savedSearches.list(readerId).stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new BadInput("You have no saved search named '" + name + "'."));
        List<Long> ids = new ArrayList<>();
        try {
            for (int offset = 0; offset < SEARCH_DEPTH; offset += SearchRequest.MAX_LIMIT) {
                List<Long> page = index
                        .search(new SearchRequest(
                                search.query(), SearchRequest.MAX_LIMIT, offset, SearchRequest.Order.DATE))
                        .hits()
                        .stream()
                        .map(hit -> hit.id())
                        .toList();
                ids.addAll(page);
                if (page.size() < SearchRequest.MAX_LIMIT) {
                    break;
                }
            }
        } catch (SearchSyntaxException e) {
            throw new BadInput("Your saved search '" + name + "' cannot be read: " + e.getMessage());
        }
        return ids;
    }

    /** Sift's labels that every reader has, as label names (without {@code user/-/label/}). */
    static List<String> siftLabels() {
        List<String> labels = new ArrayList<>();
        RiverFilter.TOPICS.stream().sorted().forEach(topic -> labels.add(SIFT + "topic/" + topic));
        RiverFilter.KINDS.stream().sorted().forEach(kind -> labels.add(SIFT + "kind/" + kind));
        labels.add(HYPE_WATCH);
        labels.add(SKEPTICAL);
        labels.add(DIGEST);
        return labels;
    }

    /** The reader's labels of saved searches, as label names. */
    List<String> searchLabels(long readerId) {
        return savedSearches.list(readerId).stream().map(s -> SEARCH + s.name()).toList();
    }

    /**
     * The streams a post is in, as an app sees them on the item: the reading list, read and starred, its feed's
     * folder, the reader's labels, and Sift's labels of its topics, kind, hype and stance.
     */
    List<String> categories(SyncItem item, String folder, int threshold) {
        List<String> categories = new ArrayList<>();
        categories.add(READING_LIST);
        if (item.read()) {
            categories.add(READ);
        }
        if (item.starred()) {
            categories.add(STARRED);
        }
        if (folder != null) {
            categories.add(LABEL + folder);
        }
        item.labels().forEach(label -> categories.add(LABEL + label));
        categories.addAll(judgement(item.topics(), item.kind(), item.hypeScore() >= threshold, item.stance()));
        return categories;
    }

    /** The streams of Sift's labels that a post of this judgement is in: its topics, its kind, hype watch, skeptical. */
    static List<String> judgement(List<String> topics, String kind, boolean hype, String stance) {
        List<String> labels = new ArrayList<>();
        topics.forEach(topic -> labels.add(LABEL + SIFT + "topic/" + topic));
        labels.add(LABEL + SIFT + "kind/" + kind);
        if (hype) {
            labels.add(LABEL + HYPE_WATCH);
        }
        if (stance.equals("skeptical")) {
            labels.add(LABEL + SKEPTICAL);
        }
        return labels;
    }

    /** A label the reader may set on posts: not empty, not Sift's, at most 200 characters, no control characters. */
    static String readersLabel(String given) {
        String label = normal(given).substring(LABEL.length());
        if (label.isBlank() || label.length() > 200 || label.chars().anyMatch(Character::isISOControl)) {
            throw new BadInput("A label has 1 to 200 printable characters, not '" + given + "'.");
        }
        if (label.toLowerCase(Locale.ROOT).startsWith(SIFT.toLowerCase(Locale.ROOT))) {
            throw new BadInput(
                    "Labels under " + SIFT + " are Sift's own judgement and cannot be set: '" + label + "'.");
        }
        return label;
    }
}
