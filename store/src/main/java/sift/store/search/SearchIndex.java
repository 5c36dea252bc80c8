package sift.store.search;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.VectorUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sift.store.StoreException;
import sift.store.post.IndexablePost;
import sift.store.post.PostStore;

/**
 * The Lucene index of posts, derived from the database and never the other way round: it follows changed
 * posts incrementally, can be rebuilt at any time, and rebuilds itself when it is missing, unreadable or out
 * of step with the database at start. Search blends BM25 with recency, or sorts by date; snippets come from
 * the posts' text in the database, so the index stores nothing but ids.
 */
public final class SearchIndex implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);
    private static final String CURSOR_AT = "changed_at";
    private static final String CURSOR_ID = "changed_id";
    /** The layout of the documents; an index of another layout is rebuilt at open. */
    private static final String LAYOUT = "layout";
    private static final String CURRENT_LAYOUT = "5";
    /** Changes this far back are checked again, so that a transaction that committed late is not missed. */
    private static final Duration OVERLAP = Duration.ofSeconds(10);
    private static final Pattern IS_IS = Pattern.compile("(?i)\\bIS-IS\\b");
    private static final Duration RECENCY_HALF_LIFE = Duration.ofDays(30);
    private static final float RECENCY_WEIGHT = 3f;
    /** How many of the best matches by BM25 the recency blend reorders, and how many nearest in meaning are fused. */
    private static final int RERANK_DEPTH = 100;
    /**
     * The least cosine between a query's vector and a post's for the post to be found by meaning alone, and the
     * constant of the rank fusion; both chosen on a labelled set of queries (docs/NLP.md, "Search by meaning").
     */
    static final float MEANING_FLOOR = 0.3f;
    private static final int FUSION_K = 60;
    /** How much the vector weighs against the words in "more like this", and how much of a post's text is read. */
    static final float RELATED_VECTOR_SAY = 0.5f;
    private static final int RELATED_TEXT = 5000;
    private static final int RELATED_CANDIDATES_PER_RESULT = 6;
    private static final int BATCH = 2000;
    /** A late-commit window of up to this many posts is checked at every catch-up. */
    private static final int LATE_CHECK_CHEAP = 1000;
    private static final int SNIPPET_FALLBACK_CHARS = 240;
    /**
     * Changes become searchable at once (near-real-time readers); the index is committed to disk at most this
     * often, and at close. After a crash, the changes since the last commit are indexed again at start.
     */
    private static final Duration COMMIT_EVERY = Duration.ofSeconds(30);
    /** Snippets come from the first this many characters of a post: long enough for nearly every match. */
    private static final int SNIPPET_SCAN_CHARS = 2500;

    /** How far apart in time two posts of the same story may be. */
    static final Duration SAME_STORY_WITHIN = Duration.ofDays(3);
    /** How much of a post's text tells its story with the title: its beginning, the lede (all of a long post costs too much). */
    static final int SAME_STORY_TEXT = 600;
    /**
     * The share of a post's own score against its MoreLikeThis query that another post must reach when one of the two
     * has no vector: words alone.
     */
    static final float SAME_STORY_SHARE = 0.6f;
    /**
     * With vectors, two posts tell the same story when {@code VECTOR_SAY * cosine + (1 - VECTOR_SAY) * min(1, share)}
     * reaches {@link #SAME_STORY_LIKENESS}: the words' share alone misses the same story told in other words, the
     * vector alone joins neighbouring stories (FRR 10.6 and 10.7). Chosen on a labelled set (docs/NLP.md).
     */
    static final float VECTOR_SAY = 0.6f;
    static final float SAME_STORY_LIKENESS = 0.38f;
    /**
     * And the cosine must reach this floor: posts of the field on unrelated subjects sit at cosines up to about 0.45
     * (a netlab release and an AI product launch: 0.42).
     */
    static final float SAME_STORY_MIN_COSINE = 0.45f;
    private static final int SAME_STORY_CANDIDATES = 15;
    private static final int STORY_BATCH = 500;

    private final Path dir;
    private final PostStore posts;
    private final Clock clock;
    private final Analyzer analyzer = analyzer();
    private final UnifiedHighlighter highlighter;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Map<Long, Instant> recentlyIndexed = new HashMap<>();
    private Instant cursorAt = Instant.EPOCH;
    private long cursorId;
    private ScheduledExecutorService follower;
    private boolean layoutCurrent;
    private long lastCommitNanos = System.nanoTime();
    private long lastLateCheckNanos;
    private int lastLateCheckRows;

    private SearchIndex(Path dir, PostStore posts, Clock clock, Directory directory, IndexWriter writer)
            throws IOException {
        this.dir = dir;
        this.posts = posts;
        this.clock = clock;
        this.directory = directory;
        this.writer = writer;
        this.searchers = new SearcherManager(writer, null);
        this.highlighter = UnifiedHighlighter.builderWithoutSearcher(analyzer)
                .withFormatter(new SnippetFormatter())
                .withMaxLength(SNIPPET_SCAN_CHARS)
                // highlight the query's words in the text; matching the whole query against the text alone
                // (weight matches) would find nothing whenever the query also names a field such as kind:
                .withWeightMatches(false)
                .build();
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
    public static SearchIndex open(Path dir, PostStore posts, Clock clock) {
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
    public static SearchIndex rebuild(Path dir, PostStore posts, Clock clock) {
        SearchIndex index = openOrRecreate(dir, posts, clock);
        index.rebuild();
        return index;
    }

    private static SearchIndex openOrRecreate(Path dir, PostStore posts, Clock clock) {
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

    private static SearchIndex openWriter(Path dir, PostStore posts, Clock clock) throws IOException {
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
            } while (page.size() == BATCH);
            if (writer.hasUncommittedChanges() && System.nanoTime() - lastCommitNanos >= COMMIT_EVERY.toNanos()) {
                commit();
            } else if (indexed > 0) {
                searchers.maybeRefreshBlocking();
            }
            return indexed;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update the search index in " + dir, e);
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
        follower = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sift-search-index");
            t.setDaemon(true);
            return t;
        });
        follower.scheduleWithFixedDelay(() -> {
            try {
                catchUp();
                linkStories();
            } catch (RuntimeException e) {
                log.error("Search index {} could not follow the database: {}", dir, e.getMessage(), e);
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Finds posts; a query Sift cannot read throws {@link SearchSyntaxException} with a readable message. By relevance,
     * a query of words alone with its meaning also finds the posts nearest to it in meaning ({@link #MEANING_FLOOR}):
     * both rankings are fused by their ranks (reciprocal rank fusion), so a post with the words and near in meaning
     * comes first, and a post that tells of the same thing in other words is found too.
     */
    public SearchResult search(SearchRequest request) {
        long started = System.nanoTime();
        try {
            Query words = new QueryParser(analyzer).parse(request.query());
            boolean byMeaning = request.order() == SearchRequest.Order.RELEVANCE && QueryParser.plain(request.query())
                    && indexable(request.meaning());
            return search(request, within(words, request.published()), byMeaning, started);
        } catch (IndexSearcher.TooManyClauses e) {
            // the parser's limits keep a query well under Lucene's: this is a safety net, not a path
            throw new SearchSyntaxException("the query asks for more than Lucene searches at once ("
                    + IndexSearcher.getMaxClauseCount() + " clauses): use fewer words");
        }
    }

    /**
     * Whether a search by relevance for this query also finds by meaning: it is words alone ({@link
     * QueryParser#plain}), so its caller need not encode any other.
     */
    public static boolean findsByMeaning(String query) {
        return QueryParser.plain(query);
    }

    /** The query within the request's period when it has one. */
    private static Query within(Query query, SearchRequest.Period period) {
        return period == null ? query : new BooleanQuery.Builder()
                .add(query, BooleanClause.Occur.MUST)
                .add(period(period), BooleanClause.Occur.FILTER)
                .build();
    }

    private static Query period(SearchRequest.Period period) {
        return LongPoint.newRangeQuery(Fields.PUBLISHED, period.from().toEpochMilli(), period.before().toEpochMilli() - 1);
    }

    private SearchResult search(SearchRequest request, Query query, boolean byMeaning, long started) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                int depth = request.offset() + request.limit();
                List<ScoreDoc> ranked;
                TopDocs top;
                long total;
                boolean exact;
                Set<Integer> withWords = new HashSet<>();
                if (request.order() == SearchRequest.Order.DATE) {
                    top = searcher.search(query, depth, new Sort(new SortField(Fields.PUBLISHED, SortField.Type.LONG, true)));
                    ranked = List.of(top.scoreDocs);
                } else {
                    top = searcher.search(query, Math.max(depth, RERANK_DEPTH));
                    ranked = withRecency(searcher, top.scoreDocs);
                }
                total = top.totalHits.value;
                exact = top.totalHits.relation == TotalHits.Relation.EQUAL_TO;
                if (byMeaning) {
                    ranked.forEach(hit -> withWords.add(hit.doc));
                    List<ScoreDoc> near = nearInMeaning(searcher, request);
                    ranked = fused(ranked, near);
                    if (exact && total == top.scoreDocs.length) { // every post with the words is in the fusion
                        total = ranked.size();
                    } else if (ranked.size() > withWords.size()) {
                        exact = false; // at least the posts with the words, and more by meaning
                    }
                }
                List<ScoreDoc> page = ranked.subList(Math.min(request.offset(), ranked.size()), Math.min(depth, ranked.size()));
                List<Long> ids = new ArrayList<>();
                for (ScoreDoc hit : page) {
                    ids.add(Long.parseLong(searcher.storedFields().document(hit.doc).get(Fields.ID)));
                }
                List<SearchResult.Hit> hits = hits(query, page, ids, byMeaning ? withWords : null);
                return new SearchResult(total, exact, hits, (System.nanoTime() - started) / 1000);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search the index in " + dir, e);
        }
    }

    /** The posts nearest to the request's meaning, within its period, down to {@link #MEANING_FLOOR}. */
    private List<ScoreDoc> nearInMeaning(IndexSearcher searcher, SearchRequest request) throws IOException {
        Query filter = request.published() == null ? null : period(request.published());
        List<ScoreDoc> near = new ArrayList<>();
        Query knn = new KnnFloatVectorQuery(Fields.VECTOR, request.meaning(), RERANK_DEPTH, filter);
        for (ScoreDoc hit : searcher.search(knn, RERANK_DEPTH).scoreDocs) {
            if (2 * hit.score - 1 >= MEANING_FLOOR) { // Lucene's cosine score is (1 + cosine) / 2
                near.add(hit);
            }
        }
        return near;
    }

    /** Reciprocal rank fusion: each post scores 1 / ({@link #FUSION_K} + its rank) in each ranking it is in. */
    private static List<ScoreDoc> fused(List<ScoreDoc> byWords, List<ScoreDoc> byMeaning) {
        Map<Integer, Float> scores = new LinkedHashMap<>();
        for (List<ScoreDoc> ranking : List.of(byWords, byMeaning)) {
            for (int rank = 0; rank < ranking.size(); rank++) {
                scores.merge(ranking.get(rank).doc, 1f / (FUSION_K + rank + 1), Float::sum);
            }
        }
        List<ScoreDoc> fused = new ArrayList<>(scores.size());
        scores.forEach((doc, score) -> fused.add(new ScoreDoc(doc, score)));
        fused.sort((a, b) -> Float.compare(b.score, a.score));
        return fused;
    }

    /**
     * Posts like this one beyond its own story, best first: each candidate weighs its cosine with the post's vector
     * and its words' share of the post's own MoreLikeThis score (title and text), half each. Candidates are the
     * nearest by vector (k-NN) and by words, at any time. Empty for a post the index does not hold.
     */
    public List<Long> moreLikeThis(long postId, int limit) {
        List<IndexablePost> found = posts.byIds(List.of(postId));
        if (found.isEmpty()) {
            return List.of();
        }
        IndexablePost post = found.get(0);
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                int depth = limit * RELATED_CANDIDATES_PER_RESULT;
                String text = post.text();
                Query like = likeThis(searcher, 2).like(Fields.WORDS, new StringReader(post.title() + "\n" + post.title()
                        + "\n" + text.substring(0, Math.min(text.length(), RELATED_TEXT))));
                ScoreDoc[] byWords = searcher.search(like, depth).scoreDocs;
                float[] vector = indexable(post.vector()) ? post.vector() : null;
                Map<Integer, Float> shares = new LinkedHashMap<>();
                for (ScoreDoc hit : byWords) {
                    shares.put(hit.doc, hit.score / byWords[0].score); // the post itself scores the most
                }
                Set<Integer> candidates = new LinkedHashSet<>(shares.keySet());
                if (vector != null) {
                    Query near = new KnnFloatVectorQuery(Fields.VECTOR, vector, depth);
                    for (ScoreDoc hit : searcher.search(near, depth).scoreDocs) {
                        candidates.add(hit.doc);
                    }
                }
                Map<Long, Float> scores = new HashMap<>();
                for (int doc : candidates) {
                    long id = Long.parseLong(searcher.storedFields().document(doc).get(Fields.ID));
                    float[] other = vector == null ? null : vectorOf(searcher, doc);
                    float cosine = other == null ? 0 : cosine(vector, other);
                    float share = Math.min(1, shares.getOrDefault(doc, 0f));
                    scores.put(id, RELATED_VECTOR_SAY * cosine + (1 - RELATED_VECTOR_SAY) * share);
                }
                Map<Long, Long> stories = posts.stories(new ArrayList<>(scores.keySet()));
                Long story = posts.stories(List.of(postId)).get(postId);
                return scores.entrySet().stream()
                        .filter(e -> e.getKey() != postId && (story == null || !story.equals(stories.get(e.getKey()))))
                        .sorted(Map.Entry.<Long, Float>comparingByValue().reversed()
                                .thenComparing(Map.Entry.comparingByKey()))
                        .limit(limit)
                        .map(Map.Entry::getKey)
                        .toList();
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find posts like post " + postId + " in the index in " + dir, e);
        }
    }

    /**
     * Links every post not linked yet to its story, in the order posts were stored, and returns how many it
     * linked. A post joins the oldest story among the posts that tell the same story ({@link #sameStory}); with
     * none, it starts a story of its own. A post the index has not seen yet waits for the next call.
     */
    public synchronized int linkStories() {
        long started = System.nanoTime();
        int linked = 0;
        long after = 0;
        List<IndexablePost> batch;
        do {
            batch = posts.withoutStory(after, STORY_BATCH);
            Map<Long, List<Long>> same = new LinkedHashMap<>();
            for (IndexablePost post : batch) {
                List<Long> found = sameStory(post);
                if (found != null) {
                    same.put(post.id(), found);
                }
                after = post.id();
            }
            Map<Long, Long> stories = new HashMap<>(posts.stories(same.values().stream().flatMap(List::stream).toList()));
            Map<Long, Long> linking = new LinkedHashMap<>();
            same.forEach((id, others) -> {
                long story = others.stream().map(stories::get).filter(Objects::nonNull).min(Long::compare).orElse(id);
                stories.put(id, story); // a later post of this batch joins it too
                linking.put(id, story);
            });
            posts.linkStories(linking);
            linked += linking.size();
        } while (batch.size() == STORY_BATCH);
        if (linked >= STORY_BATCH) {
            log.info("Search index {} linked {} posts to their stories in {} ms", dir, linked, (System.nanoTime() - started) / 1_000_000);
        }
        return linked;
    }

    /**
     * Posts that tell the same story as this one, published within {@link #SAME_STORY_WITHIN} of it, or null
     * when the index does not hold the post yet. Candidates are the posts of those days nearest to it by the
     * encoder's vector (k-NN) and by its words (Lucene's MoreLikeThis over the title and lede). A candidate's words
     * count as the share of what the post itself scores against that query, so that long and short posts are
     * judged alike; with vectors on both sides their cosine counts too ({@link #VECTOR_SAY}).
     */
    private List<Long> sameStory(IndexablePost post) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                long at = post.publishedAt().toEpochMilli();
                Query days = LongPoint.newRangeQuery(Fields.PUBLISHED, at - SAME_STORY_WITHIN.toMillis(),
                        at + SAME_STORY_WITHIN.toMillis());
                float[] vector = indexable(post.vector()) ? post.vector() : null;
                Map<Integer, Float> shares = wordShares(searcher, post, days, vector != null);
                if (shares.isEmpty()
                        && searcher.count(new TermQuery(new Term(Fields.ID, String.valueOf(post.id())))) == 0) {
                    return null; // not indexed yet (a post found by its own words is)
                }
                Set<Integer> candidates = new LinkedHashSet<>(shares.keySet());
                if (vector != null) {
                    for (ScoreDoc hit : searcher.search(new KnnFloatVectorQuery(Fields.VECTOR, vector,
                            SAME_STORY_CANDIDATES, days), SAME_STORY_CANDIDATES).scoreDocs) {
                        candidates.add(hit.doc);
                    }
                }
                List<Long> same = new ArrayList<>();
                for (int doc : candidates) {
                    long id = Long.parseLong(searcher.storedFields().document(doc).get(Fields.ID));
                    float share = shares.getOrDefault(doc, 0f);
                    float[] other = vector == null ? null : vectorOf(searcher, doc);
                    boolean isSame = other == null ? share >= SAME_STORY_SHARE : sameStory(cosine(vector, other), share);
                    if (id != post.id() && isSame) {
                        same.add(id);
                    }
                }
                return same;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look for the story of post " + post.id() + " in the index in " + dir, e);
        }
    }

    /**
     * The posts of {@code days} that share words with this one, each with its score against the post's MoreLikeThis
     * query as a share of the post's own: one search, in which the post itself scores the most and sets the bar.
     * {@code ownWords}: the query keeps words no other post has. Empty when the post is not indexed yet, or when
     * none of its words is in another post and its own are left out.
     */
    private Map<Integer, Float> wordShares(IndexSearcher searcher, IndexablePost post, Query days, boolean ownWords)
            throws IOException {
        // with a vector, the post's own words count too, so that its share is of all its words: with only words
        // that others have, in a young index that is a few, and two essays on one theme shared most of them (the
        // rule for words alone, SAME_STORY_SHARE, was chosen on words that others have)
        String text = post.text();
        Query like = likeThis(searcher, ownWords ? 1 : 2).like(Fields.WORDS, new StringReader(post.title() + "\n"
                + post.title() + "\n" + text.substring(0, Math.min(text.length(), SAME_STORY_TEXT))));
        TopDocs hits = searcher.search(new BooleanQuery.Builder()
                .add(like, BooleanClause.Occur.MUST)
                .add(days, BooleanClause.Occur.FILTER)
                .build(), SAME_STORY_CANDIDATES);
        String own = String.valueOf(post.id());
        float ownScore = Float.NaN;
        for (ScoreDoc hit : hits.scoreDocs) {
            if (own.equals(searcher.storedFields().document(hit.doc).get(Fields.ID))) {
                ownScore = hit.score;
            }
        }
        Map<Integer, Float> shares = new LinkedHashMap<>();
        if (!Float.isNaN(ownScore)) {
            for (ScoreDoc hit : hits.scoreDocs) {
                shares.put(hit.doc, hit.score / ownScore);
            }
        }
        return shares;
    }

    /**
     * A MoreLikeThis over the words of posts: its query keeps a post's 25 words that weigh most, of those in at least
     * {@code minDocFreq} posts and in at most one post in twenty (more say little about a subject).
     */
    private MoreLikeThis likeThis(IndexSearcher searcher, int minDocFreq) throws IOException {
        MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
        mlt.setAnalyzer(analyzer);
        mlt.setFieldNames(new String[] {Fields.WORDS});
        mlt.setMinTermFreq(1);
        mlt.setMinDocFreq(minDocFreq);
        mlt.setMaxDocFreq(Math.max(10, searcher.getIndexReader().numDocs() / 20));
        mlt.setMaxQueryTerms(25);
        return mlt;
    }

    /** The vector the index holds for document {@code doc}, or null when it has none. */
    private static float[] vectorOf(IndexSearcher searcher, int doc) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        FloatVectorValues values = leaf.reader().getFloatVectorValues(Fields.VECTOR);
        return values != null && values.advance(doc - leaf.docBase) == doc - leaf.docBase ? values.vectorValue().clone()
                : null;
    }

    /** Whether a vector can go into the index: finite numbers, not all zero (a post without words). */
    private static boolean indexable(float[] vector) {
        if (vector == null) {
            return false;
        }
        boolean nonZero = false;
        for (float v : vector) {
            if (!Float.isFinite(v)) {
                return false;
            }
            nonZero |= v != 0;
        }
        return nonZero;
    }

    private static boolean sameStory(float cosine, float share) {
        return cosine >= SAME_STORY_MIN_COSINE
                && VECTOR_SAY * cosine + (1 - VECTOR_SAY) * Math.min(1, share) >= SAME_STORY_LIKENESS;
    }

    private static float cosine(float[] a, float[] b) {
        return a.length == b.length ? VectorUtil.cosine(a, b) : 0;
    }

    /**
     * Relevance blended with recency, in a second pass over the best {@link #RERANK_DEPTH} by BM25 (so that the
     * first pass can skip hopeless documents): BM25 plus up to {@link #RECENCY_WEIGHT} for a post published now,
     * half of that for one a {@link #RECENCY_HALF_LIFE} old.
     */
    private List<ScoreDoc> withRecency(IndexSearcher searcher, ScoreDoc[] byRelevance) throws IOException {
        long now = clock.millis();
        double halfLife = RECENCY_HALF_LIFE.toMillis();
        List<ScoreDoc> blended = new ArrayList<>(byRelevance.length);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        for (ScoreDoc hit : byRelevance) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hit.doc, leaves));
            NumericDocValues published = DocValues.getNumeric(leaf.reader(), Fields.PUBLISHED);
            double age = published.advanceExact(hit.doc - leaf.docBase) ? Math.max(0, now - published.longValue()) : Double.MAX_VALUE;
            float recency = (float) (RECENCY_WEIGHT * halfLife / (halfLife + age));
            blended.add(new ScoreDoc(hit.doc, hit.score + recency));
        }
        blended.sort((a, b) -> Float.compare(b.score, a.score));
        return blended;
    }

    /** The hits of a page; {@code withWords}: the documents that have the query's words, null when all have them. */
    private List<SearchResult.Hit> hits(Query query, List<ScoreDoc> page, List<Long> ids, Set<Integer> withWords)
            throws IOException {
        Map<Long, IndexablePost> byId = posts.byIds(ids).stream()
                .collect(Collectors.toMap(IndexablePost::id, Function.identity()));
        List<SearchResult.Hit> hits = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            IndexablePost post = byId.get(ids.get(i));
            if (post == null) {
                continue; // deleted since the index last followed the database
            }
            boolean byMeaning = withWords != null && !withWords.contains(page.get(i).doc);
            hits.add(new SearchResult.Hit(post.id(), post.title(), post.feedTitle(), post.kind(), post.publishedAt(),
                    Float.isNaN(page.get(i).score) ? 0 : page.get(i).score, snippet(query, post.text()), byMeaning));
        }
        return hits;
    }

    private Snippet snippet(Query query, String text) throws IOException {
        Object highlighted = highlighter.highlightWithoutSearcher(Fields.WORDS, query, text, 2);
        if (highlighted instanceof Snippet snippet && !snippet.pieces().isEmpty()) {
            return snippet;
        }
        String start = text.length() <= SNIPPET_FALLBACK_CHARS ? text : text.substring(0, SNIPPET_FALLBACK_CHARS) + "…";
        return new Snippet(List.of(new Snippet.Piece(start, false)));
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
        doc.add(new TextField(Fields.WORDS, post.title(), Field.Store.NO));
        doc.add(new TextField(Fields.WORDS, post.text(), Field.Store.NO));
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
        if (indexable(post.vector())) {
            doc.add(new KnnFloatVectorField(Fields.VECTOR, post.vector(), VectorSimilarityFunction.COSINE));
        }
        return doc;
    }

    private void commit() throws IOException {
        writer.setLiveCommitData(Map.of(CURSOR_AT, cursorAt.toString(), CURSOR_ID, String.valueOf(cursorId),
                LAYOUT, CURRENT_LAYOUT).entrySet());
        layoutCurrent = true;
        writer.commit();
        lastCommitNanos = System.nanoTime();
        searchers.maybeRefreshBlocking();
    }

    @Override
    public synchronized void close() {
        if (follower != null) {
            follower.shutdownNow();
        }
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
