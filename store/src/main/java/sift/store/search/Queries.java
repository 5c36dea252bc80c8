package sift.store.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.CustomSeparatorBreakIterator;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import sift.store.post.IndexablePost;
import sift.store.post.PostChanges;
import sift.store.post.PostFacts;

/**
 * Querying the index for {@link SearchIndex}: a search by words, with the meaning of a query of words alone fused
 * in, and the posts like one post. Reads through the index's searchers; thread-safe.
 */
final class Queries {
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
    private static final int SNIPPET_FALLBACK_CHARS = 240;
    /** Snippets come from the first this many characters of a post: long enough for nearly every match. */
    private static final int SNIPPET_SCAN_CHARS = 2500;
    /** The cues of a transcript that the cue finder weighs: as many as a transcript may have. */
    private static final int MAX_CUE_PASSAGES = 20_000;

    private static final Pattern LINE_AFTER_SENTENCE = Pattern.compile("(?<=[.!?:;…])\\s*\\n\\s*");

    private final Path dir;
    private final PostChanges posts;
    private final Clock clock;
    private final Analyzer analyzer;
    private final SearcherManager searchers;
    private final UnifiedHighlighter highlighter;
    /** Where in what was said the query's words are: the start of the first cue that has the most of them, or null. */
    private final UnifiedHighlighter cueFinder;

    Queries(Path dir, PostChanges posts, Clock clock, Analyzer analyzer, SearcherManager searchers) {
        this.dir = dir;
        this.posts = posts;
        this.clock = clock;
        this.analyzer = analyzer;
        this.searchers = searchers;
        this.highlighter = UnifiedHighlighter.builderWithoutSearcher(analyzer)
                .withFormatter(new SnippetFormatter())
                .withMaxLength(SNIPPET_SCAN_CHARS)
                // highlight the query's words in the text; matching the whole query against the text alone
                // (weight matches) would find nothing whenever the query also names a field such as kind:
                .withWeightMatches(false)
                .build();
        // one passage a cue, scored by the query's words in it whatever its length; the first of the best wins
        this.cueFinder = UnifiedHighlighter.builderWithoutSearcher(analyzer)
                .withBreakIterator(() -> new CustomSeparatorBreakIterator('\n'))
                .withScorer(new PassageScorer(1.2f, 0, 87))
                .withFormatter(new PassageFormatter() {
                    @Override
                    public Integer format(Passage[] passages, String content) {
                        Passage best = null;
                        for (Passage p : passages) { // in the order of the text
                            if (p.getNumMatches() > 0 && (best == null || p.getScore() > best.getScore())) {
                                best = p;
                            }
                        }
                        return best == null ? null : best.getStartOffset();
                    }
                })
                .withMaxLength(Integer.MAX_VALUE - 1)
                .withWeightMatches(false)
                .build();
    }

    /** {@link SearchIndex#search}. */
    SearchResult search(SearchRequest request) {
        long started = System.nanoTime();
        try {
            Query words = new QueryParser(analyzer).parse(request.query());
            boolean byMeaning = request.order() == SearchRequest.Order.RELEVANCE
                    && QueryParser.plain(request.query())
                    && Likeness.indexable(request.meaning());
            return search(request, within(words, request.published()), byMeaning, started);
        } catch (IndexSearcher.TooManyClauses e) {
            // the parser's limits keep a query well under Lucene's: this is a safety net, not a path
            throw new SearchSyntaxException("the query asks for more than Lucene searches at once ("
                    + IndexSearcher.getMaxClauseCount() + " clauses): use fewer words");
        }
    }

    /** The query within the request's period when it has one. */
    private static Query within(Query query, SearchRequest.Period period) {
        return period == null
                ? query
                : new BooleanQuery.Builder()
                        .add(query, BooleanClause.Occur.MUST)
                        .add(period(period), BooleanClause.Occur.FILTER)
                        .build();
    }

