package sift.web.http;

/**
 * An episode's number, length and times written one way on every page: "S2 E142", "E142"; "52 min", "1 h 5 min";
 * "12:34"; "said at 12:34 by Ana".
 */
public final class EpisodeLabels {
    private EpisodeLabels() {}

    /** The number as listeners say it, with its season when the feed gives one; empty without a number. */
    public static String number(Integer season, Integer number) {
        if (number == null) {
            return "";
        }
        return (season == null ? "" : "S" + season + " ") + "E" + number;
    }

    /** The length to the minute; empty when the feed gave none. */
    public static String duration(Integer seconds) {
        if (seconds == null) {
            return "";
        }
        int minutes = Math.round(seconds / 60f);
        return minutes < 60 ? minutes + " min" : minutes / 60 + " h " + minutes % 60 + " min";
    }

    /** Seconds as a player shows them: 4:05 or 1:02:03. */
    public static String clock(int seconds) {
        int h = seconds / 3600;
        int m = seconds / 60 % 60;
        int s = seconds % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%d:%02d", m, s);
    }

    /** Words said in an episode, when (null: the transcript has no times) and by whom (null: not named). */
    public static String said(Integer seconds, String speaker) {
        return "said" + (seconds == null ? "" : " at " + clock(seconds))
                + (speaker == null || speaker.isBlank() ? "" : " by " + speaker);
    }
}
