package sift.ingest.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Reads a podcast transcript (the formats Podcasting 2.0's {@code podcast:transcript} links) into cues: WebVTT
 * (cue settings, {@code <v Speaker>} voice tags, cues of several lines), SRT ({@code Speaker:} at a cue's start), the
 * namespace's JSON (segments, word by word or longer, joined into sentences), HTML ({@code <cite>} speaker,
 * {@code <time>} start, {@code <p>} what was said) and plain text (a paragraph a cue, no times). The format is told by
 * the text itself, else by the type the feed gave. A transcript is bounded: at most {@link #MAX_CUES} cues and
 * {@link #MAX_CHARS} characters of text; what is left out is said in the result's remark. Thread-safe.
 */
public final class TranscriptParser {
    /** The most cues kept of a transcript (an hour of WebVTT captions is about 1,000). */
    public static final int MAX_CUES = 20_000;
    /** The most characters of text kept of a transcript (an hour of talk is about 60,000). */
    public static final int MAX_CHARS = 1_000_000;
    /** The most characters of one cue; a cue as long as a whole transcript is cut here. */
    static final int CUE_CHARS = 2_000;
    /** A cue of the JSON format's segments is closed at a sentence's end, or at this length. */
    private static final int JSON_CUE_CHARS = 300;
    /** A start past this is not a time in an episode (100 hours). */
    private static final long LATEST_MILLIS = 100L * 3600 * 1000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LINES = Pattern.compile("\r\n|\r|\n");
    /** A blank line: two line ends, a CRLF never read as a CR and an LF. */
    private static final Pattern BLANK_LINES = Pattern.compile("(?:\r\n?+|\n)[ \t]*(?:\r\n?+|\n)");
    /** {@code [h:]mm:ss.mmm} (WebVTT) or {@code hh:mm:ss,mmm} (SRT). */
    private static final String CLOCK = "(?:(\\d{1,3}):)?(\\d{1,2}):(\\d{1,2})[.,](\\d{1,3})";

    private static final Pattern TIMING = Pattern.compile("^\\s*" + CLOCK + "\\s*-->\\s*" + CLOCK + "(?:\\s.*)?$");
    /** A time as HTML transcripts write it: {@code 0:53}, {@code 1:02:03}, {@code 00:00:12.5}. */
    private static final Pattern HTML_TIME =
            Pattern.compile("^\\s*(?:(\\d{1,3}):)?(\\d{1,2}):(\\d{2})(?:[.,](\\d{1,3}))?\\s*$");

    private static final Pattern VOICE = Pattern.compile("<v(?:\\.[^\\s>]*)?\\s+([^>]*)>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern UNPRINTABLE = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]|\\p{Cs}|[\\uFFFE\\uFFFF]");
    /** {@code Travis: When you first...}: one to three capitalised words and a colon open a cue of SRT or text. */
    private static final Pattern SPEAKER =
            Pattern.compile("^(\\p{Lu}[\\p{L}'.-]*(?: \\p{Lu}[\\p{L}'.-]*){0,2}) ?: +(\\S.*)$", Pattern.DOTALL);

    private TranscriptParser() {}

    /** The transcript in {@code body}; {@code type} is the media type its feed gave (may be null). */
    public static ParsedTranscript parse(byte[] body, String type) throws IOException {
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String head = text.stripLeading();
        String start = head.substring(0, Math.min(head.length(), 200)).toLowerCase(Locale.ROOT);
        String declared = type == null ? "" : type.toLowerCase(Locale.ROOT);
        Cues cues = new Cues();
        if (start.startsWith("webvtt")) {
            webVtt(text, cues);
        } else if (start.startsWith("{")) {
            json(text, cues);
        } else if (start.startsWith("<!doctype html") || start.startsWith("<html")) {
            if (!declared.contains("html")) {
                throw new IOException("an HTML page, not a transcript" + declaredAs(declared));
            }
            html(text, cues);
        } else if (start.startsWith("<")) {
            html(text, cues);
        } else if (srtLike(head)) {
            srt(text, cues);
        } else if (declared.contains("vtt")
                || declared.contains("srt")
                || declared.contains("subrip")
                || declared.contains("json")) {
            throw new IOException("not a transcript" + declaredAs(declared) + ": it begins "
                    + shortened(head.lines().findFirst().orElse("")));
        } else {
            plain(text, cues);
        }
        if (cues.list.isEmpty()) {
            throw new IOException(
                    cues.broken > 0 ? "no cue with a readable time (" + cues.broken + " broken)" : "no words in it");
        }
        return new ParsedTranscript(cues.list, cues.remark());
    }

    private static String declaredAs(String declared) {
        return declared.isEmpty() ? "" : " of type " + declared;
    }

    private static String shortened(String line) {
        String l = line.strip();
        return "'" + (l.length() > 60 ? l.substring(0, 60) + "…" : l) + "'";
    }

    /** Whether one of the first lines is an SRT cue's timing line. */
    private static boolean srtLike(String text) {
        return LINES.splitAsStream(text)
                .limit(10)
                .anyMatch(l -> TIMING.matcher(l).matches());
    }

    private static void webVtt(String text, Cues cues) {
        List<String> blocks = List.of(BLANK_LINES.split(text));
        // the first block is the WEBVTT header; a voice tag names the speaker until the next one
        timed(blocks.subList(1, blocks.size()), cues, (payload, before) -> {
            Matcher voice = VOICE.matcher(payload);
            return new Said(
                    voice.find() ? plainText(voice.group(1)) : before,
                    plainText(TAG.matcher(payload).replaceAll("")));
        });
    }

    private static void srt(String text, Cues cues) {
        // a speaker is named before the words ("Travis: When you first get..."), until the next one is
        timed(List.of(BLANK_LINES.split(text.strip())), cues, (payload, before) -> {
            String said = plainText(TAG.matcher(payload).replaceAll(""));
            Matcher named = SPEAKER.matcher(said);
            return named.matches() ? new Said(named.group(1), named.group(2)) : new Said(before, said);
        });
    }

    /** A cue's words as plain text, and who says them. */
    private record Said(String speaker, String words) {}

    /**
     * The cues of WebVTT or SRT blocks: a timing line (after a cue identifier or number, if any), then the payload,
     * whose words and speaker {@code said} finds from the payload and the speaker of the cue before. NOTE, STYLE and
     * REGION blocks have no timing line.
     */
    private static void timed(List<String> blocks, Cues cues, BiFunction<String, String, Said> said) {
        String speaker = null;
        for (String block : blocks) {
            String[] lines = LINES.split(block.strip());
            int timing = lines.length > 0 && lines[0].contains("-->") ? 0 : 1;
            if (lines.length <= timing || !lines[timing].contains("-->") || lines[0].startsWith("NOTE")) {
                continue;
            }
            Integer at = cueStart(lines[timing], cues);
            if (at == null) {
                continue;
            }
            Said cue = said.apply(String.join(" ", List.of(lines).subList(timing + 1, lines.length)), speaker);
            speaker = cue.speaker();
            if (!cues.add(at, speaker, cue.words())) {
                return;
            }
        }
    }

    /** The start of a cue from its timing line, or null (counted as broken) when the times are not times. */
    private static Integer cueStart(String timingLine, Cues cues) {
        Matcher m = TIMING.matcher(timingLine);
        if (!m.matches()) {
            cues.broken++;
            return null;
        }
        long start = millis(m.group(1), m.group(2), m.group(3), m.group(4));
        long end = millis(m.group(5), m.group(6), m.group(7), m.group(8));
        if (start < 0 || end < start || start > LATEST_MILLIS) {
            cues.broken++;
            return null;
        }
        return (int) start;
    }

    /** Milliseconds of a clock, or -1 when minutes or seconds are past 59. */
    private static long millis(String hours, String minutes, String seconds, String fraction) {
        long m = Long.parseLong(minutes);
        long s = Long.parseLong(seconds);
        if ((hours != null && m > 59) || s > 59) {
            return -1;
        }
        long ms = fraction == null ? 0 : Long.parseLong((fraction + "00").substring(0, 3));
        return ((hours == null ? 0 : Long.parseLong(hours)) * 3600 + m * 60 + s) * 1000 + ms;
    }

    /** The namespace's JSON: segments joined into cues, a cue ending with a sentence, a speaker's turn or 300 characters. */
    private static void json(String text, Cues cues) throws IOException {
        JsonNode segments;
        try {
            segments = JSON.readTree(text).path("segments");
        } catch (JsonProcessingException e) {
            throw new IOException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (!segments.isArray()) {
            throw new IOException("JSON without a \"segments\" array");
        }
        StringBuilder said = new StringBuilder();
        Integer at = null;
        String speaker = null;
        for (JsonNode segment : segments) {
            String body = segment.path("body").asText("");
            String who = segment.path("speaker").isTextual()
                    ? plainText(segment.path("speaker").asText())
                    : null;
            double seconds = segment.path("startTime").asDouble(-1);
            if (seconds < 0 || seconds * 1000 > LATEST_MILLIS || Double.isNaN(seconds)) {
                cues.broken++;
                continue;
            }
            if (said.length() > 0 && !java.util.Objects.equals(who, speaker)) {
                if (!cues.add(at, speaker, said.toString())) {
                    return;
                }
                said.setLength(0);
            }
            if (said.length() == 0) {
                at = (int) Math.round(seconds * 1000);
                speaker = who;
            }
            said.append(said.length() == 0 ? "" : " ").append(body.strip());
            String end = body.stripTrailing();
            if (body.endsWith("\n")
                    || (!end.isEmpty() && ".!?".indexOf(end.charAt(end.length() - 1)) >= 0)
                    || said.length() >= JSON_CUE_CHARS) {
                if (!cues.add(at, speaker, said.toString())) {
                    return;
                }
                said.setLength(0);
            }
        }
        if (said.length() > 0) {
            cues.add(at, speaker, said.toString());
        }
    }

    /** HTML: each {@code <p>} a cue, with the {@code <cite>} and {@code <time>} before it; without any, plain text. */
    private static void html(String text, Cues cues) {
        Element body = Jsoup.parse(text).body();
        if (body.selectFirst("p") == null) {
            plain(body.wholeText(), cues);
            return;
        }
        String speaker = null;
        Integer at = null;
        for (Element e : body.select("cite, time, p")) {
            String own = plainText(e.text());
            switch (e.tagName()) {
                case "cite" ->
                    speaker = own.endsWith(":")
                            ? own.substring(0, own.length() - 1).strip()
                            : own;
                case "time" -> at = htmlTime(own, e.attr("datetime"), cues);
                default -> {
                    if (!cues.add(at, speaker, own)) {
                        return;
                    }
                }
            }
        }
    }

    private static Integer htmlTime(String shown, String datetime, Cues cues) {
        Matcher m = HTML_TIME.matcher(shown.isEmpty() ? datetime : shown);
        long at = m.matches() ? millis(m.group(1), m.group(2), m.group(3), m.group(4)) : -1;
        if (at < 0 || at > LATEST_MILLIS) {
            cues.broken++;
            return null;
        }
        return (int) at;
    }

    /** Plain text: a paragraph a cue, a line a cue where there are no blank lines. */
    private static void plain(String text, Cues cues) {
        String[] paragraphs =
                BLANK_LINES.matcher(text.strip()).find() ? BLANK_LINES.split(text.strip()) : LINES.split(text);
        String speaker = null;
        for (String paragraph : paragraphs) {
            String said = plainText(paragraph);
            Matcher named = SPEAKER.matcher(said);
            if (named.matches()) {
                speaker = named.group(1);
                said = named.group(2);
            }
            if (!cues.add(null, speaker, said)) {
                return;
            }
        }
    }

    /** Entities decoded, whitespace collapsed. */
    private static String plainText(String html) {
        return WHITESPACE
                .matcher(Parser.unescapeEntities(html, false))
                .replaceAll(" ")
                .strip();
    }

    /**
     * The text without the characters that XML 1.0 and PostgreSQL refuse (control characters other than tab and line
     * ends, unpaired surrogates, U+FFFE and U+FFFF): one of them in a cue would break every feed the episode is
     * exported in, or its whole post's write.
     */
    static String printable(String text) {
        return UNPRINTABLE.matcher(text).replaceAll("");
    }

    /** The cues read so far, within the limits, and what was left out. */
    private static final class Cues {
        final List<ParsedTranscript.Cue> list = new ArrayList<>();
        int chars;
        int broken;
        boolean cut;

        /**
         * Adds a cue (an empty one is skipped), without characters text cannot hold; false once the limits are
         * reached, when reading should stop.
         */
        boolean add(Integer at, String speaker, String text) {
            text = printable(text);
            if (text.isBlank()) {
                return true;
            }
            if (list.size() >= MAX_CUES || chars >= MAX_CHARS) {
                cut = true;
                return false;
            }
            String kept = text.length() > CUE_CHARS ? printable(text.substring(0, CUE_CHARS)) + "…" : text;
            speaker = speaker == null ? null : printable(speaker);
            list.add(new ParsedTranscript.Cue(at, speaker == null || speaker.isEmpty() ? null : speaker, kept));
            chars += kept.length();
            return true;
        }

        String remark() {
            List<String> remarks = new ArrayList<>();
            if (broken > 0) {
                remarks.add(broken + (broken == 1 ? " cue" : " cues") + " with a broken time left out");
            }
            if (cut) {
                remarks.add("cut at " + String.format(Locale.ROOT, "%,d", list.size()) + " cues and "
                        + String.format(Locale.ROOT, "%,d", chars) + " characters");
            }
            return remarks.isEmpty() ? null : String.join("; ", remarks);
        }
    }
}
