package sift.store.search;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.StoredFields;
import sift.store.post.PostFacts;

/** Field names of the search index. */
final class Fields {
    static final String ID = "id";
    /** Title and text, as values of one field: a word is one term. */
    static final String WORDS = "words";
    /** The title alone, so that a query's words found there weigh more than in the text. */
    static final String TITLE = "title";
    /** What was said in an episode, its transcript's cues as one text: found there, words weigh less. */
    static final String SAID = "said";

    static final String FEED = "feed";
    static final String FEED_ID = "feed_id";
    static final String KIND = "kind";
    static final String TOPIC = "topic";
    static final String STANCE = "stance";
    static final String HYPE = "hype";
    static final String PUBLISHED = "published";
    /** The sentence encoder's vector of the title and lead, for k-NN. */
    static final String VECTOR = "vector";

    private static final Set<String> ID_ONLY = Set.of(ID);

    private Fields() {}

    /** What was said, as the {@link #SAID} field holds it: each cue's words and a line break. */
    static String said(List<PostFacts.Cue> cues) {
        StringBuilder said = new StringBuilder();
        cues.forEach(c -> said.append(c.text()).append('\n'));
        return said.toString();
    }

    /** The id of the post that index document {@code doc} holds, its only stored field read. */
    static long postId(StoredFields stored, int doc) throws IOException {
        return Long.parseLong(stored.document(doc, ID_ONLY).get(ID));
    }
}
