package sift.nlp.episode;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import sift.nlp.Document;

/**
 * Show and episode number of a podcast post: the number from the feed's episode tag, else from the title
 * ({@code Episode 202}, {@code Ep. 45}, {@code HN812}, {@code #17}, {@code 202: ...}), else from the first
 * lines of the text; the show is the feed's title. Thread-safe.
 */
public final class EpisodeExtractor {
    private static final Pattern[] NUMBERS = {
        Pattern.compile("(?i)\\b(?:episode|ep\\.?|show|folge)\\s*#?\\s*(\\d{1,5})\\b"),
        Pattern.compile("\\b[A-Z]{1,4}[- ]?(\\d{2,5})\\b(?![.,]\\d)(?!\\s*(?:%|GB|MB|Gbps|G\\b|ms|x\\b))"),
        Pattern.compile("(?:^|\\s)#(\\d{1,5})\\b"),
        Pattern.compile("^(\\d{1,5})\\s*[:.|\\u2013\\u2014-]\\s+\\D"),
    };
    private static final int TEXT_CHARS = 300;

    /** An episode: its show (null when the feed has no title), number (null when none is given) and duration. */
    public record Episode(String show, Integer number, Integer durationSeconds) {}

    /** The episode a podcast post is. */
    public Episode extract(Document doc) {
        Integer number = doc.episodeTag();
        if (number == null) {
            number = find(doc.title());
        }
        if (number == null) {
            String text = doc.text();
            number = find(text.substring(0, Math.min(text.length(), TEXT_CHARS)));
        }
        String show = doc.feedTitle() == null || doc.feedTitle().isBlank() ? null : doc.feedTitle().strip();
        return new Episode(show, number, doc.durationSeconds());
    }

    static Integer find(String s) {
        for (Pattern p : NUMBERS) {
            Matcher m = p.matcher(s);
            if (m.find()) {
                return Integer.valueOf(m.group(1));
            }
        }
        return null;
    }
}
