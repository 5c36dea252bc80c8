package sift.nlp.hype;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import sift.nlp.text.NamedLists;

/**
 * The explainable word features of the AI-claim scorer ({@code /sift/nlp/hype-words.txt}): each a name and its
 * phrases, found in a sentence with their character spans. A phrase is a sequence of words: {@code word}
 * matches that word, {@code stem*} any word starting so, {@code *} any word. Sentences and phrases are split
 * into words the same way (case aside, spaces and hyphens separate words; commas, periods, question marks,
 * {@code %} and {@code =} are words of their own, a comma being skipped unless the phrase asks for one), and
 * a sentence is read once for all phrases: no regular expressions, since this runs on every sentence of a post.
 */
final class HypeWords {
    static final String FILE = "/sift/nlp/hype-words.txt";
    private static final String NOT = "not-";
    private static final String AI = "ai";
    /** How many letters of a word find the phrases that start with a stem ({@code transform*}). */
    private static final int STEM_KEY = 3;
    private static final Index INDEX = load();

    private HypeWords() {}

    /** A phrase of a feature found in a sentence, with its span. */
    record Match(String feature, String phrase, int start, int end) {}

    /**
     * The phrases of every feature in the sentence, each feature's leftmost-longest and not overlapping each
     * other. A list named {@code not-NAME} holds exceptions: a phrase of {@code NAME} that overlaps one of them is
     * not found ("every year" is a time, not an unbounded scope).
     */
    static List<Match> find(String sentence) {
        List<Match> all = INDEX.find(sentence);
        List<Match> found = new ArrayList<>();
        List<Match> exceptions = new ArrayList<>();
        for (Match m : all) {
            (m.feature().startsWith(NOT) ? exceptions : found).add(m);
        }
        found.removeIf(m -> exceptions.stream().anyMatch(e -> e.feature().equals(NOT + m.feature())
                && e.start() < m.end() && m.start() < e.end()));
        return found;
    }

    /** Whether the phrases found in a sentence name AI. */
    static boolean mentionsAi(List<Match> found) {
        return found.stream().anyMatch(m -> m.feature().equals(AI));
    }

    private static Index load() {
        Index index = new Index();
        NamedLists.read(FILE).forEach((name, phrases) -> {
            for (String phrase : phrases.split("\\|")) {
                List<String> words = words(phrase);
                if (!words.isEmpty()) {
                    index.add(name, words);
                }
            }
        });
        if (!index.features.contains(AI)) {
            throw new IllegalStateException(FILE + " has no list named '" + AI + "'");
        }
        return index;
    }

    /** A phrase as words the way sentences are split, with {@code *} kept where it stands. */
    private static List<String> words(String phrase) {
        List<String> words = new ArrayList<>();
        for (String piece : phrase.strip().split("[\\s-]+")) {
            if (piece.equals("*")) {
                words.add("*");
                continue;
            }
            boolean open = piece.endsWith("*");
            List<Token> tokens = Token.split(open ? piece.substring(0, piece.length() - 1) : piece);
            for (int i = 0; i < tokens.size(); i++) {
                words.add(tokens.get(i).text() + (open && i == tokens.size() - 1 ? "*" : ""));
            }
        }
        return words;
    }

    /** A word of a sentence, lower case, with its span. */
    private record Token(String text, int start, int end) {
        static List<Token> split(String s) {
            List<Token> tokens = new ArrayList<>();
            int i = 0;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (Character.isLetterOrDigit(c)) {
                    int start = i;
                    StringBuilder word = new StringBuilder();
                    while (i < s.length()) {
                        char d = s.charAt(i);
                        if ((d == '\'' || d == '\u2019') && possessive(s, i + 1)) {
                            i += 2; // "the AI's answer" speaks of AI: the word is "ai", its span takes the 's
                            break;
                        }
                        boolean inner = (d == '\'' || d == '\u2019' || d == '.') && i + 1 < s.length()
                                && Character.isLetterOrDigit(s.charAt(i + 1)) && i > start;
                        if (!Character.isLetterOrDigit(d) && !inner) {
                            break;
                        }
                        word.append(d == '\u2019' ? '\'' : Character.toLowerCase(d));
                        i++;
                    }
                    tokens.add(new Token(word.toString(), start, i));
                } else {
                    if (c == ',' || c == '.' || c == '?' || c == '%' || c == '=') {
                        tokens.add(new Token(String.valueOf(c), i, i + 1));
                    }
                    i++;
                }
            }
            return tokens;
        }

