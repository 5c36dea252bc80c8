package sift.web.http;

import java.util.List;
import java.util.Map;

/**
 * The reasons of an AI claim's score in plain words. The scorer names each reason by its feature, the list of the
 * hype lexicon it comes from, with the words that matched ({@code anthro: 'understands'}); readers see what the
 * feature means ({@code speaks of the product as a person: understands}). A list an admin added to the lexicon
 * keeps its own name.
 */
public final class Reasons {
    private static final Map<String, String> SAID = Map.ofEntries(
            Map.entry("promo", "promotional words"),
            Map.entry("superlative", "a superlative"),
            Map.entry("absolute", "an absolute"),
            Map.entry("scope", "a claim without limits"),
            Map.entry("future", "a promise about the future"),
            Map.entry("prediction", "a prediction"),
            Map.entry("vague", "a vague measure"),
            Map.entry("vague-number", "a number without a source"),
            Map.entry("anthro", "speaks of the product as a person"),
            Map.entry("evidence", "points to evidence"),
            Map.entry("measured-number", "a number with its measure"),
            Map.entry("not-absolute", "no absolute"),
            Map.entry("not-scope", "a span of time, not a claim without limits"),
            Map.entry("ai", "speaks of AI"),
            Map.entry("hedge", "hedged"),
            Map.entry("critique", "a critical word"),
            Map.entry("reported", "reports what others say"),
            Map.entry("irony", "irony"),
            Map.entry("negation", "a negation"),
            Map.entry("question", "a question"),
            Map.entry("quote", "scare quotes"),
            Map.entry("quoted-claim", "a claim in quotes"));

    private Reasons() {}

    /** A claim's reasons in plain words, one after the other: "an absolute: zero; a superlative: best". */
    public static String plain(List<String> reasons) {
        return String.join("; ", reasons.stream().map(Reasons::plain).toList());
    }

    /** {@code anthro: 'understands', 'thinks'} as {@code speaks of the product as a person: understands, thinks}. */
    public static String plain(String reason) {
        int colon = reason.indexOf(':');
        if (colon < 0) {
            return reason;
        }
        String feature = reason.substring(0, colon).strip();
        String words = reason.substring(colon + 1).strip().replaceAll("'([^']*)'", "$1");
        return SAID.getOrDefault(feature, feature) + (words.isEmpty() ? "" : ": " + words);
    }
}
