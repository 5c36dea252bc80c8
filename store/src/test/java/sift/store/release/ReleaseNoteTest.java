package sift.store.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReleaseNoteTest {
    @Test
    void notesSurviveTheirColumnWithSectionsBreakingMarksAndStrayTabs() {
        List<ReleaseNote> notes = List.of(
                new ReleaseNote("Breaking changes", "Python 3.9\tis no longer supported", true),
                new ReleaseNote(null, "Faster startup", false),
                new ReleaseNote("Bug fixes", "Fixed a crash", false));

        assertThat(ReleaseNote.decode(ReleaseNote.encode(notes)))
                .containsExactly(
                        new ReleaseNote("Breaking changes", "Python 3.9 is no longer supported", true),
                        new ReleaseNote(null, "Faster startup", false),
                        new ReleaseNote("Bug fixes", "Fixed a crash", false));
        assertThat(ReleaseNote.decode("")).isEmpty();
    }

    @Test
    void highlightsStoredBeforeSectionsReadAsNotesWithoutOne() {
        assertThat(ReleaseNote.decode("New EVPN labs\nDropped Python 3.8"))
                .containsExactly(
                        new ReleaseNote(null, "New EVPN labs", false),
                        new ReleaseNote(null, "Dropped Python 3.8", false));
    }

    @Test
    void sectionsGroupConsecutiveNotesUnderOneHeading() {
        ReleaseNote a = new ReleaseNote("New features", "A", false);
        ReleaseNote b = new ReleaseNote("New features", "B", false);
        ReleaseNote c = new ReleaseNote("Bug fixes", "C", false);

        assertThat(ReleaseNote.sections(List.of(a, b, c)))
                .containsExactly(
                        new ReleaseNote.Section("New features", List.of(a, b)),
                        new ReleaseNote.Section("Bug fixes", List.of(c)));
    }
}
