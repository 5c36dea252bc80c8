package sift.store.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.ClassicSimilarity;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.PriorityQueue;
import org.apache.lucene.util.VectorUtil;

/** How alike two posts are in the index: by their words (as MoreLikeThis finds them) and by their encoder vectors. */
final class Likeness {
    private Likeness() {}

    /** The most words a {@link #words} query keeps. */
    private static final int MAX_WORDS = 25;

    private static final ClassicSimilarity SIMILARITY = new ClassicSimilarity();

    /**
     * A query for the posts whose words are like {@code text}'s: its 25 words that weigh most (frequency in the text
     * times inverse document frequency), of those in at least {@code minDocFreq} posts and in at most one post in
     * twenty (more say little about a subject), each a SHOULD clause. It weighs and picks words as Lucene's MoreLikeThis
     * does (LikenessTest holds the two to the same weights; of words that weigh the same, this keeps the first in the
     * alphabet where MoreLikeThis keeps whichever its hash map gives first) with a tenth of the garbage: MoreLikeThis opens a new terms enumeration for
     * each word in each segment (at a million posts about 900 a post, megabytes that the story linker's garbage
     * collections made readers wait for); this opens one a segment, and hands each word's states to its query so
     * that the search does not look the words up again.
     */
    static Query words(IndexSearcher searcher, Analyzer analyzer, int minDocFreq, String text) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        int maxDocFreq = Math.max(10, reader.numDocs() / 20);
        long docCount = reader.getDocCount(Fields.WORDS);
        if (docCount == -1) {
            docCount = reader.numDocs();
        }
        List<LeafReaderContext> leaves = reader.leaves();
        TermsEnum[] enums = new TermsEnum[leaves.size()];
        for (LeafReaderContext leaf : leaves) {
            Terms terms = leaf.reader().terms(Fields.WORDS);
            enums[leaf.ord] = terms == null ? null : terms.iterator();
        }
        Map<String, int[]> frequencies = frequencies(analyzer, text);
        int limit = Math.min(MAX_WORDS, frequencies.size());
        if (limit == 0) {
            return new BooleanQuery.Builder().build();
        }
        PriorityQueue<Weighed> top = new PriorityQueue<>(limit) {
            @Override
            protected boolean lessThan(Weighed a, Weighed b) {
                return a.weighsLessThan(b);
            }
        };
        for (Map.Entry<String, int[]> word : frequencies.entrySet()) {
            BytesRef bytes = new BytesRef(word.getKey());
            TermStates states = new TermStates(reader.getContext());
            for (LeafReaderContext leaf : leaves) {
                TermsEnum in = enums[leaf.ord];
                if (in != null && in.seekExact(bytes)) {
                    states.register(in.termState(), leaf.ord, in.docFreq(), in.totalTermFreq());
                }
            }
            int docFreq = states.docFreq();
            if (docFreq == 0 || docFreq < minDocFreq || docFreq > maxDocFreq) {
                continue;
            }
            Weighed weighed =
                    new Weighed(word.getKey(), states, word.getValue()[0] * SIMILARITY.idf(docFreq, docCount));
            if (top.size() < limit) {
                top.add(weighed);
            } else if (top.top().weighsLessThan(weighed)) {
                top.updateTop(weighed);
            }
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        while (top.size() > 0) {
            Weighed word = top.pop();
            query.add(new TermQuery(new Term(Fields.WORDS, word.word), word.states), BooleanClause.Occur.SHOULD);
        }
        return query.build();
    }

    private record Weighed(String word, TermStates states, float score) {
        /** Less weight, or as much and later in the alphabet: among words of equal weight the first are kept. */
        boolean weighsLessThan(Weighed other) {
            return score < other.score || (score == other.score && word.compareTo(other.word) > 0);
        }
    }

    /** How often each of the analyzer's terms occurs in {@code text}. */
    private static Map<String, int[]> frequencies(Analyzer analyzer, String text) throws IOException {
        Map<String, int[]> frequencies = new HashMap<>();
        try (TokenStream tokens = analyzer.tokenStream(Fields.WORDS, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                frequencies.computeIfAbsent(term.toString(), t -> new int[1])[0]++;
            }
            tokens.end();
        }
        return frequencies;
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
