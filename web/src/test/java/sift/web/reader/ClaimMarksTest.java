package sift.web.reader;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import sift.store.post.PostFacts;

class ClaimMarksTest {
    private static PostFacts.Claim claim(String stance, String sentence, String... reasons) {
        return new PostFacts.Claim(
                "text", 0, sentence.length(), sentence, stance.equals("hype") ? 91 : 5, stance, List.of(reasons));
    }

    @Test
    void aHypeClaimIsMarkedAcrossInlineMarkupAndLinesWithItsReasons() {
        String html = "<p>Intro.</p><p>Our AI <em>eliminates</em>\n  every outage. Then <a href=\"/x\">more</a>.</p>";
        PostFacts.Claim hype = claim("hype", "Our AI eliminates every outage.", "absolute: 'eliminates'");
        Document marked = Jsoup.parseBodyFragment(ClaimMarks.mark(html, List.of(hype)));

        assertThat(marked.select("mark.claim"))
                .hasSize(3) // before, inside and after the <em>
                .allSatisfy(m -> {
                    assertThat(m.attr("data-why")).isEqualTo("Hype 91/100: an absolute: eliminates");
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
        assertThat(ClaimMarks.mark(html, List.of(claim("skeptical", "Nobody measured it."))))
                .isEqualTo(html);
        assertThat(ClaimMarks.mark(html, List.of(claim("hype", "A sentence the feed changed since."))))
                .isEqualTo(html);
        assertThat(ClaimMarks.mark(null, List.of(claim("hype", "x")))).isNull();
    }

    @Test
    void reasonsAreEscapedAsAttributeText() {
        String html = "<p>Our AI is \"perfect\".</p>";
        String marked = ClaimMarks.mark(
                html, List.of(claim("hype", "Our AI is \"perfect\".", "absolute: '\"><script>x</script>'")));
        Document doc = Jsoup.parseBodyFragment(marked);
        assertThat(doc.select("script")).isEmpty();
        assertThat(doc.select("mark.claim").attr("data-why")).contains("<script>");
    }

    private static PostFacts.Claim at(int start, String sentence) {
        return new PostFacts.Claim("text", start, start + sentence.length(), sentence, 80, "hype", List.of());
    }

    @Test
    void claimsInOneTextNodeAreEachMarkedInPlace() {
        String html = "<p>Intro. Our AI is perfect. Then facts. AI replaces engineers. The end.</p>";
        Document marked = Jsoup.parseBodyFragment(
                ClaimMarks.mark(html, List.of(at(8, "Our AI is perfect."), at(39, "AI replaces engineers."))));
        assertThat(marked.select("mark.claim"))
                .extracting(m -> m.text() + " " + m.attr("aria-describedby"))
                .containsExactly("Our AI is perfect. claim-1", "AI replaces engineers. claim-2");
        assertThat(marked.select("p").text())
                .isEqualTo("Intro. Our AI is perfect. Then facts. AI replaces engineers. The end.");
    }

    @Test
    void claimsOutOfOrderOrWithoutPositionsAreMarkedWithTheirOwnNumbers() {
        String html = "<p>Our AI is perfect.</p><p>AI replaces engineers.</p>";
        Document marked = Jsoup.parseBodyFragment(
                ClaimMarks.mark(html, List.of(at(0, "AI replaces engineers."), at(0, "Our AI is perfect."))));
        assertThat(marked.select("mark.claim"))
                .extracting(m -> m.text() + " " + m.attr("aria-describedby"))
                .containsExactly("Our AI is perfect. claim-2", "AI replaces engineers. claim-1");
    }

    @Test
    void aSentenceSaidTwiceIsMarkedOnceForEachOfItsClaims() {
        String html = "<p>AI fixes everything.</p><p>Really.</p><p>AI fixes everything.</p>";
        Document marked = Jsoup.parseBodyFragment(
                ClaimMarks.mark(html, List.of(at(0, "AI fixes everything."), at(29, "AI fixes everything."))));
        assertThat(marked.select("mark.claim"))
                .extracting(m -> m.attr("aria-describedby"))
                .containsExactly("claim-1", "claim-2");
        assertThat(marked.select("p").get(1).select("mark")).isEmpty();
    }

    /** Bytes this thread allocates while marking; a bound on the work, not a timing. */
    private static long allocatedWhileMarking(String html, List<PostFacts.Claim> claims, List<String> out) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        out.add(ClaimMarks.mark(html, claims));
        return threads.getCurrentThreadAllocatedBytes() - before;
    }

    /** Issue 20: each shape allocated about 24 GB when every claim re-indexed the whole content; now some 35 MB. */
    @Test
    void issue20_aHostilePostOf500ClaimsAndAMegabyteOfPaddingMarksInWorkLinearInItsSize() {
        // a megabyte of padding, then 500 claims each across an inline element
        StringBuilder apart =
                new StringBuilder("<p>").append("padding ".repeat(131_072)).append("</p>");
        // and the same claims all inside one text node of a megabyte
        StringBuilder together = new StringBuilder("<p>");
        List<PostFacts.Claim> claims = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            String sentence = "Our AI eliminates outage " + i + " forever.";
            apart.append("<p>Our AI <em>eliminates</em> outage ").append(i).append(" forever.</p>");
            together.append("padding ".repeat(256)).append(sentence).append(' ');
            claims.add(new PostFacts.Claim(
                    "text",
                    1_048_576 + i * 40,
                    1_048_576 + i * 40 + sentence.length(),
                    sentence,
                    90,
                    "hype",
                    List.of("absolute: 'eliminates'")));
        }
        together.append("</p>");

        for (StringBuilder html : List.of(apart, together)) {
            List<String> out = new ArrayList<>();
            long allocated = allocatedWhileMarking(html.toString(), claims, out);
            Document marked = Jsoup.parseBodyFragment(out.get(0));
            List<String> described = marked.select("mark.claim").eachAttr("aria-describedby");
            assertThat(described.stream().distinct())
                    .as("the first claims are marked, up to the cap")
                    .hasSize(ClaimMarks.MAX_MARKED)
                    .startsWith("claim-1", "claim-2")
                    .endsWith("claim-" + ClaimMarks.MAX_MARKED);
            assertThat(marked.select("mark[aria-describedby=claim-200]").text())
                    .isEqualTo("Our AI eliminates outage 199 forever.");
            assertThat(marked.text())
                    .isEqualTo(Jsoup.parseBodyFragment(html.toString()).text());
            assertThat(allocated)
                    .as("bytes allocated marking %,d characters", html.length())
                    .isLessThan(200L * 1024 * 1024);
        }
    }
}
