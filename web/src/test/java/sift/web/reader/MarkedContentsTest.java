package sift.web.reader;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import sift.store.post.PostFacts;

class MarkedContentsTest {
    private static final String HTML = "<p>Our AI is perfect. Then facts.</p>";
    private static final List<PostFacts.Claim> CLAIMS = List.of(claim("Our AI is perfect."));

    private static PostFacts.Claim claim(String sentence) {
        return new PostFacts.Claim("text", 0, sentence.length(), sentence, 80, "hype", List.of("absolute"));
    }

    @Test
    void aPostReadAgainIsNotMarkedAgain() {
        MarkedContents contents = new MarkedContents();
        String first = contents.mark(1, HTML, CLAIMS);
        assertThat(first).isEqualTo(ClaimMarks.mark(HTML, CLAIMS)).contains("<mark");
        assertThat(contents.mark(1, new String(HTML), List.copyOf(CLAIMS))).isSameAs(first);
    }

    @Test
    void aChangedContentOrChangedClaimsAreMarkedAnew() {
        MarkedContents contents = new MarkedContents();
        String first = contents.mark(1, HTML, CLAIMS);
        String changed = "<p>Our AI is perfect. Then other facts.</p>";
        assertThat(contents.mark(1, changed, CLAIMS)).isEqualTo(ClaimMarks.mark(changed, CLAIMS));
        List<PostFacts.Claim> rescored = List.of(claim("Then facts."));
        assertThat(contents.mark(1, HTML, rescored))
                .isEqualTo(ClaimMarks.mark(HTML, rescored))
                .isNotEqualTo(first);
        assertThat(contents.mark(1, HTML, List.of())).isSameAs(HTML);
        assertThat(contents.mark(1, null, CLAIMS)).isNull();
    }

    @Test
    void holdsAtMostItsCharactersTheLeastRecentlyReadGoingFirst() {
        long perPost = HTML.length() + ClaimMarks.mark(HTML, CLAIMS).length();
        MarkedContents contents = new MarkedContents(2 * perPost);
        String one = contents.mark(1, HTML, CLAIMS);
        String two = contents.mark(2, HTML, CLAIMS);
        assertThat(contents.mark(1, HTML, CLAIMS)).isSameAs(one); // read again: 2 is now the least recent
        contents.mark(3, HTML, CLAIMS);
        assertThat(contents.mark(1, HTML, CLAIMS)).isSameAs(one);
        assertThat(contents.mark(2, HTML, CLAIMS)).isNotSameAs(two).isEqualTo(two);
        assertThat(new MarkedContents(perPost - 1).mark(1, HTML, CLAIMS)).isEqualTo(one);
    }
}
