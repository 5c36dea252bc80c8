package sift.nlp.hype;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import sift.nlp.text.NamedLists;

/**
 * The explainable word features of the AI-claim scorer ({@code /sift/nlp/hype-words.txt}): each a name and its
 * phrases, found in a sentence with their character spans.
 */
final class HypeWords {
    static final String FILE = "/sift/nlp/hype-words.txt";
    private static final Map<String, Pattern> FEATURES = load();

    private HypeWords() {}

    /** A phrase of a feature found in a sentence, with its span. */
    record Match(String feature, String phrase, int start, int end) {}

    static List<Match> find(String sentence) {
        List<Match> found = new ArrayList<>();
        for (Map.Entry<String, Pattern> f : FEATURES.entrySet()) {
            Matcher m = f.getValue().matcher(sentence);
            while (m.find()) {
                found.add(new Match(f.getKey(), m.group(), m.start(), m.end()));
            }
        }
        return found;
    }

    static boolean mentionsAi(String sentence) {
        return FEATURES.get("ai").matcher(sentence).find();
    }

    private static Map<String, Pattern> load() {
        Map<String, Pattern> features = new LinkedHashMap<>();
        NamedLists.read(FILE).forEach((feature, phrases) -> {
            List<String> alternatives = new ArrayList<>();
            for (String phrase : phrases.split("\\|")) {
                String p = phrase.strip().toLowerCase(Locale.ROOT);
                if (!p.isEmpty()) {
                    alternatives.add(regex(p));
                }
            }
            features.put(feature, Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + String.join("|", alternatives)
                    + ")(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        });
        return features;
    }

    /** A phrase as a regular expression: words separated by spaces or hyphens, {@code *} for any word ending. */
    private static String regex(String phrase) {
        StringBuilder out = new StringBuilder();
        for (String word : phrase.split("\\s+")) {
            if (out.length() > 0) {
                out.append("[\\s-]+");
            }
            boolean open = word.endsWith("*");
            out.append(Pattern.quote(open ? word.substring(0, word.length() - 1) : word));
            if (open) {
                out.append("[\\p{L}-]*");
            }
        }
        return out.toString();
    }
}
