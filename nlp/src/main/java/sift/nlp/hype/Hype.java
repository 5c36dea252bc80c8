package sift.nlp.hype;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The hype part of an analysis: the post's hype score 0-100, its stance, and its AI claims in the order they
 * appear (the title's first).
 */
public record Hype(int score, String stance, List<Claim> claims) {
    /** A post that says nothing about AI. */
    public static final Hype NONE = new Hype(0, "neutral", List.of());

    public Hype {
        Objects.requireNonNull(stance, "stance");
        claims = List.copyOf(claims);
    }

    /** Where a claim was found. */
    public enum Part {
        TITLE,
        TEXT,
        /** What was said in a podcast episode, by its transcript. */
        TRANSCRIPT;

        /** The part as the contract and the store name it: {@code title}, {@code text} or {@code transcript}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * An AI claim: the part it is in and its character span there ({@code start} inclusive, {@code end}
     * exclusive; in a transcript, of its cues joined as {@link HypeScorer} joins them), its sentence, hype score
     * 0-100, stance, and the reasons that moved its score; a claim in a transcript has the time its cue starts at
     * ({@code startMillis}, null when the transcript gives none) and its speaker when named.
     */
    public record Claim(
            Part part,
            int start,
            int end,
            String text,
            int score,
            String stance,
            List<String> reasons,
            Integer startMillis,
            String speaker) {
        public Claim {
            Objects.requireNonNull(part, "part");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(stance, "stance");
            reasons = List.copyOf(reasons);
        }

        /** A claim of the title or the text. */
        public Claim(Part part, int start, int end, String text, int score, String stance, List<String> reasons) {
            this(part, start, end, text, score, stance, reasons, null, null);
        }
    }

    /**
     * What was said in an episode from {@code startMillis} (null when the transcript gives no time), by {@code
     * speaker} when it names one: a cue of its transcript, as plain text.
     */
    public record Cue(Integer startMillis, String speaker, String text) {
        public Cue {
            Objects.requireNonNull(text, "text");
        }
    }
}
