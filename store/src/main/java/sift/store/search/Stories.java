package sift.store.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sift.store.post.IndexablePost;
import sift.store.post.PostChanges;

/**
 * Links the posts of one story for {@link SearchIndex}: the same news told by several feeds, found by the encoder's
 * vector and by words among the posts of the days around each (docs/ARCHITECTURE.md, "Stories").
 */
final class Stories {
    private static final Logger log = LoggerFactory.getLogger(Stories.class);
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
    private final PostChanges posts;
    private final Analyzer analyzer;
    private final SearcherManager searchers;

    Stories(Path dir, PostChanges posts, Analyzer analyzer, SearcherManager searchers) {
        this.dir = dir;
        this.posts = posts;
        this.analyzer = analyzer;
        this.searchers = searchers;
    }

    /** {@link SearchIndex#linkStories}, batch by batch, until {@code stop} says so (asked before each post). */
    int link(BooleanSupplier stop) {
        long started = System.nanoTime();
        int linked = 0;
        long after = 0;
        boolean stopped = false;
        List<IndexablePost> batch;
        do {
            batch = posts.withoutStory(after, STORY_BATCH);
            Map<Long, List<Long>> same = new LinkedHashMap<>();
            for (IndexablePost post : batch) {
                if (stop.getAsBoolean()) { // post by post: at a million posts, one takes about 0.1 s
                    stopped = true;
                    break;
                }
                List<Long> found = sameStory(post);
                if (found != null) {
                    same.put(post.id(), found);
                }
                after = post.id();
            }
            Map<Long, Long> stories = new HashMap<>(
                    posts.stories(same.values().stream().flatMap(List::stream).toList()));
            Map<Long, Long> linking = new LinkedHashMap<>();
            same.forEach((id, others) -> {
                long story = others.stream()
                        .map(stories::get)
                        .filter(Objects::nonNull)
                        .min(Long::compare)
                        .orElse(id);
                stories.put(id, story); // a later post of this batch joins it too
                linking.put(id, story);
            });
            posts.linkStories(linking);
            linked += linking.size();
            stopped = stopped || stop.getAsBoolean();
        } while (!stopped && batch.size() == STORY_BATCH);
        if (stopped) {
            log.info(
                    "Search index {} stopped linking stories after {} posts: the rest follow after the next start",
                    dir,
                    linked);
        }
        if (linked >= STORY_BATCH) {
            log.info(
                    "Search index {} linked {} posts to their stories in {} ms",
                    dir,
                    linked,
                    (System.nanoTime() - started) / 1_000_000);
        }
        return linked;
    }

    /**
     * Posts that tell the same story as this one, published within {@link #SAME_STORY_WITHIN} of it, or null
     * when the index does not hold the post yet. Candidates are the posts of those days nearest to it by the
     * encoder's vector (k-NN) and by its words (as Lucene's MoreLikeThis finds them, over the title and lede). A candidate's words
     * count as the share of what the post itself scores against that query, so that long and short posts are
     * judged alike; with vectors on both sides their cosine counts too ({@link #VECTOR_SAY}).
     */
    private List<Long> sameStory(IndexablePost post) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                long at = post.publishedAt().toEpochMilli();
                Query days = LongPoint.newRangeQuery(
                        Fields.PUBLISHED, at - SAME_STORY_WITHIN.toMillis(), at + SAME_STORY_WITHIN.toMillis());
                float[] vector = Likeness.indexable(post.vector()) ? post.vector() : null;
                StoredFields stored = searcher.storedFields();
                Map<Integer, Float> shares = wordShares(searcher, stored, post, days, vector != null);
                if (shares.isEmpty()
                        && searcher.count(new TermQuery(new Term(Fields.ID, String.valueOf(post.id())))) == 0) {
                    return null; // not indexed yet (a post found by its own words is)
                }
                Set<Integer> candidates = new LinkedHashSet<>(shares.keySet());
                if (vector != null) {
                    for (ScoreDoc hit : searcher.search(
                                    new KnnFloatVectorQuery(Fields.VECTOR, vector, SAME_STORY_CANDIDATES, days),
                                    SAME_STORY_CANDIDATES)
                            .scoreDocs) {
                        candidates.add(hit.doc);
                    }
                }
                List<Long> same = new ArrayList<>();
                for (int doc : candidates) {
                    long id = Fields.postId(stored, doc);
                    float share = shares.getOrDefault(doc, 0f);
                    float[] other = vector == null ? null : Likeness.vectorOf(searcher, doc);
                    boolean isSame = other == null
                            ? share >= SAME_STORY_SHARE
                            : sameStory(Likeness.cosine(vector, other), share);
                    if (id != post.id() && isSame) {
                        same.add(id);
                    }
                }
                return same;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot look for the story of post " + post.id() + " in the index in " + dir, e);
        }
    }

    /**
     * The posts of {@code days} that share words with this one, each with its score against the post's MoreLikeThis
     * query as a share of the post's own: one search, in which the post itself scores the most and sets the bar.
     * {@code ownWords}: the query keeps words no other post has. Empty when the post is not indexed yet, or when
     * none of its words is in another post and its own are left out.
     */
    private Map<Integer, Float> wordShares(
            IndexSearcher searcher, StoredFields stored, IndexablePost post, Query days, boolean ownWords)
            throws IOException {
        // with a vector, the post's own words count too, so that its share is of all its words: with only words
        // that others have, in a young index that is a few, and two essays on one theme shared most of them (the
        // rule for words alone, SAME_STORY_SHARE, was chosen on words that others have)
        String text = post.text();
        Query like = Likeness.words(
                searcher,
                analyzer,
                ownWords ? 1 : 2,
                post.title() + "\n" + post.title() + "\n"
                        + text.substring(0, Math.min(text.length(), SAME_STORY_TEXT)));
        TopDocs hits = searcher.search(
                new BooleanQuery.Builder()
                        .add(like, BooleanClause.Occur.MUST)
                        .add(days, BooleanClause.Occur.FILTER)
                        .build(),
                SAME_STORY_CANDIDATES);
        float ownScore = Float.NaN;
        for (ScoreDoc hit : hits.scoreDocs) {
            if (Fields.postId(stored, hit.doc) == post.id()) {
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

    private static boolean sameStory(float cosine, float share) {
        return cosine >= SAME_STORY_MIN_COSINE
                && VECTOR_SAY * cosine + (1 - VECTOR_SAY) * Math.min(1, share) >= SAME_STORY_LIKENESS;
    }
}
