package sift.nlp;

import java.util.Objects;

/** What the pipeline found out about one document. */
public record Analysis(Kind kind) {
    public Analysis {
        Objects.requireNonNull(kind, "kind");
    }
}
