package sift.ingest.parse;

import com.rometools.rome.io.impl.DateParser;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as feeds write them, to UTC: W3C/ISO 8601 in its full and short forms, RFC 822 with or without the
 * weekday, two-digit years and named zones, asctime, and whatever else Rome's date parser knows. A date that
 * cannot be (the 30th of February, hour 25) is null, never a guess.
 */
final class FeedDates {
    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})(?:-?(\\d{2})(?:-?(\\d{2}))?)?"
                    + "(?:[Tt ]\\s*(\\d{1,2}):?(\\d{2})(?::?(\\d{2})(?:[.,](\\d+))?)?\\s*(Z|z|UTC|GMT|[+-]\\d{2}(?::?\\d{2})?)?)?");
    private static final Pattern RFC822 =
            Pattern.compile("(?:[A-Za-z]{2,}\\.?,?\\s*)?(\\d{1,2})[\\s-]+([A-Za-z]{3,})\\.?[\\s-]+(\\d{2,4})"
                    + "(?:[\\s,]+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?\\s*([A-Za-z]{1,5}|[+-]\\d{2}:?\\d{2})?\\.?");
    private static final Pattern ASCTIME =
            Pattern.compile("[A-Za-z]{3}\\s+([A-Za-z]{3})\\s+(\\d{1,2})\\s+(\\d{1,2}):(\\d{2}):(\\d{2})\\s+(\\d{4})");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1),
            Map.entry("feb", 2),
            Map.entry("mar", 3),
            Map.entry("apr", 4),
            Map.entry("may", 5),
            Map.entry("jun", 6),
            Map.entry("jul", 7),
            Map.entry("aug", 8),
            Map.entry("sep", 9),
            Map.entry("oct", 10),
            Map.entry("nov", 11),
            Map.entry("dec", 12));
    private static final Map<String, Integer> ZONES = Map.ofEntries(
            Map.entry("ut", 0),
            Map.entry("utc", 0),
            Map.entry("gmt", 0),
            Map.entry("z", 0),
            Map.entry("est", -5),
            Map.entry("edt", -4),
            Map.entry("cst", -6),
            Map.entry("cdt", -5),
            Map.entry("mst", -7),
            Map.entry("mdt", -6),
            Map.entry("pst", -8),
            Map.entry("pdt", -7),
            Map.entry("a", -1),
            Map.entry("m", -12),
            Map.entry("n", 1),
            Map.entry("y", 12),
            Map.entry("bst", 1),
            Map.entry("cet", 1),
            Map.entry("cest", 2),
            Map.entry("eet", 2),
            Map.entry("eest", 3));

    private FeedDates() {}

    static Instant parse(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        if (s.isEmpty() || s.length() > 100) {
            return null;
        }
        try {
            Matcher m = ISO.matcher(s);
            if (m.matches()) {
                return iso(m);
            }
            m = RFC822.matcher(s);
            if (m.matches()) {
                return rfc822(m);
            }
            m = ASCTIME.matcher(s);
            if (m.matches()) {
                Integer month = MONTHS.get(m.group(1).toLowerCase(Locale.ROOT));
                return month == null
                        ? null
                        : LocalDateTime.of(
                                        Integer.parseInt(m.group(6)),
                                        month,
                                        Integer.parseInt(m.group(2)),
                                        Integer.parseInt(m.group(3)),
                                        Integer.parseInt(m.group(4)),
                                        Integer.parseInt(m.group(5)))
                                .toInstant(ZoneOffset.UTC);
            }
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
        Date rome = DateParser.parseDate(s, Locale.US);
        return rome == null ? null : rome.toInstant();
    }

    private static Instant iso(Matcher m) {
        int year = Integer.parseInt(m.group(1));
        int month = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
        int day = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
        int hour = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
        int minute = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
        int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
        int nanos = 0;
        if (m.group(7) != null) {
            String f = (m.group(7) + "000000000").substring(0, 9);
            nanos = Integer.parseInt(f);
        }
        LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, nanos);
        return local.toInstant(offset(m.group(8)));
    }

    private static Instant rfc822(Matcher m) {
        Integer month = MONTHS.get(m.group(2).substring(0, 3).toLowerCase(Locale.ROOT));
        if (month == null) {
            return null;
        }
        int year = Integer.parseInt(m.group(3));
        if (m.group(3).length() == 2) {
            year += year < 50 ? 2000 : 1900;
        } else if (m.group(3).length() == 3) {
            return null;
        }
        int hour = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
        int minute = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
        int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
        LocalDateTime local = LocalDateTime.of(year, month, Integer.parseInt(m.group(1)), hour, minute, second);
        return local.toInstant(offset(m.group(7)));
    }

    private static ZoneOffset offset(String zone) {
        if (zone == null) {
            return ZoneOffset.UTC;
        }
        Integer hours = ZONES.get(zone.toLowerCase(Locale.ROOT));
        if (hours != null) {
            return ZoneOffset.ofHours(hours);
        }
        if (zone.startsWith("+") || zone.startsWith("-")) {
            String digits = zone.substring(1).replace(":", "");
            int h = Integer.parseInt(digits.substring(0, 2));
            int min = digits.length() >= 4 ? Integer.parseInt(digits.substring(2, 4)) : 0;
            int sign = zone.startsWith("-") ? -1 : 1;
            return ZoneOffset.ofHoursMinutes(sign * h, sign * min);
        }
        throw new DateTimeException("unknown time zone " + zone);
    }
}
