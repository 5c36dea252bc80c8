package sift.ingest.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * The ranges of IANA's IPv4 and IPv6 special-purpose address registries (and the address-space registries'
 * multicast and reserved blocks) that a feed URL may not reach: every one that is not globally reachable. A few
 * anycast service addresses inside them that are (192.0.0.9, 2001:1::1, AS112's 2001:4:112::/48) are refused too:
 * no feed is served there. An IPv4 address mapped into IPv6 or embedded by the well-known NAT64 prefix is judged
 * as itself.
 */
final class SpecialAddresses {
    /** A range of addresses and what it is, as the guard names it ("a {@code name} address"). */
    record Range(String cidr, String name, byte[] prefix, int bits) {
        static Range of(String cidr, String name) {
            int slash = cidr.indexOf('/');
            try {
                byte[] prefix = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
                return new Range(cidr, name, prefix, Integer.parseInt(cidr.substring(slash + 1)));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("not an address range: " + cidr, e);
            }
        }

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int whole = bits / 8;
            if (!Arrays.equals(address, 0, whole, prefix, 0, whole)) {
                return false;
            }
            int rest = bits % 8;
            int mask = (0xff << (8 - rest)) & 0xff;
            return rest == 0 || (address[whole] & mask) == (prefix[whole] & mask);
        }
    }

    /** Most specific first: the first range that holds an address names it. */
    private static final List<Range> RANGES = List.of(
            Range.of("0.0.0.0/32", "unspecified"),
            Range.of("0.0.0.0/8", "this-network"),
            Range.of("10.0.0.0/8", "private"),
            Range.of("100.64.0.0/10", "carrier-grade NAT"),
            Range.of("127.0.0.0/8", "loopback"),
            Range.of("169.254.0.0/16", "link-local"),
            Range.of("172.16.0.0/12", "private"),
            Range.of("192.0.0.0/24", "special-purpose (IETF protocol assignments)"),
            Range.of("192.0.2.0/24", "documentation"),
            Range.of("192.88.99.0/24", "deprecated 6to4 relay anycast"),
            Range.of("192.168.0.0/16", "private"),
            Range.of("198.18.0.0/15", "benchmarking"),
            Range.of("198.51.100.0/24", "documentation"),
            Range.of("203.0.113.0/24", "documentation"),
            Range.of("224.0.0.0/4", "multicast"),
            Range.of("255.255.255.255/32", "limited broadcast"),
            Range.of("240.0.0.0/4", "reserved"),
            Range.of("::/128", "unspecified"),
            Range.of("::1/128", "loopback"),
            Range.of("::/96", "deprecated IPv4-compatible"),
            Range.of("64:ff9b:1::/48", "NAT64 local-use"),
            Range.of("100::/64", "discard-only"),
            Range.of("100:0:0:1::/64", "dummy"),
            Range.of("2001::/23", "special-purpose (IETF protocol assignments)"),
            Range.of("2001:db8::/32", "documentation"),
            // 6to4 is deprecated (RFC 7526), and where a packet to it goes depends on whichever relay the local
            // network routes it to, which then sends it to the IPv4 address inside, private or not; a host with a
            // 6to4 address also has the IPv4 address it is made from, which the guard judges on its own
            Range.of("2002::/16", "6to4"),
            Range.of("3fff::/20", "documentation"),
            Range.of("5f00::/16", "SRv6 segment identifier"),
            Range.of("fc00::/7", "private (unique local)"),
            Range.of("fe80::/10", "link-local"),
            Range.of("fec0::/10", "deprecated site-local"),
            Range.of("ff00::/8", "multicast"));

    private static final Range NAT64 = Range.of("64:ff9b::/96", "NAT64");

    private SpecialAddresses() {}

    /** The range that makes {@code address} no public address, or null when it is public. */
    static Range of(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 16 && (NAT64.contains(b) || isMapped(b))) {
            return of(Arrays.copyOfRange(b, 12, 16));
        }
        return of(b);
    }

    private static Range of(byte[] address) {
        for (Range range : RANGES) {
            if (range.contains(address)) {
                return range;
            }
        }
        return null;
    }

    /** ::ffff:a.b.c.d (Java reads most of these as IPv4 already). */
    private static boolean isMapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }
}