        private static boolean possessive(String s, int at) {
            return at < s.length() && (s.charAt(at) == 's' || s.charAt(at) == 'S')
                    && (at + 1 == s.length() || !Character.isLetterOrDigit(s.charAt(at + 1)));
        }
    }

    /** A phrase of a feature (by its number), as words. */
    private record Phrase(int feature, List<String> words) {}

    /**
     * Every phrase of every feature, found by its first word: a word, the first letters of a stem, or (for
     * short stems and {@code *}) on every word.
     */
    private static final class Index {
        final List<String> features = new ArrayList<>();
        final Map<String, List<Phrase>> byWord = new HashMap<>();
        final Map<String, List<Phrase>> byStemKey = new HashMap<>();
        final List<Phrase> everyWord = new ArrayList<>();

        void add(String feature, List<String> words) {
            if (!features.contains(feature)) {
                features.add(feature);
            }
            Phrase phrase = new Phrase(features.indexOf(feature), words);
            String first = words.get(0);
            if (!first.endsWith("*")) {
                byWord.computeIfAbsent(first, k -> new ArrayList<>()).add(phrase);
            } else if (first.length() - 1 >= STEM_KEY) {
                byStemKey.computeIfAbsent(first.substring(0, STEM_KEY), k -> new ArrayList<>()).add(phrase);
            } else {
                everyWord.add(phrase);
            }
        }

        List<Match> find(String sentence) {
            List<Token> tokens = Token.split(sentence);
            List<Match> found = new ArrayList<>();
            int[] free = new int[features.size()]; // the first token each feature may match again from
            int[] end = new int[features.size()];
            for (int i = 0; i < tokens.size(); i++) {
                String word = tokens.get(i).text();
                Arrays.fill(end, i);
                longest(tokens, i, byWord.getOrDefault(word, List.of()), free, end);
                if (word.length() >= STEM_KEY) {
                    longest(tokens, i, byStemKey.getOrDefault(word.substring(0, STEM_KEY), List.of()), free, end);
                }
                longest(tokens, i, everyWord, free, end);
                for (int f = 0; f < end.length; f++) {
                    if (end[f] > i) {
                        int from = tokens.get(i).start();
                        int to = tokens.get(end[f] - 1).end();
                        found.add(new Match(features.get(f), sentence.substring(from, to), from, to));
                        free[f] = end[f];
                    }
                }
            }
            return found;
        }

        /** Records, for each feature free at {@code at}, the token after its longest phrase matching there. */
        private static void longest(List<Token> tokens, int at, List<Phrase> phrases, int[] free, int[] end) {
            for (Phrase p : phrases) {
                if (free[p.feature()] <= at) {
                    end[p.feature()] = Math.max(end[p.feature()], match(tokens, at, p.words()));
                }
            }
        }

        private static int match(List<Token> tokens, int at, List<String> phrase) {
            int t = at;
            for (int w = 0; w < phrase.size(); w++) {
                String word = phrase.get(w);
                while (w > 0 && t < tokens.size() && tokens.get(t).text().equals(",") && !word.equals(",")) {
                    t++; // "no data, no tuning" is "no * no *"
                }
                if (t >= tokens.size() || !matches(word, tokens.get(t).text())) {
                    return at;
                }
                t++;
            }
            return t;
        }

        private static boolean matches(String word, String token) {
            if (word.equals("*")) {
                return Character.isLetter(token.charAt(0));
            }
            if (word.endsWith("*")) {
                return Character.isLetterOrDigit(token.charAt(0)) && token.startsWith(word.substring(0, word.length() - 1));
            }
            return word.equals(token);
        }
    }
}
