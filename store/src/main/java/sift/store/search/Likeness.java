package sift.store.search;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.VectorUtil;

/** How alike two posts are in the index: by their words (MoreLikeThis) and by their encoder vectors. */
final class Likeness {
    private Likeness() {}

    /**
     * A MoreLikeThis over the words of posts: its query keeps a post's 25 words that weigh most, of those in at least
     * {@code minDocFreq} posts and in at most one post in twenty (more say little about a subject).
     */
    static MoreLikeThis words(IndexSearcher searcher, Analyzer analyzer, int minDocFreq) throws IOException {
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
    static float[] vectorOf(IndexSearcher searcher, int doc) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        FloatVectorValues values = leaf.reader().getFloatVectorValues(Fields.VECTOR);
        return values != null && values.advance(doc - leaf.docBase) == doc - leaf.docBase
                ? values.vectorValue().clone()
                : null;
    }

    /** Whether a vector can go into the index: finite numbers, not all zero (a post without words). */
    static boolean indexable(float[] vector) {
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

    static float cosine(float[] a, float[] b) {
        return a.length == b.length ? VectorUtil.cosine(a, b) : 0;
    }
}
