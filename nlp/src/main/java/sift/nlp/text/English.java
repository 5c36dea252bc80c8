package sift.nlp.text;

import java.util.List;
import java.util.Locale;

/**
 * Whether a text is written in English, which is what the models were trained on: most of its letters are Latin,
 * and, once it has a dozen words, some of them are the small words every English sentence uses. A text in
 * another language gets a kind but no topics, rather than topics guessed from words the models never saw.
 */
public final class English {
    static final int WORDS_TO_JUDGE = 12;
    static final double LEAST_SMALL_WORDS = 0.08;

    private English() {}

    public static boolean is(String title, String text) {
        String sample = title + "\n" + (text.length() > 5_000 ? text.substring(0, 5_000) : text);
        int latin = 0;
        int letters = 0;
        for (int i = 0; i < sample.length(); i++) {
            int c = sample.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN) {
                    latin++;
                }
            }
        }
        if (letters == 0 || latin * 2 < letters) {
            return false;
        }
        List<String> words = Words.of(sample, 400);
        if (words.size() < WORDS_TO_JUDGE) {
            return true;
        }
        long small = words.stream()
                .filter(w -> Words.STOP.contains(w.toLowerCase(Locale.ROOT)))
                .count();
        return small >= LEAST_SMALL_WORDS * words.size();
    }
}
