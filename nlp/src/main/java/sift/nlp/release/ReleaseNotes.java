package sift.nlp.release;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import sift.nlp.release.ReleaseExtractor.Note;

/**
 * The notes of a release, read from a post's text (one line per block): the section headings release notes use
 * ({@code New features}, {@code Bug fixes}, Keep a Changelog's {@code Added} and {@code Removed}, GitHub's
 * {@code What's Changed}, or a short line ending in a colon) and the short lines under them. A line under no
 * heading counts only in a run of two or more that do not read as prose (a list, not a paragraph); the first line,
 * which says what the post is, counts only under a heading. A note is breaking when its section says so ({@code
 * Breaking changes}, {@code Removed}, {@code Upgrade notes}) or its own words do. Install and upgrade commands,
 * changelog links and contributor credits, which every release repeats, are left out.
 */
final class ReleaseNotes {
    private static final int NOTE_CHARS = 200;
    private static final int HEADING_CHARS = 60;
    private static final int PROSE_CHARS = 80;
    private static final int MAX_NOTES = 24;
    private static final Pattern SECTION = Pattern.compile("(?i)(?:(?:new |major |minor |other |notable |key )?"
            + "(?:features?|enhancements?|improvements?|highlights|changes|bug ?fixes|fixes|fixed|added|changed"
            + "|deprecated|deprecations|removed|removals|security(?: fixes)?|breaking changes?|known (?:issues|bugs)"
            + "|upgrade notes|upgrading|what'?s (?:new|changed)|documentation|dependencies|performance"
            + "|incompatible changes|backwards?[- ]incompatible changes|new contributors|contributors|checksums)"
            + "|(?:\\S+ )?(?:release )?notes)");
    private static final Pattern BREAKING_SECTION =
            Pattern.compile("(?i).*\\b(?:breaking|incompatible|removed|removals|upgrade notes|upgrading)\\b.*");
    /** Words that say a change breaks things; also read in a release's whole text. */
    static final Pattern BREAKING_NOTE = Pattern.compile("(?i)(?:^\\W*breaking\\b|^\\[breaking]|^⚠"
            + "|\\bbreaking changes?\\b|backwards?[- ]incompatible|not backwards? compatible|no longer supported"
            + "|removed support|support (?:for .{1,40} )?(?:has been|is|was) removed|must (?:now )?migrate"
            + "|action required|incompatible change|potentially[- ]breaking)");
    /** Sections whose lines are credits, not changes. */
    private static final Pattern CREDITS = Pattern.compile("(?i)(?:new )?contributors|checksums");
    /** Lines every release repeats: how to install or upgrade, where the full changelog is, who contributed. */
    private static final Pattern BOILERPLATE = Pattern.compile("(?i)(?:^(?:to )?(?:upgrade|install|update)\\b.{0,40}"
            + "\\b(?:with|using|run)\\b"
            + "|^(?:pip3?|pipx|brew|apt(?:-get)?|docker|helm|go|npm|cargo) (?:install|pull|upgrade)\\b"
            + "|\\bfull changelog\\b|^(?:see|read) the (?:full )?(?:changelog|release notes)\\b"
            + "|\\bmade (?:their|his|her|a) first contribution\\b|^sha-?256\\b)");

    private static final Pattern LEADING_MARKS = Pattern.compile("^[^\\p{L}\\p{N}]+");

    private ReleaseNotes() {}

    static List<Note> read(String text) {
        List<Note> notes = new ArrayList<>();
        List<String> run = new ArrayList<>();
        String section = null;
        String[] lines = (text + "\n").split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            String heading = heading(line);
            boolean note = heading == null && !line.isEmpty() && line.length() <= NOTE_CHARS && !line.endsWith(":");
            if (note && (section != null || i > 0 && !prose(line))) {
                run.add(line);
                continue;
            }
            if (section != null || run.size() >= 2) {
                add(notes, section, run);
            }
            run.clear();
            if (heading != null) {
                section = heading;
            } else if (line.endsWith(":")) {
                section = null; // "Here are the highlights:" introduces a list that has no heading of its own
            }
        }
        return notes.size() > MAX_NOTES ? List.copyOf(notes.subList(0, MAX_NOTES)) : List.copyOf(notes);
    }

    /** A line that reads as a paragraph's sentence rather than a list item: long, and ending in a full stop. */
    private static boolean prose(String line) {
        return line.length() > PROSE_CHARS && line.endsWith(".");
    }

    /** The heading a line is (without marks and colon), or null: a known section name, or a short line with a colon. */
    private static String heading(String line) {
        String bare = LEADING_MARKS
                .matcher(line)
                .replaceFirst("")
                .replaceFirst(":$", "")
                .strip();
        if (bare.isEmpty() || line.length() > HEADING_CHARS) {
            return null;
        }
        return SECTION.matcher(bare).matches() || line.endsWith(":") && bare.split("\\s+").length <= 5 ? bare : null;
    }

    private static void add(List<Note> notes, String section, List<String> run) {
        if (section != null && CREDITS.matcher(section).matches()) {
            return;
        }
        boolean breakingSection =
                section != null && BREAKING_SECTION.matcher(section).matches();
        for (String line : run) {
            if (!BOILERPLATE.matcher(line).find()) {
                notes.add(new Note(
                        section,
                        line,
                        breakingSection || BREAKING_NOTE.matcher(line).find()));
            }
        }
    }
}
