package sift.web.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The reverse proxies whose {@code X-Forwarded-For} and {@code X-Forwarded-Proto} Sift believes
 * ({@code SIFT_TRUSTED_PROXIES}: addresses and CIDR blocks, comma-separated). Any client can send those headers,
 * so from anyone else they are ignored: a request is HTTPS only when it reached Sift over TLS or through a trusted
 * proxy that says so, and its client is the connected address unless a trusted proxy names another.
 */
public final class TrustedProxies {
    /** Nobody: the headers are never believed. */
    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    private record Block(String text, byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            return rest == 0 || ((address[full] ^ network[full]) & (0xff << (8 - rest)) & 0xff) == 0;
        }
    }

    private final List<Block> blocks;

    private TrustedProxies(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /**
     * Reads {@code SIFT_TRUSTED_PROXIES}; a value that is not an address or a CIDR block is refused, named.
     *
     * @throws BadInput naming the entry that cannot be read
     */
    public static TrustedProxies parse(String setting) {
        if (setting == null || setting.isBlank()) {
            return NONE;
        }
        List<Block> blocks = new ArrayList<>();
        for (String entry : setting.split(",")) {
            String e = entry.strip();
            if (e.isEmpty()) {
                continue;
            }
            int slash = e.indexOf('/');
            byte[] network = literal(slash < 0 ? e : e.substring(0, slash));
            int prefix;
            try {
                prefix = slash < 0 ? network.length * 8 : Integer.parseInt(e.substring(slash + 1));
            } catch (NumberFormatException x) {
                prefix = -1;
            }
            if (network == null || prefix < 0 || prefix > network.length * 8) {
                throw new BadInput("'" + e + "' is not an IP address or a CIDR block such as 10.0.0.0/8");
            }
            blocks.add(new Block(e, network, prefix));
        }
        return new TrustedProxies(blocks);
    }

    /** An address literal as bytes (IPv4-mapped IPv6 as IPv4), or null when it is not one; never a name lookup. */
    private static byte[] literal(String text) {
        if (text == null || text.isEmpty() || !LITERAL.matcher(text).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    public boolean trusts(String address) {
        byte[] bytes = literal(address);
        return bytes != null && blocks.stream().anyMatch(b -> b.contains(bytes));
    }

    /**
     * The client of a request that came from {@code remote}: when a trusted proxy forwarded it, the last address of
     * {@code X-Forwarded-For} that is not itself a trusted proxy.
     */
    public String client(String remote, String forwardedFor) {
        if (forwardedFor == null || !trusts(remote)) {
            return remote;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (literal(hop) == null) {
                return remote; // not an address: the header is garbled, believe none of it
            }
            if (!trusts(hop)) {
                return hop;
            }
        }
        return remote;
    }

    /** The scheme a request came with: {@code X-Forwarded-Proto} only from a trusted proxy. */
    public String scheme(String remote, String connectedScheme, String forwardedProto) {
        if (forwardedProto == null || !trusts(remote)) {
            return connectedScheme;
        }
        String first = forwardedProto.split(",")[0].strip().toLowerCase(Locale.ROOT);
        return first.equals("https") || first.equals("http") ? first : connectedScheme;
    }

    @Override
    public String toString() {
        return blocks.isEmpty()
                ? "none"
                : String.join(", ", blocks.stream().map(Block::text).toList());
    }
}
