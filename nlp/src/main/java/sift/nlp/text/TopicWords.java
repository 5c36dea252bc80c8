package sift.nlp.text;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import opennlp.tools.stemmer.PorterStemmer;

/**
 * The vocabulary of each topic ({@code /sift/nlp/topic-words.txt}), stemmed as {@link Words#normal} stems
 * text, so that a word matches in any of its forms; a hyphenated entry ({@code zero-trust}) also matches the two
 * words in a row.
 */
final class TopicWords {
    static final String FILE = "/sift/nlp/topic-words.txt";
    private static final Map<String, Set<String>> TOPICS_OF = load();

    private TopicWords() {}

    /** Records in {@code used} (topic to the entries it matched) what {@code stem}, or the pair it ends, matches. */
    static void match(String stem, String previous, Map<String, Set<String>> used) {
        record(stem, used);
        if (previous != null) {
            record(previous + '-' + stem, used);
        }
    }

    private static void record(String key, Map<String, Set<String>> used) {
        Set<String> topics = TOPICS_OF.get(key);
        if (topics != null) {
            for (String topic : topics) {
                used.computeIfAbsent(topic, t -> new HashSet<>()).add(key);
            }
        }
    }

    private static Map<String, Set<String>> load() {
        Map<String, Set<String>> topicsOf = new HashMap<>();
        PorterStemmer stemmer = new PorterStemmer();
        NamedLists.read(FILE).forEach((topic, words) -> {
            for (String entry : words.split("\\s+")) {
                topicsOf.computeIfAbsent(key(entry, stemmer), k -> new HashSet<>())
                        .add(topic);
            }
        });
        return Map.copyOf(topicsOf);
    }

    /** An entry as text matches it: each part of a hyphenated entry normalised like a word of text. */
    private static String key(String entry, PorterStemmer stemmer) {
        String lower = entry.toLowerCase(Locale.ROOT);
        if (!lower.contains("-")) {
            String normal = Words.normal(lower, stemmer);
            return normal == null ? lower : normal;
        }
        StringBuilder key = new StringBuilder();
        for (String part : lower.split("-")) {
            String normal = Words.normal(part, stemmer);
            key.append(key.length() == 0 ? "" : "-").append(normal == null ? part : normal);
        }
        return key.toString();
    }
}
