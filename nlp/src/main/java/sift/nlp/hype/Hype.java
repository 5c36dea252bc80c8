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
        TEXT;

        /** The part as the contract and the store name it: {@code title} or {@code text}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * An AI claim: the part it is in and its character span there ({@code start} inclusive, {@code end}
     * exclusive), its sentence, hype score 0-100, stance, and the reasons that moved its score.
     */
    public record Claim(Part part, int start, int end, String text, int score, String stance, List<String> reasons) {
        public Claim {
            Objects.requireNonNull(part, "part");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(stance, "stance");
            reasons = List.copyOf(reasons);
        }
    }
}
