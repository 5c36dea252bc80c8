package sift.web.classifier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import sift.web.http.BadInput;

/**
 * The hype lexicon as the admin page edits it: the AI-term list one term a line, and the other lists as the
 * lexicon's own text. Put together, the AI-term list is the last line, so that a problem found in the other lists
 * is named by the line the admin sees.
 */
public record LexiconForm(String aiTerms, String lists) {
    private static final Pattern AI_LINE = Pattern.compile("\\s*ai(\\s+weight=\\S*)?\\s*:.*");

    /** A lexicon's text as the page shows it. */
    static LexiconForm of(String text) {
        List<String> terms = new ArrayList<>();
        List<String> lists = new ArrayList<>();
        for (String line : text.split("\r?\n", -1)) {
            if (AI_LINE.matcher(line).matches()) {
                Arrays.stream(line.substring(line.indexOf(':') + 1).split("\\|"))
                        .map(String::strip)
                        .filter(t -> !t.isEmpty())
                        .forEach(terms::add);
            } else {
                lists.add(line);
            }
        }
        return new LexiconForm(
                String.join("\n", terms), String.join("\n", lists).strip());
    }

    /**
     * The lexicon's text.
     *
     * @throws BadInput when the AI-term list is empty or a term holds a character that separates
     *     terms or lists
     */
    String text() {
        List<String> terms = new ArrayList<>();
        for (String term : (aiTerms == null ? "" : aiTerms).split("\r?\n")) {
            String t = term.strip();
            if (t.contains("|") || t.contains(":")) {
                throw new BadInput("The AI term '" + t + "' holds '|' or ':'; write one term a line.");
            }
            if (!t.isEmpty()) {
                terms.add(t);
            }
        }
        String[] lines = (lists == null ? "" : lists).split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            if (AI_LINE.matcher(lines[i]).matches()) {
                throw new BadInput("the lexicon:" + (i + 1) + ": the AI terms go in their own list, one a"
                        + " line, not in the lexicon.");
            }
        }
        if (terms.isEmpty()) {
            throw new BadInput("The AI-term list is empty: no sentence could be about AI.");
        }
        return (lists == null ? "" : lists.stripTrailing()) + "\nai: " + String.join(" | ", terms) + "\n";
    }
}
