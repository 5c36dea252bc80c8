package sift.ingest.parse;

import java.util.List;
import java.util.Objects;

/**
 * A podcast episode's transcript as {@link TranscriptParser} reads it: its cues in the order they were said, and
 * what was left out of it ({@code remark}: cues with broken times, or the part past the limits), or null.
 */
public record ParsedTranscript(List<Cue> cues, String remark) {
    public ParsedTranscript {
        cues = List.copyOf(cues);
    }

    /**
     * What one speaker said from {@code startMillis} (null where the format gives no time: plain text, HTML without
     * times), as plain text; {@code speaker} is null where the transcript does not name one.
     */
    public record Cue(Integer startMillis, String speaker, String text) {
        public Cue {
            Objects.requireNonNull(text, "text");
        }
    }
}
