package sift.nlp.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import opennlp.tools.stemmer.PorterStemmer;

/**
 * Words of a text, fast: letters and digits, keeping the joiners that make names and versions in this field
 * ({@code IS-IS}, {@code 802.1Q}, {@code RoCEv2}, {@code 10.2.1}). {@link #normal} folds a word to its stem,
 * so that {@code routes}, {@code routing} and {@code routed} count as one feature.
 */
public final class Words {
    /** Words that say nothing of a topic. */
    static final Set<String> STOP = Set.of(
            "a", "about", "after", "again", "all", "also", "an", "and", "any", "are", "as", "at", "be", "because",
            "been", "before", "being", "but", "by", "can", "could", "did", "do", "does", "doing", "for", "from", "had",
            "has", "have", "having", "he", "her", "here", "him", "his", "how", "i", "if", "in", "into", "is", "it",
            "its", "just", "me", "more", "most", "my", "no", "nor", "not", "now", "of", "off", "on", "once", "one",
            "only", "or", "other", "our", "out", "over", "own", "same", "she", "should", "so", "some", "such", "than",
            "that", "the", "their", "them", "then", "there", "these", "they", "this", "those", "through", "to", "too",
            "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who",
            "whom", "why", "will", "with", "would", "you", "your", "yours", "s", "t", "don", "it's", "we're", "you're",
            "i'm", "that's", "there's", "isn't", "don't", "doesn't", "didn't", "can't", "won't", "let", "us", "get",
            "got", "make", "made", "much", "many", "well", "way", "still", "even", "thing", "things", "lot", "really",
            "every", "each", "two", "three", "first", "new", "like");

    private Words() {}

    /** The words of {@code text} as written, at most {@code max} of them. */
    public static List<String> of(String text, int max) {
        List<String> words = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n && words.size() < max) {
            char c = text.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                i++;
                continue;
            }
            int start = i;
            while (i < n) {
                char d = text.charAt(i);
                if (Character.isLetterOrDigit(d)) {
                    i++;
                } else if ((d == '-' || d == '.' || d == '\'' || d == '/')
                        && i + 1 < n
                        && Character.isLetterOrDigit(text.charAt(i + 1))
                        && (d != '/' || Character.isDigit(text.charAt(i + 1)))) {
                    i++;
                } else {
                    break;
                }
            }
            words.add(text.substring(start, i));
        }
        return words;
    }

    /** Stems already computed: the field's vocabulary is small, and stemming is most of the cost of a word. */
    private static final Map<String, String> STEMS = new ConcurrentHashMap<>();

    private static final int MAX_STEMS = 200_000;

    /** A word as a feature: lower case, stemmed when it is a plain word; null for a stop word. */
    public static String normal(String word, PorterStemmer stemmer) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (STOP.contains(lower)) {
            return null;
        }
        if (lower.length() <= 3 || !isLetters(lower)) {
            return lower;
        }
        String stem = STEMS.get(lower);
        if (stem == null) {
            stem = stemmer.stem(lower);
            if (STEMS.size() < MAX_STEMS) {
                STEMS.put(lower, stem);
            }
        }
        return stem;
    }

    /** Product and protocol names: words written with capitals or digits inside ({@code EVPN}, {@code FRRouting}, {@code RoCEv2}). */
    public static boolean looksLikeName(String word) {
        int upper = 0;
        boolean digit = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isUpperCase(c)) {
                upper++;
            } else if (Character.isDigit(c)) {
                digit = true;
            }
        }
        return word.length() >= 2
                && (upper >= 2 || (upper >= 1 && digit) || (upper == 1 && !Character.isUpperCase(word.charAt(0))));
    }

    private static boolean isLetters(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isLetter(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
