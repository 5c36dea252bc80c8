package sift.web.reader;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import sift.store.post.PostFacts;

class ClaimMarksTest {
    private static PostFacts.Claim claim(String stance, String sentence, String... reasons) {
        return new PostFacts.Claim("text", 0, sentence.length(), sentence, stance.equals("hype") ? 91 : 5, stance,
                List.of(reasons));
    }

    @Test
    void aHypeClaimIsMarkedAcrossInlineMarkupAndLinesWithItsReasons() {
        String html = "<p>Intro.</p><p>Our AI <em>eliminates</em>\n  every outage. Then <a href=\"/x\">more</a>.</p>";
        PostFacts.Claim hype = claim("hype", "Our AI eliminates every outage.", "absolute: 'eliminates'");
        Document marked = Jsoup.parseBodyFragment(ClaimMarks.mark(html, List.of(hype)));

        assertThat(marked.select("mark.claim")).hasSize(3) // before, inside and after the <em>
                .allSatisfy(m -> {
                    assertThat(m.attr("data-why")).isEqualTo("Hype 91/100: absolute: 'eliminates'");
                    assertThat(m.attr("aria-describedby")).isEqualTo("claim-1");
                    assertThat(m.attr("tabindex")).isEqualTo("0");
                });
        assertThat(marked.select("mark.claim").text()).isEqualTo("Our AI eliminates every outage.");
        assertThat(marked.select("em mark.claim").text()).isEqualTo("eliminates");
        assertThat(marked.select("p").get(1).text()).isEqualTo("Our AI eliminates every outage. Then more.");
        assertThat(marked.select("a[href=/x]").text()).isEqualTo("more");
    }

    @Test
    void onlyHypeIsMarkedAndASentenceNotFoundLeavesTheContentAsItWas() {
        String html = "<p>The vendor says its AI is magic. Nobody measured it.</p>";
        assertThat(ClaimMarks.mark(html, List.of(claim("skeptical", "Nobody measured it.")))).isEqualTo(html);
        assertThat(ClaimMarks.mark(html, List.of(claim("hype", "A sentence the feed changed since.")))).isEqualTo(html);
        assertThat(ClaimMarks.mark(null, List.of(claim("hype", "x")))).isNull();
    }

    @Test
    void reasonsAreEscapedAsAttributeText() {
        String html = "<p>Our AI is \"perfect\".</p>";
        String marked = ClaimMarks.mark(html, List.of(claim("hype", "Our AI is \"perfect\".", "absolute: '\"><script>x</script>'")));
        Document doc = Jsoup.parseBodyFragment(marked);
        assertThat(doc.select("script")).isEmpty();
        assertThat(doc.select("mark.claim").attr("data-why")).contains("<script>");
    }
}
