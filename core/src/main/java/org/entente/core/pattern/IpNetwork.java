package org.entente.core.pattern;

import java.math.BigInteger;
import java.util.Optional;

/**
 * An IPv4 or IPv6 address or CIDR block, for ISSUBSET and ISSUPERSET (STIX 2.1 section 9.3). A bare address is
 * the block of that one address. Parsed by hand: {@code InetAddress.getByName} would resolve host names.
 */
record IpNetwork(BigInteger address, int prefix, int bits) {

    static Optional<IpNetwork> parse(String text) {
        int slash = text.indexOf('/');
        String host = slash < 0 ? text : text.substring(0, slash);
        Optional<BigInteger> address;
        int bits;
        if (host.indexOf(':') >= 0) {
            address = parseIpv6(host);
            bits = 128;
        } else {
            address = parseIpv4(host);
            bits = 32;
        }
        if (address.isEmpty()) return Optional.empty();
        int prefix = bits;
        if (slash >= 0) {
            String p = text.substring(slash + 1);
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) return Optional.empty();
            prefix = Integer.parseInt(p);
            if (prefix > bits) return Optional.empty();
        }
        return Optional.of(new IpNetwork(address.get(), prefix, bits));
    }

    /** True when every address of {@code other} is in this block. */
    boolean contains(IpNetwork other) {
        if (other.bits != bits || other.prefix < prefix) return false;
        return masked(address).equals(masked(other.address));
    }

    private BigInteger masked(BigInteger value) {
        return value.shiftRight(bits - prefix);
    }

    private static Optional<BigInteger> parseIpv4(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) return Optional.empty();
        long value = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Optional.empty();
            }
            // A leading zero ("010") is octal to inet_aton and decimal to others (RFC 6943 section 3.1.1): refused,
            // as the observable normaliser refuses it, so that no reading of it can match an address.
            if (part.length() > 1 && part.charAt(0) == '0') return Optional.empty();
            int octet = Integer.parseInt(part);
            if (octet > 255) return Optional.empty();
            value = (value << 8) | octet;
        }
        return Optional.of(BigInteger.valueOf(value));
    }

    private static Optional<BigInteger> parseIpv6(String host) {
        int doubleColon = host.indexOf("::");
        if (doubleColon >= 0 && host.indexOf("::", doubleColon + 1) >= 0) return Optional.empty();
        String head = doubleColon < 0 ? host : host.substring(0, doubleColon);
        String tail = doubleColon < 0 ? "" : host.substring(doubleColon + 2);
        Optional<int[]> headGroups = groups(head);
        Optional<int[]> tailGroups = groups(tail);
        if (headGroups.isEmpty() || tailGroups.isEmpty()) return Optional.empty();
        int count = headGroups.get().length + tailGroups.get().length;
        if (doubleColon < 0 ? count != 8 : count > 7) return Optional.empty();
        int[] all = new int[8];
        System.arraycopy(headGroups.get(), 0, all, 0, headGroups.get().length);
        System.arraycopy(tailGroups.get(), 0, all, 8 - tailGroups.get().length, tailGroups.get().length);
        BigInteger value = BigInteger.ZERO;
        for (int g : all) value = value.shiftLeft(16).or(BigInteger.valueOf(g));
        return Optional.of(value);
    }

    /** Colon-separated 16-bit groups; a trailing dotted IPv4 counts as two groups. */
    private static Optional<int[]> groups(String part) {
        if (part.isEmpty()) return Optional.of(new int[0]);
        String[] pieces = part.split(":", -1);
        int[] out = new int[pieces.length + 1];
        int n = 0;
        for (int i = 0; i < pieces.length; i++) {
            String p = pieces[i];
            if (i == pieces.length - 1 && p.indexOf('.') >= 0) {
                Optional<BigInteger> v4 = parseIpv4(p);
                if (v4.isEmpty()) return Optional.empty();
                out[n++] = v4.get().intValue() >>> 16;
                out[n++] = v4.get().intValue() & 0xFFFF;
                continue;
            }
            if (p.isEmpty() || p.length() > 4) return Optional.empty();
            for (char c : p.toCharArray()) {
                if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) return Optional.empty();
            }
            out[n++] = Integer.parseInt(p, 16);
        }
        return Optional.of(java.util.Arrays.copyOf(out, n));
    }
}
