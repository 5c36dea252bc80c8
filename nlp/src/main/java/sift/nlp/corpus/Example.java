package sift.nlp.corpus;

import java.util.Objects;
import java.util.Set;
import sift.nlp.taxonomy.Kind;
import sift.nlp.taxonomy.Topic;
import sift.nlp.text.Document;

/**
 * One labelled text of the corpus: the post, its topics and kind, and the release (product, version) or episode
 * number it holds, when it holds one. {@code id} names it in reports ({@code file:line} when not given).
 */
public record Example(
        String id, Document doc, Set<Topic> topics, Kind kind, String product, String version, Integer episode) {
    public Example {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(doc, "doc");
        Objects.requireNonNull(kind, "kind");
        topics = Set.copyOf(topics);
    }

    public boolean isRelease() {
        return version != null;
    }

    /** The same text without what its feed gave it (link, feed, enclosures, tags), as {@code sift score} may get it. */
    public Example textOnly() {
        return new Example(id, Document.of(doc.title(), doc.text()), topics, kind, product, version, episode);
    }
}
