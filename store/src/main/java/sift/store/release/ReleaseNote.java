package sift.store.release;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One line of a release's notes: the heading of its section (null when it has none), its words, and whether it
 * breaks things. Stored one a line as {@code [!]section<TAB>text}; a line without a tab, as releases stored before
 * notes had sections, is a note without a section.
 */
public record ReleaseNote(String section, String text, boolean breaking) {
    public ReleaseNote {
        Objects.requireNonNull(text, "text");
    }

    /** Consecutive notes under one heading. */
    public record Section(String heading, List<ReleaseNote> notes) {}

    /** The notes grouped by section, in their order. */
    public static List<Section> sections(List<ReleaseNote> notes) {
        List<Section> sections = new ArrayList<>();
        for (ReleaseNote note : notes) {
            Section last = sections.isEmpty() ? null : sections.get(sections.size() - 1);
            if (last == null || !Objects.equals(last.heading(), note.section())) {
                last = new Section(note.section(), new ArrayList<>());
                sections.add(last);
            }
            last.notes().add(note);
        }
        return sections.stream()
                .map(s -> new Section(s.heading(), List.copyOf(s.notes())))
                .toList();
    }

    /** The notes as one column. */
    public static String encode(List<ReleaseNote> notes) {
        StringBuilder column = new StringBuilder();
        for (ReleaseNote note : notes) {
            if (!column.isEmpty()) {
                column.append('\n');
            }
            column.append(note.breaking() ? "!" : "")
                    .append(note.section() == null ? "" : oneLine(note.section()))
                    .append('\t')
                    .append(oneLine(note.text()));
        }
        return column.toString();
    }

    /** The notes of a column written by {@link #encode}. */
    public static List<ReleaseNote> decode(String column) {
        List<ReleaseNote> notes = new ArrayList<>();
        for (String line : column.isEmpty() ? new String[0] : column.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab < 0) {
                notes.add(new ReleaseNote(null, line, false));
                continue;
            }
            boolean breaking = line.startsWith("!");
            String section = line.substring(breaking ? 1 : 0, tab);
            notes.add(new ReleaseNote(section.isEmpty() ? null : section, line.substring(tab + 1), breaking));
        }
        return List.copyOf(notes);
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\t\\r\\n]+", " ");
    }
}