    private static Query period(SearchRequest.Period period) {
        return LongPoint.newRangeQuery(
                Fields.PUBLISHED, period.from().toEpochMilli(), period.before().toEpochMilli() - 1);
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
                    top = searcher.search(
                            query, depth, new Sort(new SortField(Fields.PUBLISHED, SortField.Type.LONG, true)));
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
                List<ScoreDoc> page =
                        ranked.subList(Math.min(request.offset(), ranked.size()), Math.min(depth, ranked.size()));
                List<Long> ids = new ArrayList<>();
                StoredFields stored = searcher.storedFields();
                for (ScoreDoc hit : page) {
                    ids.add(Fields.postId(stored, hit.doc));
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

    /** {@link SearchIndex#moreLikeThis}. */
    List<Long> moreLikeThis(long postId, int limit) {
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
                Query like = Likeness.words(
                        searcher,
                        analyzer,
                        2,
                        post.title() + "\n" + post.title() + "\n"
                                + text.substring(0, Math.min(text.length(), RELATED_TEXT)));
                ScoreDoc[] byWords = searcher.search(like, depth).scoreDocs;
                float[] vector = Likeness.indexable(post.vector()) ? post.vector() : null;
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
                StoredFields stored = searcher.storedFields();
                for (int doc : candidates) {
                    long id = Fields.postId(stored, doc);
                    float[] other = vector == null ? null : Likeness.vectorOf(searcher, doc);
                    float cosine = other == null ? 0 : Likeness.cosine(vector, other);
                    float share = Math.min(1, shares.getOrDefault(doc, 0f));
                    scores.put(id, RELATED_VECTOR_SAY * cosine + (1 - RELATED_VECTOR_SAY) * share);
                }
                List<Long> ids = new ArrayList<>(scores.keySet());
                ids.add(postId);
                Map<Long, Long> stories = posts.stories(ids); // one query for the post's story and its candidates'
                Long story = stories.get(postId);
                return scores.entrySet().stream()
                        .filter(e -> e.getKey() != postId && (story == null || !story.equals(stories.get(e.getKey()))))
                        .sorted(Map.Entry.<Long, Float>comparingByValue()
                                .reversed()
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
            double age = published.advanceExact(hit.doc - leaf.docBase)
                    ? Math.max(0, now - published.longValue())
                    : Double.MAX_VALUE;
            float recency = (float) (RECENCY_WEIGHT * halfLife / (halfLife + age));
            blended.add(new ScoreDoc(hit.doc, hit.score + recency));
        }
        blended.sort((a, b) -> Float.compare(b.score, a.score));
        return blended;
    }

    /** The hits of a page; {@code withWords}: the documents that have the query's words, null when all have them. */
    private List<SearchResult.Hit> hits(Query query, List<ScoreDoc> page, List<Long> ids, Set<Integer> withWords)
            throws IOException {
        Map<Long, IndexablePost> byId =
                posts.byIds(ids).stream().collect(Collectors.toMap(IndexablePost::id, Function.identity()));
        List<SearchResult.Hit> hits = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            IndexablePost post = byId.get(ids.get(i));
            if (post == null) {
                continue; // deleted since the index last followed the database
            }
            boolean byMeaning = withWords != null && !withWords.contains(page.get(i).doc);
            Snippet snippet = snippet(query, post.text());
            SearchResult.Said said = null;
            PostFacts.Cue cue = snippet.matches() ? null : cueSaying(query, post.transcript());
            if (cue != null) {
                Snippet inCue = highlighted(Fields.SAID, query, cue.text());
                snippet = inCue != null ? inCue : new Snippet(List.of(new Snippet.Piece(cue.text(), false)));
                said = new SearchResult.Said(cue.startMillis(), cue.speaker());
            }
            hits.add(new SearchResult.Hit(
                    post.id(),
                    post.title(),
                    post.feedTitle(),
                    post.kind(),
                    post.publishedAt(),
                    Float.isNaN(page.get(i).score) ? 0 : page.get(i).score,
                    snippet,
                    byMeaning,
                    post.topics(),
                    post.stance(),
                    post.hypeScore(),
                    said));
        }
        return hits;
    }

    /**
     * The cue that says the query's words, or null: the highlighter reads what was said once, as the index holds it,
     * one passage a cue, and the first of the best is mapped back to its cue (highlighting cue after cue took up to
     * one pass a cue, thousands for an hour).
     */
    private PostFacts.Cue cueSaying(Query query, List<PostFacts.Cue> cues) throws IOException {
        if (cues.isEmpty()
                || !(cueFinder.highlightWithoutSearcher(Fields.SAID, query, Fields.said(cues), MAX_CUE_PASSAGES)
                        instanceof Integer offset)) {
            return null;
        }
        int end = 0;
        for (PostFacts.Cue cue : cues) {
            end += cue.text().length() + 1;
            if (offset < end) {
                return cue;
            }
        }
        return null;
    }

    private Snippet snippet(Query query, String post) throws IOException {
        String text = readable(post);
        Snippet highlighted = highlighted(Fields.WORDS, query, text);
        if (highlighted != null) {
            return highlighted;
        }
        String start = text.length() <= SNIPPET_FALLBACK_CHARS ? text : text.substring(0, SNIPPET_FALLBACK_CHARS) + "…";
        return new Snippet(List.of(new Snippet.Piece(start, false)));
    }

    /**
     * A snippet of {@code text} with the query's words as the index's {@code field} finds them, or null when there is
     * none; without a word of the query it is the text's start.
     */
    private Snippet highlighted(String field, Query query, String text) throws IOException {
        Object highlighted = highlighter.highlightWithoutSearcher(field, query, text, 2);
        return highlighted instanceof Snippet snippet && !snippet.pieces().isEmpty() ? snippet : null;
    }

    /**
     * A post's lines as one line to read: after a sentence a space, else (a heading, a list item) a middle dot, so
     * that "Bug fixes" does not run into the fix below it.
     */
    static String readable(String text) {
        return LINE_AFTER_SENTENCE.matcher(text).replaceAll(" ").replaceAll("\\s*\\n\\s*", " · ");
    }
}
