package sift.store.search;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sift.store.LowPriority;
import sift.store.StoreException;
import sift.store.post.IndexablePost;
import sift.store.post.PostChanges;
import sift.store.sql.Sql;

/**
 * The Lucene index of posts, derived from the database and never the other way round: it follows changed
 * posts incrementally, can be rebuilt at any time, and rebuilds itself when it is missing, unreadable or out
 * of step with the database at start. Search blends BM25 with recency, or sorts by date; snippets come from
 * the posts' text in the database, so the index stores nothing but ids. Querying is {@link Queries}'s work, story
 * linking {@link Stories}'s; this class keeps the index and its documents.
 */
public final class SearchIndex implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);
    private static final String CURSOR_AT = "changed_at";
    private static final String CURSOR_ID = "changed_id";
    /** The layout of the documents; an index of another layout is rebuilt at open. */
    private static final String LAYOUT = "layout";

    private static final String CURRENT_LAYOUT = "6";
    /** Changes this far back are checked again, so that a transaction that committed late is not missed. */
    private static final Duration OVERLAP = Duration.ofSeconds(10);

    private static final Pattern IS_IS = Pattern.compile("(?i)\\bIS-IS\\b");
    private static final int BATCH = 2000;
    /** A late-commit window of up to this many posts is checked at every catch-up. */
    private static final int LATE_CHECK_CHEAP = 1000;
    /**
     * Changes become searchable at once (near-real-time readers); the index is committed to disk at most this
     * often, and at close. After a crash, the changes since the last commit are indexed again at start.
     */
    private static final Duration COMMIT_EVERY = Duration.ofSeconds(30);
    /** How long a close waits for the follower's batch. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(30);

    private final Path dir;
    private final PostChanges posts;
    private final Clock clock;
    private final Analyzer analyzer = analyzer();
    private final Queries queries;
    private final Stories stories;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Map<Long, Instant> recentlyIndexed = new HashMap<>();
    private Instant cursorAt = Instant.EPOCH;
    private long cursorId;
    private volatile ScheduledExecutorService follower;
    /** Set first by {@link #close}: a catch-up or story linking under way stops after its batch. */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final LongAdder indexCpu = new LongAdder();
    private final LongAdder storiesCpu = new LongAdder();
    private volatile boolean closed;
    /** Held by the one story linking at a time (not this monitor, which a close must get while it runs). */
    private final Object linking = new Object();

    private boolean layoutCurrent;
    private long lastCommitNanos = System.nanoTime();
    private long lastLateCheckNanos;
    private int lastLateCheckRows;

    private SearchIndex(Path dir, PostChanges posts, Clock clock, Directory directory, IndexWriter writer)
            throws IOException {
        this.dir = dir;
        this.posts = posts;
        this.clock = clock;
        this.directory = directory;
        this.writer = writer;
        this.searchers = new SearcherManager(writer, null);
        this.queries = new Queries(dir, posts, clock, analyzer, searchers);
        this.stories = new Stories(dir, posts, analyzer, searchers);
        Map<String, String> commit = new HashMap<>();
        writer.getLiveCommitData().forEach(e -> commit.put(e.getKey(), e.getValue()));
        layoutCurrent = CURRENT_LAYOUT.equals(commit.get(LAYOUT));
        if (commit.containsKey(CURSOR_AT)) {
            cursorAt = Instant.parse(commit.get(CURSOR_AT));
            cursorId = Long.parseLong(commit.get(CURSOR_ID));
        }
    }

    /**
     * Opens the index in {@code dir}, creating it if missing and rebuilding it if unreadable, then brings it
     * up to date with the database; if it still disagrees with the database on the number of posts, it is
     * rebuilt from scratch.
     */
    public static SearchIndex open(Path dir, PostChanges posts, Clock clock) {
        SearchIndex index = openOrRecreate(dir, posts, clock);
        if (!index.layoutCurrent && index.size() > 0) {
            log.info("Search index {} has an older layout; rebuilding it", dir);
            index.rebuild();
        }
        index.catchUp();
        int inDatabase = posts.count();
        if (index.size() != inDatabase) {
            log.warn("Search index {} holds {} posts, the database {}; rebuilding it", dir, index.size(), inDatabase);
            index.rebuild();
        }
        return index;
    }

    /** Opens the index in {@code dir} and builds it anew from the database: {@code sift reindex}. */
    public static SearchIndex rebuild(Path dir, PostChanges posts, Clock clock) {
        SearchIndex index = openOrRecreate(dir, posts, clock);
        index.rebuild();
        return index;
    }

    private static SearchIndex openOrRecreate(Path dir, PostChanges posts, Clock clock) {
        try {
            Files.createDirectories(dir);
            return openWriter(dir, posts, clock);
        } catch (LockObtainFailedException e) {
            throw StoreException.inUse("the search index " + dir + " is in use by another Sift process", e);
        } catch (IOException | RuntimeException unreadable) {
            log.warn("Search index {} is unreadable ({}); rebuilding it from the database", dir, unreadable.toString());
            try {
                wipe(dir);
                return openWriter(dir, posts, clock);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a search index in " + dir, e);
            }
        }
    }

    private static SearchIndex openWriter(Path dir, PostChanges posts, Clock clock) throws IOException {
        Directory directory = FSDirectory.open(dir);
        try {
            if (DirectoryReader.indexExists(directory)) {
                DirectoryReader.open(directory).close(); // checks that every segment can be read
            }
            IndexWriterConfig config = new IndexWriterConfig(analyzer())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(64);
            return new SearchIndex(dir, posts, clock, directory, new IndexWriter(directory, config));
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    /**
     * English stemming and stop words, with a gap between the values of a field so that a phrase never
     * runs from the title into the text. {@code IS-IS} becomes {@code isis} first: split at the hyphen, it
     * would be two stop words and unsearchable.
     */
    /** The analyzer of the index and its queries. */
    static Analyzer analyzer() {
        return new AnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
            private final Analyzer english = new EnglishAnalyzer();

            @Override
            protected Analyzer getWrappedAnalyzer(String fieldName) {
                return english;
            }

            @Override
            protected Reader wrapReader(String fieldName, Reader reader) {
                return new PatternReplaceCharFilter(IS_IS, "ISIS", reader);
            }

            @Override
            public int getPositionIncrementGap(String fieldName) {
                return 100;
            }
        };
    }

    /** Deletes the index in {@code dir}, if any: the next {@link #open} builds it anew from the database. */
    public static void delete(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            wipe(dir);
            Files.delete(dir);
        }
    }

    private static void wipe(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /**
     * Indexes every post changed since the last call (and any committed late within {@link #OVERLAP}),
     * and makes the changes searchable (committing them to disk at most every {@link #COMMIT_EVERY}). Returns
     * how many posts it (re)indexed.
     */
    public synchronized int catchUp() {
        if (closed) {
            return 0;
        }
        long cpu = THREADS.getCurrentThreadCpuTime();
        try {
            int indexed = reindexLateCommits();
            Instant at = cursorAt;
            long id = cursorId;
            List<IndexablePost> page;
            do {
                page = posts.changedAfter(at, id, BATCH);
                for (IndexablePost post : page) {
                    index(post);
                    indexed++;
                    at = post.changedAt();
                    id = post.id();
                }
                cursorAt = at;
                cursorId = id;
                // only changes inside the overlap window can turn up again
                Instant forget = cursorAt.minus(OVERLAP.multipliedBy(2));
                recentlyIndexed.values().removeIf(changed -> changed.isBefore(forget));
            } while (page.size() == BATCH && !closed);
            if (writer.hasUncommittedChanges() && System.nanoTime() - lastCommitNanos >= COMMIT_EVERY.toNanos()) {
                commit();
            } else if (indexed > 0) {
                searchers.maybeRefreshBlocking();
            }
            return indexed;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update the search index in " + dir, e);
        } finally {
            indexCpu.add(THREADS.getCurrentThreadCpuTime() - cpu);
        }
    }

    /**
     * Posts whose change is dated inside the overlap window before the cursor but that the index has not seen:
     * a transaction that began before the last catch-up and committed after it. While posts arrive by the
     * thousand (a bulk load) the window is large, and it is checked at most once a second.
     */
    private int reindexLateCommits() throws IOException {
        if (cursorAt.equals(Instant.EPOCH)
                || lastLateCheckRows > LATE_CHECK_CHEAP && System.nanoTime() - lastLateCheckNanos < 1_000_000_000L) {
            return 0;
        }
        List<Long> missed = new ArrayList<>();
        Map<Long, Instant> window = posts.changesBetween(cursorAt.minus(OVERLAP), cursorAt);
        lastLateCheckNanos = System.nanoTime();
        lastLateCheckRows = window.size();
        window.forEach((id, changed) -> {
            if (!changed.equals(recentlyIndexed.get(id))) {
                missed.add(id);
            }
        });
        for (IndexablePost post : posts.byIds(missed)) {
            index(post);
        }
        return missed.size();
    }

    private void index(IndexablePost post) throws IOException {
        writer.updateDocument(new Term(Fields.ID, String.valueOf(post.id())), document(post));
        recentlyIndexed.put(post.id(), post.changedAt());
    }

    /** Drops the posts of a feed that was unsubscribed (the database deleted them with it). */
    public synchronized void forgetFeed(long feedId) {
        try {
            writer.deleteDocuments(new Term(Fields.FEED_ID, String.valueOf(feedId)));
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot drop the posts of feed " + feedId + " from the index in " + dir, e);
        }
    }

    /** Drops the whole index and indexes every post again: {@code sift reindex}. */
    public synchronized void rebuild() {
        try {
            writer.deleteAll();
            recentlyIndexed.clear();
            cursorAt = Instant.EPOCH;
            cursorId = 0;
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the search index in " + dir, e);
        }
        long started = System.nanoTime();
        int indexed = catchUp();
        log.info("Search index {} rebuilt: {} posts in {} ms", dir, indexed, (System.nanoTime() - started) / 1_000_000);
    }

    /** Follows the database in the background: {@link #catchUp()} every {@code every}. */
    public synchronized void startFollowing(Duration every) {
        if (follower != null) {
            return;
        }
        // indexing and story linking yield the CPU to readers' requests
        follower = Executors.newSingleThreadScheduledExecutor(LowPriority.threads("sift-search-index"));
        follower.scheduleWithFixedDelay(
                () -> {
                    try {
                        catchUp();
                        linkStories();
                    } catch (RuntimeException e) {
                        if (Sql.unreachable(e)) {
                            log.warn(
                                    "Search index {} could not follow the database, which does not answer ({}); it"
                                            + " tries again in {} s",
                                    dir,
                                    e.getMessage(),
                                    every.toSeconds());
                        } else {
                            log.error("Search index {} could not follow the database: {}", dir, e.getMessage(), e);
                        }
                    }
                },
                every.toMillis(),
                every.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Finds posts; a query Sift cannot read throws {@link SearchSyntaxException} with a readable message. By
     * relevance, a query of words alone with its meaning also finds the posts nearest to it in meaning ({@link
     * Queries#MEANING_FLOOR}): both rankings are fused by their ranks (reciprocal rank fusion), so a post with the
     * words and near in meaning comes first, and a post that tells of the same thing in other words is found too.
     */
    public SearchResult search(SearchRequest request) {
        return queries.search(request);
    }

    /**
     * Posts like this one beyond its own story, best first: each candidate weighs its cosine with the post's vector
     * and its words' share of the post's own MoreLikeThis score (title and text), half each. Candidates are the
     * nearest by vector (k-NN) and by words, at any time. Empty for a post the index does not hold.
     */
    public List<Long> moreLikeThis(long postId, int limit) {
        return queries.moreLikeThis(postId, limit);
    }

    /**
     * Links every post not linked yet to its story, in the order posts were stored, and returns how many it
     * linked. A post joins the oldest story among the posts that tell the same story ({@link Stories}); with
     * none, it starts a story of its own. A post the index has not seen yet waits for the next call.
     */
    public int linkStories() {
        return linkStories(() -> false);
    }

    /** {@link #linkStories()} until the index closes or {@code stop} says so, whichever comes first. */
    int linkStories(java.util.function.BooleanSupplier stop) {
        synchronized (linking) {
            long cpu = THREADS.getCurrentThreadCpuTime();
            try {
                return closed ? 0 : stories.link(() -> closed || stop.getAsBoolean());
            } finally {
                storiesCpu.add(THREADS.getCurrentThreadCpuTime() - cpu);
            }
        }
    }

    /**
     * The CPU time this index has spent so far on the threads that did the work, in nanoseconds: indexing posts
     * (Lucene's merges, on threads of their own, left out) and linking stories.
     */
    public record Work(long indexNanos, long storiesNanos) {}

    public Work work() {
        return new Work(indexCpu.sum(), storiesCpu.sum());
    }

    /**
     * Whether a search by relevance for this query also finds by meaning: it is words alone ({@link
     * QueryParser#plain}), so its caller need not encode any other.
     */
    public static boolean findsByMeaning(String query) {
        return QueryParser.plain(query);
    }

    /** Posts that a search can find now. */
    public int size() {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.getIndexReader().numDocs();
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the search index in " + dir, e);
        }
    }

    private static Document document(IndexablePost post) {
        Document doc = new Document();
        doc.add(new StringField(Fields.ID, String.valueOf(post.id()), Field.Store.YES));
        doc.add(new TextField(Fields.WORDS, post.title(), Field.Store.NO));
        doc.add(new TextField(Fields.TITLE, post.title(), Field.Store.NO));
        doc.add(new TextField(Fields.WORDS, post.text(), Field.Store.NO));
        if (!post.transcript().isEmpty()) {
            doc.add(new TextField(Fields.SAID, Fields.said(post.transcript()), Field.Store.NO));
        }
        doc.add(new TextField(Fields.FEED, post.feedTitle() == null ? "" : post.feedTitle(), Field.Store.NO));
        doc.add(new StringField(Fields.FEED_ID, String.valueOf(post.feedId()), Field.Store.NO));
        doc.add(new StringField(Fields.KIND, post.kind(), Field.Store.NO));
        for (String topic : post.topics()) {
            doc.add(new StringField(Fields.TOPIC, topic, Field.Store.NO));
        }
        doc.add(new StringField(Fields.STANCE, post.stance(), Field.Store.NO));
        doc.add(new IntPoint(Fields.HYPE, post.hypeScore()));
        long published = post.publishedAt().toEpochMilli();
        doc.add(new LongPoint(Fields.PUBLISHED, published));
        doc.add(new NumericDocValuesField(Fields.PUBLISHED, published));
        if (Likeness.indexable(post.vector())) {
            doc.add(new KnnFloatVectorField(Fields.VECTOR, post.vector(), VectorSimilarityFunction.COSINE));
        }
        return doc;
    }

    private void commit() throws IOException {
        writer.setLiveCommitData(
                Map.of(CURSOR_AT, cursorAt.toString(), CURSOR_ID, String.valueOf(cursorId), LAYOUT, CURRENT_LAYOUT)
                        .entrySet());
        layoutCurrent = true;
        writer.commit();
        lastCommitNanos = System.nanoTime();
        searchers.maybeRefreshBlocking();
    }

    /**
     * Stops the follower and whatever catch-up or story linking runs, each after its batch (a backlog of a million
     * posts once held a close for over 13 minutes), then commits where the index got to: the next open goes on
     * from there. The follower is never interrupted: an H2 read on an interrupted thread closes the database's
     * file for every thread.
     */
    @Override
    public void close() {
        closed = true;
        ScheduledExecutorService running = follower;
        if (running != null) {
            running.shutdown();
            try {
                if (!running.awaitTermination(CLOSE_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                    log.warn("Search index {}: its follower did not stop within {} s", dir, CLOSE_WAIT.toSeconds());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (linking) {
            synchronized (this) {
                try {
                    commit();
                    searchers.close();
                    writer.close();
                    directory.close();
                } catch (IOException e) {
                    log.warn("Search index {} did not close cleanly: {}", dir, e.getMessage());
                }
            }
        }
    }
}
