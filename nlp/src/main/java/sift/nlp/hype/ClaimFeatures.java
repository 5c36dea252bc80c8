package sift.nlp.hype;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import opennlp.tools.stemmer.PorterStemmer;
import sift.nlp.text.Words;

/**
 * What the stance model sees in a sentence: the explainable features ({@code f=NAME}, one per feature of
 * {@link HypeLexicon}, superlatives from part-of-speech tags, scare quotes, a question, a vague number, a
 * number with its method), each with the phrases that fired it; for the frames a claim can be in (reported,
 * criticised, mocked, asked, quoted, hedged, measured, negated), whether a hype marker comes with it
 * ({@code f=marker&FRAME} or {@code f=plain&FRAME}); and the sentence's word stems ({@code w=}).
 */
record ClaimFeatures(Map<String, List<HypeLexicon.Match>> explained, Set<String> words) {
    private static final Pattern SCARE_QUOTES =
            Pattern.compile("['\"\u2018\u201c]([^'\"\u2019\u201d]{2,60})['\"\u2019\u201d]");
    private static final Pattern VAGUE_NUMBER =
            Pattern.compile("(?i)\\b(up to|as much as|as many as)\\s+\\d+(\\.\\d+)?\\s*(%|percent|x\\b|times)");
    private static final Set<String> ABOUT_CLAIMS = Set.of("critique", "irony");
    private static final List<String> FRAMES = List.of(
            "reported", "critique", "irony", "question", "quote", "quoted-claim", "hedge", "evidence", "negation");
    private static final Pattern NUMBER = Pattern.compile("\\d");
    private static final List<String> QUOTABLE =
            List.of("promo", "superlative", "absolute", "scope", "future", "prediction", "anthro", "vague-number");

    /**
     * Whether a sentence, whose {@link HypeLexicon} were found, speaks about claims: criticises or mocks them, or
     * quotes words; found without part-of-speech tags, so that a post's other sentences cost little.
     */
    static boolean aboutClaims(String sentence, List<HypeLexicon.Match> found) {
        return found.stream().anyMatch(m -> ABOUT_CLAIMS.contains(m.feature()))
                || SCARE_QUOTES.matcher(sentence).find();
    }

    static ClaimFeatures of(String sentence, HypeLexicon lexicon) {
        return of(sentence, lexicon.find(sentence), Superlatives.find(sentence));
    }

    /** The features of a sentence whose {@link HypeLexicon} and {@link Superlatives} were already found. */
    static ClaimFeatures of(String sentence, List<HypeLexicon.Match> found, List<HypeLexicon.Match> superlatives) {
        Map<String, List<HypeLexicon.Match>> explained = new LinkedHashMap<>();
        for (HypeLexicon.Match m : found) {
            if (!m.feature().equals("ai")) {
                explained.computeIfAbsent(m.feature(), k -> new ArrayList<>()).add(m);
            }
        }
        for (HypeLexicon.Match m : superlatives) {
            explained.computeIfAbsent("superlative", k -> new ArrayList<>()).add(m);
        }
        add(explained, "vague-number", VAGUE_NUMBER.matcher(sentence));
        add(explained, "quote", SCARE_QUOTES.matcher(sentence));
        // hype wording inside quotation marks is hype being quoted, most often to be questioned
        for (HypeLexicon.Match q : explained.getOrDefault("quote", List.of())) {
            for (String claim : QUOTABLE) {
                List<HypeLexicon.Match> matches = explained.get(claim);
                if (matches == null) {
                    continue;
                }
                List<HypeLexicon.Match> inside = matches.stream()
                        .filter(m -> m.start() >= q.start() && m.end() <= q.end())
                        .toList();
                if (!inside.isEmpty()) {
                    explained
                            .computeIfAbsent("quoted-claim", k -> new ArrayList<>())
                            .addAll(inside);
                    List<HypeLexicon.Match> outside = new ArrayList<>(matches);
                    outside.removeAll(inside);
                    if (outside.isEmpty()) {
                        explained.remove(claim);
                    } else {
                        explained.put(claim, outside);
                    }
                }
            }
        }
        String trimmed = sentence.strip();
        if (trimmed.endsWith("?")) {
            explained.put(
                    "question",
                    List.of(new HypeLexicon.Match("question", "?", trimmed.length() - 1, trimmed.length())));
        }
        if (NUMBER.matcher(sentence).find() && explained.containsKey("evidence")) {
            explained.put("measured-number", explained.get("evidence"));
        }
        Set<String> words = new LinkedHashSet<>();
        PorterStemmer stemmer = new PorterStemmer();
        for (String w : Words.of(sentence, 200)) {
            String stem = Words.normal(w, stemmer);
            if (stem != null) {
                words.add("w=" + stem);
            }
        }
        return new ClaimFeatures(explained, words);
    }

    private static void add(Map<String, List<HypeLexicon.Match>> explained, String feature, Matcher m) {
        while (m.find()) {
            explained
                    .computeIfAbsent(feature, k -> new ArrayList<>())
                    .add(new HypeLexicon.Match(feature, m.group(), m.start(), m.end()));
        }
    }

    /** Every feature as the model takes it. */
    String[] context() {
        List<String> all = new ArrayList<>(words);
        Set<String> present = explained.keySet();
        for (String f : present) {
            all.add("f=" + f);
        }
        // hype wording reported, questioned or mocked reads differently from hype wording said outright
        boolean marked = present.stream().anyMatch(StanceModel.HYPE_MARKERS::contains);
        for (String frame : FRAMES) {
            if (present.contains(frame)) {
                all.add((marked ? "f=marker&" : "f=plain&") + frame);
            }
        }
        return all.toArray(String[]::new);
    }
}
