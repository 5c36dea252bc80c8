package sift.store.post;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the search index keeps of a post: its words, its facets, its dates, its vector (null: none), and what was
 * said in it when it is an episode whose transcript Sift read (its cues; none otherwise).
 */
public record IndexablePost(
        long id,
        long feedId,
        String feedTitle,
        String title,
        String text,
        String kind,
        List<String> topics,
        String stance,
        int hypeScore,
        Instant publishedAt,
        Instant changedAt,
        float[] vector,
        List<PostFacts.Cue> transcript) {

    public IndexablePost {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(changedAt, "changedAt");
        text = Objects.requireNonNullElse(text, "");
        topics = List.copyOf(topics);
        transcript = List.copyOf(transcript);
    }

    /** The post with what was said in it. */
    IndexablePost withTranscript(List<PostFacts.Cue> cues) {
        return new IndexablePost(
                id,
                feedId,
                feedTitle,
                title,
                text,
                kind,
                topics,
                stance,
                hypeScore,
                publishedAt,
                changedAt,
                vector,
                cues);
    }
}
