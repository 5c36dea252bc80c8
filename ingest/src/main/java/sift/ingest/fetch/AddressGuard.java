package sift.ingest.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * The guard against server-side request forgery: a feed URL may only reach public addresses. It is the HTTP
 * client's resolver, so the check applies to the very addresses the client then connects to (no second lookup
 * for a rebinding DNS server to answer differently), on the first request and on every redirect.
 */
final class AddressGuard implements DnsResolver {
    private final DnsResolver dns;
    private final boolean allowPrivate;

    AddressGuard(DnsResolver dns, boolean allowPrivate) {
        this.dns = dns;
        this.allowPrivate = allowPrivate;
    }

    AddressGuard(boolean allowPrivate) {
        this(SystemDefaultDnsResolver.INSTANCE, allowPrivate);
    }

    /** A host that resolves only to addresses Sift may not fetch from. */
    static final class Refused extends UnknownHostException {
        Refused(String message) {
            super(message);
        }
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] all = dns.resolve(host);
        if (allowPrivate) {
            return all;
        }
        List<InetAddress> allowed = new ArrayList<>();
        for (InetAddress address : all) {
            if (kind(address) == null) {
                allowed.add(address);
            }
        }
        if (allowed.isEmpty()) {
            InetAddress first = all[0];
            throw new Refused("refused: " + host + " is " + (all.length > 1 ? "at " + Arrays.toString(all) : first.getHostAddress())
                    + ", a " + kind(first) + " address; Sift fetches only public addresses unless SIFT_ALLOW_PRIVATE=true");
        }
        return allowed.toArray(new InetAddress[0]);
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return dns.resolveCanonicalHostname(host);
    }

    /** What kind of non-public address this is (loopback, private, ...), or null for a public one. */
    static String kind(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return "loopback";
        }
        if (address.isAnyLocalAddress()) {
            return "unspecified";
        }
        if (address.isLinkLocalAddress()) {
            return "link-local";
        }
        if (address.isMulticastAddress()) {
            return "multicast";
        }
        if (address.isSiteLocalAddress()) {
            return "private";
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return "private (unique local)";
            }
            if (isEmbeddedIpv4(b)) {
                try {
                    return kind(InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException e) {
                    throw new IllegalStateException("four bytes are always an IPv4 address", e);
                }
            }
            return null;
        }
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 100 && second >= 64 && second <= 127) {
                return "carrier-grade NAT";
            }
            if (first == 0) {
                return "unspecified";
            }
            if (first >= 240) {
                return "reserved";
            }
        }
        return null;
    }

    /** ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible) and 64:ff9b::a.b.c.d (NAT64) carry an IPv4 address. */
    private static boolean isEmbeddedIpv4(byte[] b) {
        boolean zeroPrefix = true;
        for (int i = 0; i < 10; i++) {
            zeroPrefix &= b[i] == 0;
        }
        boolean mapped = zeroPrefix && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = zeroPrefix && b[10] == 0 && b[11] == 0;
        boolean nat64 = (b[0] & 0xff) == 0 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
        return mapped || compatible || nat64;
    }
}
