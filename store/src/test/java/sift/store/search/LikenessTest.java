package sift.store.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.ClassicSimilarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

class LikenessTest {
    private final Analyzer analyzer = SearchIndex.analyzer();

    /** The real feed excerpts of {@code ../shared/seeds}, one a line. */
    private static List<String> excerpts() throws IOException {
        Path seeds = Path.of(System.getProperty("sift.shared", "../../shared"), "seeds/feed-excerpts-2025-11.txt");
        return Files.readAllLines(seeds).stream().filter(l -> !l.isBlank()).toList();
    }

    @Test
    void theWordsOfAPostWeighAsTheOnesMoreLikeThisPicksAndTheirStatesFindWhatTheWordsFind() throws IOException {
        List<String> excerpts = excerpts();
        assertThat(excerpts).hasSizeGreaterThan(30);
        try (Directory dir = new ByteBuffersDirectory();
                IndexWriter writer =
                        new IndexWriter(dir, new IndexWriterConfig(analyzer).setMergePolicy(NoMergePolicy.INSTANCE))) {
            // several segments, one with a deleted post, as a live index has
            for (int i = 0; i < excerpts.size(); i++) {
                writer.addDocument(post("a" + i, excerpts.get(i)));
                writer.addDocument(post("b" + i, excerpts.get(i) + "\n" + excerpts.get((i * 7) % excerpts.size())));
                if (i % 10 == 9) {
                    writer.commit();
                }
            }
            writer.deleteDocuments(new Term(Fields.ID, "b3"));
            writer.commit();
            try (DirectoryReader reader = DirectoryReader.open(writer)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                assertThat(reader.leaves()).hasSizeGreaterThan(3);
                for (String text : excerpts) {
                    for (int minDocFreq : new int[] {1, 2}) {
                        Query ours = Likeness.words(searcher, analyzer, minDocFreq, text);
                        String[] theirs = moreLikeThis(reader, minDocFreq)
                                .retrieveInterestingTerms(new StringReader(text), Fields.WORDS);
                        List<String> words = words(ours);
                        assertThat(weights(reader, text, words))
                                .as("the weights of the words %s picked from %s", words, text)
                                .isEqualTo(weights(reader, text, List.of(theirs)));
                        BooleanQuery.Builder plain = new BooleanQuery.Builder();
                        words.forEach(
                                w -> plain.add(new TermQuery(new Term(Fields.WORDS, w)), BooleanClause.Occur.SHOULD));
                        assertThat(hits(searcher, ours))
                                .as("found with the words' states as without them")
                                .isEqualTo(hits(searcher, plain.build()));
                    }
                }
            }
        }
    }

    @Test
    void aTextWithoutWordsIsAQueryForNothing() throws IOException {
        try (Directory dir = new ByteBuffersDirectory();
                IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
            writer.addDocument(post("1", "BGP route reflectors"));
            try (DirectoryReader reader = DirectoryReader.open(writer)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                for (String text : new String[] {"", "the and of", "zebra"}) {
                    assertThat(searcher.count(Likeness.words(searcher, analyzer, 1, text)))
                            .as("'%s'", text)
                            .isZero();
                }
            }
        }
    }

    private static Document post(String id, String words) {
        Document doc = new Document();
        doc.add(new StringField(Fields.ID, id, Field.Store.YES));
        doc.add(new TextField(Fields.WORDS, words, Field.Store.NO));
        return doc;
    }

    /** Lucene's MoreLikeThis set as {@link Likeness#words} documents it. */
    private MoreLikeThis moreLikeThis(DirectoryReader reader, int minDocFreq) throws IOException {
        MoreLikeThis mlt = new MoreLikeThis(reader);
        mlt.setAnalyzer(analyzer);
        mlt.setFieldNames(new String[] {Fields.WORDS});
        mlt.setMinTermFreq(1);
        mlt.setMinDocFreq(minDocFreq);
        mlt.setMaxDocFreq(Math.max(10, reader.numDocs() / 20));
        mlt.setMaxQueryTerms(25);
        return mlt;
    }

    private static List<String> words(Query query) {
        return ((BooleanQuery) query)
                .clauses().stream()
                        .map(c -> ((TermQuery) c.getQuery()).getTerm().text())
                        .toList();
    }

    /** The weights of these words of {@code text} as MoreLikeThis weighs them, heaviest first. */
    private List<Float> weights(DirectoryReader reader, String text, List<String> words) throws IOException {
        ClassicSimilarity similarity = new ClassicSimilarity();
        List<Float> weights = new ArrayList<>();
        for (String word : words) {
            int tf = 0;
            try (TokenStream tokens = analyzer.tokenStream(Fields.WORDS, text)) {
                CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
                tokens.reset();
                while (tokens.incrementToken()) {
                    tf += term.toString().equals(word) ? 1 : 0;
                }
                tokens.end();
            }
            int docFreq = reader.docFreq(new Term(Fields.WORDS, word));
            weights.add(tf * similarity.idf(docFreq, reader.getDocCount(Fields.WORDS)));
        }
        weights.sort(Comparator.reverseOrder());
        return weights;
    }

    private static String hits(IndexSearcher searcher, Query query) throws IOException {
        ScoreDoc[] hits = searcher.search(query, 15).scoreDocs;
        return Arrays.stream(hits).map(h -> h.doc + ":" + h.score).toList().toString();
    }
}
