package sift.web.http;

/** An episode's number and length written one way on every page: "S2 E142", "E142"; "52 min", "1 h 5 min". */
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
}
