package sift.nlp.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sift.nlp.release.ReleaseExtractor.Note;
import sift.nlp.text.Document;

class ReleaseExtractorTest {
    private final ReleaseExtractor extractor = new ReleaseExtractor();

    private ReleaseExtractor.Release of(String title, String text, String link, String feed) {
        return extractor.extract(new Document(title, text, link, List.of(), List.of(), feed, null, null, null));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "netlab release 25.11|netlab|25.11",
                "FRRouting 10.2.1 is out|FRRouting|10.2.1",
                "Announcing Kea 3.0|Kea|3.0",
                "What's new in Cilium 1.17|Cilium|1.17",
                "Kubernetes v1.33 release notes|Kubernetes|1.33",
                "Open vSwitch 3.5.0 released|Open vSwitch|3.5.0",
                "Terraform AWS provider 6.0.0|Terraform AWS provider|6.0.0",
                "SONiC 202505 release|SONiC|202505",
                "Containerlab 0.62.0-rc1|Containerlab|0.62.0-rc1",
                "NetBox v4.3.0: custom field choice sets|NetBox|4.3.0",
                "Now available: Containerlab 0.62|Containerlab|0.62",
                "Junos OS 24.4R1-S2 released|Junos OS|24.4R1-S2",
                "NX-OS 10.4(3)F|NX-OS|10.4(3)F",
                "EOS 4.33.1F is out|EOS|4.33.1F",
                "PAN-OS 11.1.2-h3|PAN-OS|11.1.2-h3",
                "Kea 3.1.0 beta|Kea|3.1.0 beta",
                "[ANN] BIRD 2.16 released|BIRD|2.16",
            })
    void readsProductAndVersionFromTheTitle(String title, String product, String version) {
        ReleaseExtractor.Release r = of(title, "", null, null);
        assertThat(r.product()).isEqualTo(product);
        assertThat(r.version()).isEqualTo(version);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "|I managed to push out netlab release 25.11 yesterday. Here are the highlights:|netlab|25.11",
                "Big week|We are pleased to announce the release of Kea 3.0. It brings a new API.|Kea|3.0",
                "|FRR 10.2 is out, with faster BGP convergence.|FRR|10.2",
                "|Zeek 7.0.5 just dropped, fixes a couple of DoS bugs.|Zeek|7.0.5",
                "Nexus 9000 maintenance|Heads up: NX-OS 10.4(3)F is now posted on the download page.|NX-OS|10.4(3)F",
            })
    void readsProductAndVersionFromTheFirstLinesOfTheText(String title, String text, String product, String version) {
        Document doc = new Document(title, text, null, List.of(), List.of(), null, null, null, null);
        assertThat(extractor.announcesRelease(doc)).isTrue();
        ReleaseExtractor.Release r = extractor.extract(doc);
        assertThat(r.product()).isEqualTo(product);
        assertThat(r.version()).isEqualTo(version);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Upgrading our fabric|We moved to FRR 10.2 last week and BGP converges faster.",
                "BGP add-path|Add-path support is now available in FRR 10.2 for all address families.",
                "Thoughts on OSPF area design in 2026|Most networks could be a single area.",
            })
    void aVersionMerelyMentionedIsNoRelease(String title, String text) {
        assertThat(extractor.announcesRelease(new Document(title, text, null, List.of(), List.of())))
                .isFalse();
    }

    @Test
    void aBareVersionTakesItsProductFromTheLinkElseTheFeed() {
        assertThat(of("v3.4.0", "", "https://github.com/acme/netconfgen/releases/tag/v3.4.0", null)
                        .product())
                .isEqualTo("netconfgen");
        ReleaseExtractor.Release monthly = of("Release 2025.11.1", "", null, "bgpkit releases");
        assertThat(monthly.product()).isEqualTo("bgpkit");
        assertThat(monthly.version()).isEqualTo("2025.11.1");
        assertThat(of("v3.4.0", "", null, null)).as("no product anywhere").isNull();
    }

    @Test
    void notesAreTheListItemsAndBreakingChangesAreNoticed() {
        ReleaseExtractor.Release r = of("NetBox 4.2 is here", """
                NetBox 4.2 introduces a new way to model cabling and several API improvements.
                Cable profiles
                Bulk import of virtual circuits
                Breaking change: the legacy plugin API has been removed""", null, null);
        assertThat(r.notes())
                .containsExactly(
                        new Note(null, "Cable profiles", false),
                        new Note(null, "Bulk import of virtual circuits", false),
                        new Note(null, "Breaking change: the legacy plugin API has been removed", true));
        assertThat(r.breaking()).isTrue();
        assertThat(of("BIRD 3.0.1", "Bug fix release.\nFixed route export\nFixed a leak", null, null)
                        .breaking())
                .isFalse();
    }

    @Test
    void notesKeepTheirSectionsAndLeaveTheUpgradeBoilerplateOut() {
        ReleaseExtractor.Release r = of("labforge 3.2.0", """
                Breaking changes
                The routing.policy attribute was renamed to routing.route_map
                New features
                BGP unnumbered sessions over IPv6 link-local addresses
                New lab validate command runs reachability checks after deployment
                Bug fixes
                Fixed VRF loopbacks on multi-vendor topologies
                Upgrade with pip3 install --upgrade labforge. Full changelog: v3.2.0""", null, null);
        assertThat(r.notes())
                .containsExactly(
                        new Note(
                                "Breaking changes",
                                "The routing.policy attribute was renamed to routing.route_map",
                                true),
                        new Note("New features", "BGP unnumbered sessions over IPv6 link-local addresses", false),
                        new Note(
                                "New features",
                                "New lab validate command runs reachability checks after deployment",
                                false),
                        new Note("Bug fixes", "Fixed VRF loopbacks on multi-vendor topologies", false));
        assertThat(r.breaking()).isTrue();
    }

    @Test
    void githubAndKeepAChangelogNotesLoseTheirCreditsAndLinks() {
        ReleaseExtractor.Release github = of("v1.17.0", """
                🚀 Features:
                Add gNMI subscribe support by @alice in #812
                🐛 Bug Fixes
                Fix panic on empty config by @bob in #815
                New Contributors
                @carol made their first contribution in #801
                Full Changelog: v1.16.0...v1.17.0""", "https://github.com/o/gnmic/releases/tag/v1.17.0", null);
        assertThat(github.notes())
                .containsExactly(
                        new Note("Features", "Add gNMI subscribe support by @alice in #812", false),
                        new Note("Bug Fixes", "Fix panic on empty config by @bob in #815", false));
        ReleaseExtractor.Release changelog = of("Batfish 2025.11.1", """
                Added
                Support for Junos routing-instance import policies
                Removed
                The deprecated questions API v1
                Security
                Bumped the XML parser for CVE-2025-1234""", null, null);
        assertThat(changelog.notes()).extracting(Note::breaking).containsExactly(false, true, false);
        assertThat(changelog.breaking()).isTrue();
    }

    @Test
    void aParagraphIsNoNoteUnlessASectionHoldsIt() {
        ReleaseExtractor.Release r = of("FRR 10.2 is out", """
                The FRRouting community is happy to announce FRR 10.2, with a lot of work on BGP and EVPN.
                We thank everybody who tested the release candidates.""", null, null);
        assertThat(r.notes()).isEmpty();
    }

    @Test
    void aTitleWithoutAVersionIsNoRelease() {
        assertThat(of("Our thoughts on release engineering", "", null, "Some blog"))
                .isNull();
    }
}
