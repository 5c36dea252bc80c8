package sift.web.reader;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import sift.store.post.RiverFilter;

class ReaderPageTest {
    @Test
    void theFilterTravelsWithThePagingLinksAndIsSaidInWords() {
        ReaderPage all = new ReaderPage(List.of(), "123-4", true, RiverFilter.ALL);
        assertThat(all.filterQuery()).isEmpty();
        ReaderPage some = new ReaderPage(List.of(), "123-4", false,
                new RiverFilter("routing", "podcast", 7L, "skeptical", 40));
        assertThat(some.filterQuery()).isEqualTo("topic=routing&kind=podcast&feed=7&stance=skeptical&maxHype=40");
        assertThat(some.filterWords())
                .isEqualTo("topic routing, kind podcast, feed #7, stance skeptical, hype at most 40");
    }
}
