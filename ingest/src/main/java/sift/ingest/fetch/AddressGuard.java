package sift.ingest.fetch;

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
            SpecialAddresses.Range range = SpecialAddresses.of(first);
            String where = all.length > 1 ? "at " + Arrays.toString(all) : first.getHostAddress();
            throw new Refused("refused: " + host + " is " + where + ", a " + range.name() + " address (" + range.cidr()
                    + "); Sift fetches only public addresses unless SIFT_ALLOW_PRIVATE=true");
        }
        return allowed.toArray(new InetAddress[0]);
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return dns.resolveCanonicalHostname(host);
    }

    /** What kind of non-public address this is (loopback, private, documentation, ...), or null for a public one. */
    static String kind(InetAddress address) {
        SpecialAddresses.Range range = SpecialAddresses.of(address);
        return range == null ? null : range.name();
    }
}
