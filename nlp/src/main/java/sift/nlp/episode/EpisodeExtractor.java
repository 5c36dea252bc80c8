package sift.nlp.episode;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import sift.nlp.text.Document;

/**
 * Show and episode number of a podcast post, and whether a post without podcast metadata is one. The number
 * comes from the feed's episode tag, else the title ({@code Episode 202}, {@code Ep. 45}, {@code S3E4},
 * {@code HN812}, {@code #17}, {@code 202: ...}), else the first lines of the text ({@code listen to Episode
 * 202 of Software Gone Wild}, in its first or last lines); the show from the text ({@code ... of Software Gone Wild}), else the feed's
 * title, else its author. Thread-safe.
 */
public final class EpisodeExtractor {
    private static final String SHOW =
            "((?:[A-Z][\\w'&.-]*|of|the|and|on|in|&)(?:\\s+(?:[A-Z][\\w'&.-]*|of|the|and|on|in|&)){0,5})";
    /** "Episode 202 of Software Gone Wild": the number and the show in the text. */
    private static final Pattern OF_SHOW =
            Pattern.compile("(?i:\\b(?:episode|ep\\.?)\\s*#?\\s*)(\\d{1,5})\\s+(?i:of|from)\\s+(?:the\\s+)?" + SHOW);
    /** Season and episode: {@code S3E4}, {@code S03E04}, {@code S3 E4}. */
    private static final Pattern SEASON = Pattern.compile("(?i)\\bS(\\d{1,2})\\s?E(\\d{1,4})\\b");

    private static final Pattern[] NUMBERS = {
        Pattern.compile("(?i)\\b(?:episode|ep\\.?|show|folge)\\s*#?\\s*(\\d{1,5})\\b"),
        Pattern.compile("^(?:\\p{Lu}[\\w'&.]*\\s+){2,4}(\\d{1,3})\\s*:\\s"),
        Pattern.compile("\\b[A-Z]{1,4}[- ]?(\\d{2,5})\\b(?![.,]\\d)(?!\\s*(?:%|GB|MB|Gbps|G\\b|ms|x\\b))"),
        Pattern.compile("(?:^|\\s)#(\\d{1,5})\\b"),
        Pattern.compile("^(\\d{1,5})\\s*[:.|\\u2013\\u2014-]\\s+\\D"),
    };
    /** A title that names an episode: {@code Episode 12: ...}, {@code Ep. 4 -}, {@code PP060:}, {@code Show 41:}, {@code #42 ...}, {@code S3E4}. */
    private static final Pattern EPISODE_TITLE = Pattern.compile("(?i)\\b(?:episode|ep\\.?)\\s*#?\\s*\\d{1,5}\\b"
            + "|^show\\s*#?\\d{1,5}\\s*[:|\\u2013\\u2014-]|^(?-i:(?:\\p{Lu}[\\w'&.]*\\s+){2,4})\\d{1,3}\\s*:\\s"
            + "|^(?-i:[A-Z]{1,5})-?\\d{2,5}\\s*[:|\\u2013\\u2014-]\\s|^#\\d{1,5}\\b|\\bS\\d{1,2}\\s?E\\d{1,4}\\b");
    /** What show notes say and other posts do not: a guest joining the hosts, an episode to listen to. */
    private static final Pattern SHOW_NOTES = Pattern.compile("(?i)\\b(?:(?:listen|tune in) to (?:the |our |this )?"
            + "(?:latest |new |full )?(?:episode|show|podcast)|(?:in|on) (?:this|today'?s|the latest|our latest|"
            + "this week'?s) (?:episode|show|podcast)|episode \\d{1,5} of|(?:we'?re|we are|I'?m|I am) joined by|"
            + "(?:my|our) guests? (?:today |this week )?(?:is|are)|(?:new|latest) (?:ep|episode)\\b|joins? (?:\\p{Lu}[\\w'.-]*,?\\s+(?:and\\s+)?){1,6}"
            + "(?:to|for) (?:discuss|talk|chat|explore|dig|look)|(?:this|today'?s) episode)\\b");

    private static final int TEXT_CHARS = 600;

    /** An episode: its show (null when unknown), number (null when none is given) and duration. */
    public record Episode(String show, Integer number, Integer durationSeconds) {}

    /** The episode a podcast post is. */
    public Episode extract(Document doc) {
        String lead = doc.lead(TEXT_CHARS);
        Matcher ofShow = OF_SHOW.matcher(doc.headline() + "\n" + ends(doc.text()));
        String show = ofShow.find() ? ofShow.group(2).strip().replaceAll("[.,;:!?]+$", "") : null;
        Integer number = doc.episodeTag();
        if (number == null) {
            number = find(doc.headline());
        }
        if (number == null) {
            number = show != null ? Integer.valueOf(ofShow.group(1)) : find(lead);
        }
        if (show == null) {
            show = firstNonBlank(doc.feedTitle(), doc.author());
        }
        return new Episode(show, number, doc.durationSeconds());
    }

    /**
     * Whether the words alone say the post is an episode: its title names one ({@code Episode 12},
     * {@code PP060:}, {@code S3E4}) or its first lines read as show notes ({@code listen to Episode 202 of ...},
     * {@code Lucy Rose joins Eyvonne, Tom, and Russ to discuss ...}, {@code in this episode}).
     */
    public boolean announcesEpisode(Document doc) {
        return EPISODE_TITLE.matcher(doc.headline()).find()
                || SHOW_NOTES.matcher(doc.headline()).find()
                || SHOW_NOTES.matcher(ends(doc.text())).find();
    }

    static Integer find(String s) {
        Matcher season = SEASON.matcher(s);
        if (season.find()) {
            return Integer.valueOf(season.group(2));
        }
        for (Pattern p : NUMBERS) {
            Matcher m = p.matcher(s);
            if (m.find()) {
                return Integer.valueOf(m.group(1));
            }
        }
        return null;
    }

    /** The first and last lines of a text, where show notes say what they are ("listen to ..." ends them). */
    private static String ends(String text) {
        return text.length() <= 2 * TEXT_CHARS
                ? text
                : text.substring(0, TEXT_CHARS) + "\n" + text.substring(text.length() - TEXT_CHARS);
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}
