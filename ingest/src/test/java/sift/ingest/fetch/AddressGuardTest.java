package sift.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.InetAddress;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The guard against server-side request forgery knows every range of IANA's IPv4 and IPv6 special-purpose address
 * registries that is not globally reachable (issue 20): one case a range, its first and last address refused
 * under the range's name, and the addresses around it public.
 */
class AddressGuardTest {
    private static String kind(String address) throws Exception {
        return AddressGuard.kind(InetAddress.getByName(address));
    }

    @Nested
    class Ipv4 {
        @ParameterizedTest(name = "{0} is {3}")
        @CsvSource({
            "0.0.0.0/8,          0.0.0.1,         0.255.255.255,   this-network",
            "10.0.0.0/8,         10.0.0.0,        10.255.255.255,  private",
            "100.64.0.0/10,      100.64.0.0,      100.127.255.255, carrier-grade NAT",
            "127.0.0.0/8,        127.0.0.0,       127.255.255.255, loopback",
            "169.254.0.0/16,     169.254.0.0,     169.254.255.255, link-local",
            "172.16.0.0/12,      172.16.0.0,      172.31.255.255,  private",
            "192.0.0.0/24,       192.0.0.0,       192.0.0.255,     special-purpose (IETF protocol assignments)",
            "192.0.2.0/24,       192.0.2.0,       192.0.2.255,     documentation",
            "192.88.99.0/24,     192.88.99.0,     192.88.99.255,   deprecated 6to4 relay anycast",
            "192.168.0.0/16,     192.168.0.0,     192.168.255.255, private",
            "198.18.0.0/15,      198.18.0.0,      198.19.255.255,  benchmarking",
            "198.51.100.0/24,    198.51.100.0,    198.51.100.255,  documentation",
            "203.0.113.0/24,     203.0.113.0,     203.0.113.255,   documentation",
            "224.0.0.0/4,        224.0.0.0,       239.255.255.255, multicast",
            "240.0.0.0/4,        240.0.0.0,       255.255.255.254, reserved",
            "255.255.255.255/32, 255.255.255.255, 255.255.255.255, limited broadcast"
        })
        void issue20RefusesEveryAddressOfASpecialPurposeRange(String range, String first, String last, String name)
                throws Exception {
            assertThat(kind(first)).as(first + " in " + range).isEqualTo(name);
            assertThat(kind(last)).as(last + " in " + range).isEqualTo(name);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "1.0.0.0",
                    "9.255.255.255",
                    "11.0.0.0",
                    "100.63.255.255",
                    "100.128.0.0",
                    "126.255.255.255",
                    "128.0.0.0",
                    "169.253.255.255",
                    "169.255.0.0",
                    "172.15.255.255",
                    "172.32.0.0",
                    "192.0.1.0",
                    "192.0.3.0",
                    "192.88.98.255",
                    "192.88.100.0",
                    "192.167.255.255",
                    "192.169.0.0",
                    "198.17.255.255",
                    "198.20.0.0",
                    "198.51.99.255",
                    "198.51.101.0",
                    "203.0.112.255",
                    "203.0.114.0",
                    "223.255.255.255",
                    "1.1.1.1",
                    "8.8.8.8",
                    "192.31.196.1",
                    "192.52.193.1",
                    "192.175.48.1"
                })
        void allowsThePublicAddressesAroundThem(String address) throws Exception {
            assertThat(kind(address)).as(address).isNull();
        }
    }

    @Nested
    class Ipv6 {
        @ParameterizedTest(name = "{0} is {3}")
        @CsvSource({
            "::/128,          ::,                   ::,                                       unspecified",
            "::1/128,         ::1,                  ::1,                                      loopback",
            "::/96,           ::0.0.0.2,            ::255.255.255.255,                        deprecated IPv4-compatible",
            "64:ff9b:1::/48,  64:ff9b:1::,          64:ff9b:1:ffff:ffff:ffff:ffff:ffff,       NAT64 local-use",
            "100::/64,        100::,                100::ffff:ffff:ffff:ffff,                 discard-only",
            "2001::/23,       2001::,               2001:1ff:ffff:ffff:ffff:ffff:ffff:ffff,   special-purpose (IETF protocol assignments)",
            "2001:db8::/32,   2001:db8::,           2001:db8:ffff:ffff:ffff:ffff:ffff:ffff,   documentation",
            "2002::/16,       2002::,               2002:ffff:ffff:ffff:ffff:ffff:ffff:ffff,  6to4",
            "3fff::/20,       3fff::,               3fff:fff:ffff:ffff:ffff:ffff:ffff:ffff,   documentation",
            "5f00::/16,       5f00::,               5f00:ffff:ffff:ffff:ffff:ffff:ffff:ffff,  SRv6 segment identifier",
            "fc00::/7,        fc00::,               fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff,  private (unique local)",
            "fe80::/10,       fe80::,               febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff,  link-local",
            "fec0::/10,       fec0::,               feff:ffff:ffff:ffff:ffff:ffff:ffff:ffff,  deprecated site-local",
            "ff00::/8,        ff00::,               ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff,  multicast"
        })
        void issue20RefusesEveryAddressOfASpecialPurposeRange(String range, String first, String last, String name)
                throws Exception {
            assertThat(kind(first)).as(first + " in " + range).isEqualTo(name);
            assertThat(kind(last)).as(last + " in " + range).isEqualTo(name);
        }

        @ParameterizedTest(name = "{0} is {1}")
        @CsvSource({
            "::ffff:10.0.0.1,       private",
            "::ffff:127.0.0.1,      loopback",
            "64:ff9b::10.0.0.1,     private",
            "64:ff9b::198.18.0.1,   benchmarking",
            "64:ff9b::a9fe:a9fe,    link-local"
        })
        void issue20JudgesAnEmbeddedIpv4AddressByItself(String address, String name) throws Exception {
            assertThat(kind(address)).as(address).isEqualTo(name);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "2606:4700::1111",
                    "2001:4860:4860::8888",
                    "2001:200::1",
                    "2001:db7:ffff::1",
                    "2001:db9::1",
                    "2003::1",
                    "3fff:1000::1",
                    "5eff:ffff::1",
                    "5f01::1",
                    "fbff:ffff::1",
                    "::ffff:8.8.8.8",
                    "64:ff9b::8.8.8.8",
                    "2620:4f:8000::1"
                })
        void allowsThePublicAddressesAroundThem(String address) throws Exception {
            assertThat(kind(address)).as(address).isNull();
        }
    }

    @Test
    void issue20NamesTheHostTheAddressAndItsRangeWhenItRefuses() {
        AddressGuard guard = new AddressGuard(false);
        assertThat(catchThrowable(() -> guard.resolve("198.18.0.1")))
                .hasMessageStartingWith("refused: 198.18.0.1 is 198.18.0.1, a benchmarking address (198.18.0.0/15)");
        assertThat(catchThrowable(() -> guard.resolve("2002:a00:1::1")))
                .hasMessageStartingWith("refused: 2002:a00:1::1 is 2002:a00:1:0:0:0:0:1, a 6to4 address (2002::/16)");
    }
}
