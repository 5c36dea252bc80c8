package sift.ingest.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Episode durations as podcast feeds write them, in whole seconds. */
final class Durations {
    private static final Pattern CLOCK = Pattern.compile("(?:(\\d{1,3}):)?(\\d{1,4}):(\\d{1,2})(?:[.,]\\d+)?");
    private static final Pattern SECONDS = Pattern.compile("(\\d{1,7})(?:[.,]\\d+)?");
    private static final Pattern UNITS = Pattern.compile(
            "(?i)(?:(\\d+)\\s*h(?:ours?|rs?)?)?\\s*(?:(\\d+)\\s*m(?:in(?:utes?)?)?)?\\s*(?:(\\d+)\\s*s(?:ec(?:onds?)?)?)?");

    private Durations() {}

    /** 3725, "62:05", "1:02:05", "1:02:05.5", "1h 2m 5s", "62 min"; null when it is none of these, or zero. */
    static Integer seconds(String text) {
        Integer seconds = parse(text);
        return seconds == null || seconds == 0 ? null : seconds;
    }

    private static Integer parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return null;
        }
        Matcher m = CLOCK.matcher(t);
        if (m.matches()) {
            int hours = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
            int minutes = Integer.parseInt(m.group(2));
            int seconds = Integer.parseInt(m.group(3));
            return seconds < 60 && (m.group(1) == null || minutes < 60) ? hours * 3600 + minutes * 60 + seconds : null;
        }
        m = SECONDS.matcher(t);
        if (m.matches()) {
            return Integer.parseInt(m.group(1));
        }
        m = UNITS.matcher(t);
        if (m.matches() && (m.group(1) != null || m.group(2) != null || m.group(3) != null)) {
            return value(m.group(1)) * 3600 + value(m.group(2)) * 60 + value(m.group(3));
        }
        return null;
    }

    private static int value(String group) {
        return group == null ? 0 : Integer.parseInt(group);
    }
}
