package sift.nlp;

import sift.nlp.kind.KindClassifier;

/** Text in, facts out. Pure and thread-safe: one instance serves every ingest worker. */
public final class Analyzer {
    private final KindClassifier kinds = new KindClassifier();

    public Analysis analyze(Document document) {
        return new Analysis(kinds.classify(document));
    }
}
