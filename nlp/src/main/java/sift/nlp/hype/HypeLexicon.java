package sift.nlp.hype;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The explainable word features of the AI-claim scorer: each a named list of phrases, found in a sentence with
 * their character spans, and a weight. The bundled lexicon is {@value #FILE}; an admin may edit it ({@link #parse},
 * which refuses a lexicon that is empty, oversized or malformed, naming the line).
 *
 * <p>One list a line, {@code name: phrase | phrase}, or {@code name weight=1.5: ...}; blank lines and lines starting
 * with {@code #} are skipped. The list {@code ai} is the AI-term list: a sentence speaks of AI when it holds one of
 * them. A list {@code not-NAME} holds exceptions to {@code NAME}. A weight (0 to {@value #MAX_WEIGHT}, 1 when not
 * given) scales how strongly the feature speaks in the stance model when a sentence is judged: 0 switches it off,
 * 2 doubles its say; training always sees 1, so the model learns what the words mean and the weight is the
 * admin's emphasis on top.
 *
 * <p>A phrase is a sequence of words: {@code word} matches that word, {@code stem*} any word starting so, {@code *}
 * any word. Sentences and phrases are split into words the same way (case aside, spaces and hyphens separate
 * words; commas, periods, question marks, {@code %} and {@code =} are words of their own, a comma being skipped
 * unless the phrase asks for one), and a sentence is read once for all phrases: no regular expressions, since this
 * runs on every sentence of a post. Immutable and thread-safe.
 */
public final class HypeLexicon {
    public static final String FILE = "/sift/nlp/hype-words.txt";
    /** The AI-term list. */
    public static final String AI = "ai";
    /** The largest lexicon taken, in characters: the bundled one is about 11,000. */
    public static final int MAX_CHARS = 65_536;
    /** The most phrases taken in all lists: the bundled lexicon has about 700. */
    public static final int MAX_PHRASES = 4_000;
    /** The most words in one phrase. */
    public static final int MAX_PHRASE_WORDS = 8;

    public static final double MAX_WEIGHT = 5;
    private static final String NOT = "not-";
    private static final Pattern HEAD = Pattern.compile("([a-z][a-z0-9-]*)(?:\\s+weight=([0-9]+(?:\\.[0-9]+)?))?");
    /** How many letters of a word find the phrases that start with a stem ({@code transform*}). */
    private static final int STEM_KEY = 3;

    private static final HypeLexicon BUNDLED = parse(bundledText(), FILE, Set.of(AI));

    private final String text;
    private final Index index = new Index();
    private final Map<String, Double> weights = new LinkedHashMap<>();
    private final Map<String, Integer> phrases = new LinkedHashMap<>();
    /** Whether any weight is not 1 (set once, as the lexicon is read). */
    private boolean weighted;

    private HypeLexicon(String text) {
        this.text = text;
    }

    /** A phrase of a feature found in a sentence, with its span. */
    record Match(String feature, String phrase, int start, int end) {}

    /** The lexicon Sift is built with. */
    public static HypeLexicon bundled() {
        return BUNDLED;
    }

    /**
     * A lexicon from its text, {@code source} naming it in errors. Refused (an {@link IllegalArgumentException} whose
     * message names the source and, for a bad line, its number): an empty text or one with no list; more than
     * {@value #MAX_CHARS} characters, {@value #MAX_PHRASES} phrases or a phrase of more than {@value
     * #MAX_PHRASE_WORDS} words; a line that is not a list; a list twice, an empty list, a weight out of range, an
     * exception list without its list; and a lexicon without one of the bundled lists, whose features the stance
     * model was trained on (weight 0 switches one off).
     */
    public static HypeLexicon parse(String text, String source) {
        return parse(text, source, BUNDLED.weights.keySet());
    }

    private static HypeLexicon parse(String text, String source, Set<String> required) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(
                    source + " is empty: a lexicon needs at least the AI-term list '" + AI + "'");
        }
        if (text.length() > MAX_CHARS) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "%s is %,d characters long; a lexicon is at most %,d",
                    source,
                    text.length(),
                    MAX_CHARS));
        }
        HypeLexicon lexicon = new HypeLexicon(text);
        int total = 0;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String at = source + ":" + (i + 1) + ": ";
            int colon = line.indexOf(':');
            Matcher head =
                    HEAD.matcher(colon < 0 ? "" : line.substring(0, colon).strip());
            if (!head.matches()) {
                throw new IllegalArgumentException(at + "expected 'name: phrase | phrase' or 'name weight=1.5: phrase"
                        + " | phrase' (a name of lower-case letters, digits and hyphens), not '" + abbreviate(line)
                        + "'");
            }
            String name = head.group(1);
            double weight = head.group(2) == null ? 1 : Double.parseDouble(head.group(2));
            if (lexicon.weights.containsKey(name)) {
                throw new IllegalArgumentException(at + "the list '" + name + "' is there twice");
            }
            if (weight > MAX_WEIGHT) {
                throw new IllegalArgumentException(at + "the weight of '" + name + "' is " + head.group(2)
                        + "; a weight is from 0 to " + (int) MAX_WEIGHT);
            }
            int count = 0;
            for (String phrase : line.substring(colon + 1).split("\\|")) {
                List<String> words = words(phrase);
                if (words.size() > MAX_PHRASE_WORDS) {
                    throw new IllegalArgumentException(at + "the phrase '" + abbreviate(phrase.strip()) + "' has "
                            + words.size() + " words; a phrase is at most " + MAX_PHRASE_WORDS);
                }
                if (!words.isEmpty()) {
                    lexicon.index.add(name, words);
                    count++;
                }
            }
            if (count == 0) {
                throw new IllegalArgumentException(at + "the list '" + name + "' has no phrase");
            }
            total += count;
            if (total > MAX_PHRASES) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT,
                        "%s has more than %,d phrases; a lexicon is at most %,d",
                        source,
                        MAX_PHRASES,
                        MAX_PHRASES));
            }
            lexicon.weights.put(name, weight);
            lexicon.phrases.put(name, count);
        }
        if (lexicon.weights.isEmpty()) {
            throw new IllegalArgumentException(
                    source + " has no list: a lexicon needs at least the AI-term list '" + AI + "'");
        }
        lexicon.weighted = lexicon.weights.values().stream().anyMatch(w -> w != 1);
        for (String name : lexicon.weights.keySet()) {
            if (name.startsWith(NOT) && !lexicon.weights.containsKey(name.substring(NOT.length()))) {
                throw new IllegalArgumentException(source + ": the exceptions '" + name + "' are to a list '"
                        + name.substring(NOT.length()) + "' it does not have");
            }
        }
        for (String name : required) {
            if (!lexicon.weights.containsKey(name)) {
                throw new IllegalArgumentException(source + " has no list '" + name + "'"
                        + (name.equals(AI)
                                ? ", the AI-term list"
                                : ", which the stance model was trained on (to switch"
                                        + " it off, keep it with weight=0)"));
            }
        }
        return lexicon;
    }

    /** The text the lexicon was read from, as it was given. */
    public String text() {
        return text;
    }

    /** Each list's name and how many phrases it has, in the order of the text. */
    public Map<String, Integer> lists() {
        return Collections.unmodifiableMap(phrases);
    }

    /** The weight of a list (1 for a feature that is not one of the lists). */
    public double weight(String name) {
        return weights.getOrDefault(name, 1.0);
    }

    /**
     * The value of each of the model's features ({@code f=NAME} takes the list's weight, every other 1), or null
     * when every weight is 1.
     */
    float[] values(String[] context) {
        if (!weighted) {
            return null;
        }
        float[] values = new float[context.length];
        for (int i = 0; i < context.length; i++) {
            values[i] = context[i].startsWith("f=") ? (float) weight(context[i].substring(2)) : 1f;
        }
        return values;
    }

    /**
     * The phrases of every feature in the sentence, each feature's leftmost-longest and not overlapping each
     * other. A list named {@code not-NAME} holds exceptions: a phrase of {@code NAME} that overlaps one of them is
     * not found ("every year" is a time, not an unbounded scope).
     */
    List<Match> find(String sentence) {
        List<Match> all = index.find(sentence);
        List<Match> found = new ArrayList<>();
        List<Match> exceptions = new ArrayList<>();
        for (Match m : all) {
            (m.feature().startsWith(NOT) ? exceptions : found).add(m);
        }
        found.removeIf(m -> exceptions.stream()
                .anyMatch(e -> e.feature().equals(NOT + m.feature()) && e.start() < m.end() && m.start() < e.end()));
        return found;
    }

    /** Whether the phrases found in a sentence name AI. */
    static boolean mentionsAi(List<Match> found) {
        return found.stream().anyMatch(m -> m.feature().equals(AI));
    }

    /** Whether a sentence speaks of AI by one of the AI terms. */
    public boolean aboutAi(String sentence) {
        return mentionsAi(find(sentence));
    }

    private static String bundledText() {
        try (InputStream in = HypeLexicon.class.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILE, e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
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
                        boolean inner = (d == '\'' || d == '\u2019' || d == '.')
                                && i + 1 < s.length()
                                && Character.isLetterOrDigit(s.charAt(i + 1))
                                && i > start;
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
            return at < s.length()
                    && (s.charAt(at) == 's' || s.charAt(at) == 'S')
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
                byStemKey
                        .computeIfAbsent(first.substring(0, STEM_KEY), k -> new ArrayList<>())
                        .add(phrase);
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
                return Character.isLetterOrDigit(token.charAt(0))
                        && token.startsWith(word.substring(0, word.length() - 1));
            }
            return word.equals(token);
        }
    }
}
