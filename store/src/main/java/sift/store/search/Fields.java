package sift.store.search;

/** Field names of the search index. */
final class Fields {
    static final String ID = "id";
    /** Title and text, as values of one field: a word is one term. */
    static final String WORDS = "words";
    /** The title alone, so that a query's words found there weigh more than in the text. */
    static final String TITLE = "title";

    static final String FEED = "feed";
    static final String FEED_ID = "feed_id";
    static final String KIND = "kind";
    static final String TOPIC = "topic";
    static final String STANCE = "stance";
    static final String HYPE = "hype";
    static final String PUBLISHED = "published";
    /** The sentence encoder's vector of the title and lead, for k-NN. */
    static final String VECTOR = "vector";

    private Fields() {}
}
