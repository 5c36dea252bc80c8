package sift.nlp.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sift.nlp.Document;

class ReleaseExtractorTest {
    private final ReleaseExtractor extractor = new ReleaseExtractor();

    private ReleaseExtractor.Release of(String title, String text, String link, String feed) {
        return extractor.extract(new Document(title, text, link, List.of(), List.of(), feed, null, null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "netlab release 25.11|netlab|25.11",
        "FRRouting 10.2.1 is out|FRRouting|10.2.1",
        "Announcing Kea 3.0|Kea|3.0",
        "What's new in Cilium 1.17|Cilium|1.17",
        "Kubernetes v1.33 release notes|Kubernetes|1.33",
        "Open vSwitch 3.5.0 released|Open vSwitch|3.5.0",
        "Terraform AWS provider 6.0.0|Terraform AWS provider|6.0.0",
        "SONiC 202505 release|SONiC|202505",
        "Containerlab 0.62.0-rc1|Containerlab|0.62.0-rc1",
    })
    void readsProductAndVersionFromTheTitle(String title, String product, String version) {
        ReleaseExtractor.Release r = of(title, "", null, null);
        assertThat(r.product()).isEqualTo(product);
        assertThat(r.version()).isEqualTo(version);
    }

    @Test
    void aBareVersionTakesItsProductFromTheLinkElseTheFeed() {
        assertThat(of("v3.4.0", "", "https://github.com/acme/netconfgen/releases/tag/v3.4.0", null).product())
                .isEqualTo("netconfgen");
        ReleaseExtractor.Release monthly = of("Release 2025.11.1", "", null, "bgpkit releases");
        assertThat(monthly.product()).isEqualTo("bgpkit");
        assertThat(monthly.version()).isEqualTo("2025.11.1");
        assertThat(of("v3.4.0", "", null, null)).as("no product anywhere").isNull();
    }

    @Test
    void highlightsAreTheListItemsAndBreakingChangesAreNoticed() {
        ReleaseExtractor.Release r = of("NetBox 4.2 is here", """
                NetBox 4.2 introduces a new way to model cabling and several API improvements.
                Cable profiles
                Bulk import of virtual circuits
                Breaking change: the legacy plugin API has been removed""", null, null);
        assertThat(r.highlights()).containsExactly("Cable profiles", "Bulk import of virtual circuits",
                "Breaking change: the legacy plugin API has been removed");
        assertThat(r.breaking()).isTrue();
        assertThat(of("BIRD 3.0.1", "Bug fix release.\nFixed route export\nFixed a leak", null, null).breaking()).isFalse();
    }

    @Test
    void aTitleWithoutAVersionIsNoRelease() {
        assertThat(of("Our thoughts on release engineering", "", null, "Some blog")).isNull();
    }
}
