package sift.store.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RiverCursorTest {
    @Test
    void aTokenCarriesTheInstantToTheNanosecondAndIsUrlSafe() {
        for (Instant at : new Instant[] {
            Instant.parse("2026-11-26T12:00:00.123456789Z"),
            Instant.parse("2026-11-26T12:00:00.000001Z"),
            Instant.parse("2026-11-26T12:00:00Z"),
            Instant.parse("1969-12-31T23:59:59.999999999Z"),
            Instant.parse("0001-01-01T00:00:00Z")
        }) {
            RiverCursor cursor = new RiverCursor(at, 42);
            assertThat(cursor.token()).matches("-?[0-9]+\\.[0-9]{9}-42");
            assertThat(RiverCursor.parse(cursor.token())).isEqualTo(cursor);
        }
        assertThat(new RiverCursor(Instant.parse("2026-11-26T12:00:00.000001Z"), 7).token())
                .isEqualTo("1795694400.000001000-7");
    }

    @Test
    void aMillisecondTokenMadeBeforeIssue20StillReadsAsItsMillisecond() {
        assertThat(RiverCursor.parse("1795694400123-42"))
                .isEqualTo(new RiverCursor(Instant.parse("2026-11-26T12:00:00.123Z"), 42));
    }

    @Test
    void aMalformedOrOutOfRangeTokenIsRefusedNamingIt() {
        for (String token : new String[] {
            "yesterday",
            "",
            "-",
            "12-",
            "-12",
            "1.5-3",
            "1.1234567890-3",
            "12--3",
            "1 2-3",
            "99999999999999999999-1",
            "1-99999999999999999999",
            "+5-1",
            "5-+1"
        }) {
            assertThatThrownBy(() -> RiverCursor.parse(token))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not a page cursor: '" + token + "'");
        }
        assertThatThrownBy(() -> RiverCursor.parse("9223372036854775807-1")).hasMessageContaining("years 1 to 9999");
        assertThatThrownBy(() -> RiverCursor.parse("253402300800.000000000-1")).hasMessageContaining("years 1 to 9999");
        assertThatThrownBy(() -> RiverCursor.parse("-9223372036854775808.000000000-1"))
                .hasMessageContaining("'-9223372036854775808.000000000-1'");
    }

    @Test
    void aLongTokenIsNamedShortened() {
        String token = "9".repeat(5000);
        assertThatThrownBy(() -> RiverCursor.parse(token)).hasMessageContaining("'" + "9".repeat(80) + "…'");
    }
}
