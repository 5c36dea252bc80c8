package sift.ingest.fulltext;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import sift.ingest.clean.HtmlCleaner;
import sift.ingest.parse.ParsedEntry;
import sift.ingest.parse.ParsedText;

class TeasersTest {
    private static final String LONG =
            "The overlay adds fifty bytes of headers to every frame on the path. ".repeat(20);

    private static boolean teaser(String summary, String content, String enclosureType) {
        ParsedEntry entry = new ParsedEntry(
                "id-1",
                new ParsedText("A post", false, null),
                "https://blog.example/post",
                null,
                null,
                null,
                summary == null ? null : new ParsedText(summary, true, null),
                content == null ? null : new ParsedText(content, true, null),
                enclosureType == null
                        ? List.of()
                        : List.of(new ParsedEntry.ParsedEnclosure("https://cdn.example/ep.mp3", 1L, enclosureType)),
                List.of(),
                null);
        return Teasers.isTeaser(entry, new HtmlCleaner().entry(entry, "https://blog.example/feed"));
    }

    @Test
    void continueReadingAndItsCousinsMarkATeaser() {
        assertThat(teaser(null, "<p>" + LONG + "</p><p><a href='/post'>Continue reading →</a></p>", null))
                .isTrue();
        assertThat(teaser(null, "<p>" + LONG + "</p><p>Read the full story on our blog</p>", null))
                .isTrue();
        assertThat(teaser(LONG + " [&#8230;]", null, null)).isTrue();
        assertThat(teaser(null, "<p>" + LONG + " (more…)</p>", null)).isTrue();
    }

    @Test
    void aShortTextCutOffOrASummaryWithoutContentIsATeaser() {
        assertThat(teaser(null, "<p>Last month a new interconnect went live and replication stalled...</p>", null))
                .isTrue();
        assertThat(teaser("Replication stalled across the new interconnect. Here is why.", null, null))
                .isTrue();
    }

    @Test
    void aWholePostAnEpisodeOrALongEllipsisIsNot() {
        assertThat(teaser("Short summary.", "<p>" + LONG + "</p>", null)).isFalse();
        assertThat(teaser(
                        null,
                        "<p>" + LONG + "</p><p>Read more about MTU in our earlier post on jumbo frames and "
                                + "why they matter for storage replication across sites.</p>",
                        null))
                .isFalse();
        assertThat(teaser("Show notes of a short episode.", null, "audio/mpeg")).isFalse();
        assertThat(teaser(null, "<p>" + LONG + " and so on...</p>", null)).isFalse();
    }
}
