package sift.web.reader;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import sift.store.post.RiverFilter;

class ReaderPageTest {
    @Test
    void theFilterTravelsWithThePagingLinksAndIsSaidInWords() {
        ReaderPage all = new ReaderPage(List.of(), List.of(), "123-4", true, RiverFilter.ALL, null);
        assertThat(all.filterQuery()).isEmpty();
        ReaderPage some = new ReaderPage(
                List.of(),
                List.of(),
                "123-4",
                false,
                new RiverFilter("routing", "podcast", 7L, "skeptical", 40, RiverFilter.Show.ALL),
                null);
        assertThat(some.filterQuery()).isEqualTo("topic=routing&kind=podcast&feed=7&stance=skeptical&maxHype=40");
        assertThat(some.filterWords())
                .isEqualTo("topic routing, kind podcast, feed #7, stance skeptical, hype at most 40");
    }

    @Test
    void unreadAndStarredKeepTheFilterButAreNotSaidAsPartOfIt() {
        ReaderPage unread = new ReaderPage(
                List.of(),
                List.of(),
                null,
                true,
                new RiverFilter("routing", null, null, null, null, RiverFilter.Show.UNREAD),
                null);
        assertThat(unread.filterQuery()).isEqualTo("show=unread&topic=routing");
        assertThat(unread.filterWords()).isEqualTo("topic routing");
        assertThat(unread.showLink("starred")).isEqualTo("/?show=starred&topic=routing");
        assertThat(unread.showLink("all")).isEqualTo("/?topic=routing");
        assertThat(unread.clearLink()).isEqualTo("/?show=unread");
        assertThat(new ReaderPage(List.of(), List.of(), null, true, RiverFilter.ALL, null).showLink("all"))
                .isEqualTo("/");
    }
}
