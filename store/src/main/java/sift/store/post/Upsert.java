package sift.store.post;

/** What one upsert did: the post's id, and whether the post was new, changed, or already stored as is. */
public record Upsert(long postId, Outcome outcome) {
    public enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED
    }
}
