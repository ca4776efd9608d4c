package org.entente.core.observable;

/**
 * IPv6 addresses and CIDR blocks in the canonical text of RFC 5952: lowercase hex, no leading zeros
 * (§4.1), the longest run of two or more zero groups compressed to {@code ::}, the first one on a tie, a
 * single zero group never compressed (§4.2), and IPv4-mapped addresses written {@code ::ffff:a.b.c.d}
 * (§5). A CIDR block has its host bits cleared; a {@code /128} is the plain address. Zone identifiers
 * ({@code fe80::1%eth0}) name an interface of one host, so they are refused as observables.
 */
final class Ipv6Addresses {
    private static final int GROUPS = 8;

    private Ipv6Addresses() {}

    static String normalise(String raw) {
        String text = raw.strip();
        int slash = text.indexOf('/');
        if (slash < 0) return format(parse(raw, text));
        int prefix = Prefixes.parse(ObservableKind.IPV6, raw, text.substring(slash + 1), 128);
        int[] groups = parse(raw, text.substring(0, slash));
        if (prefix == 128) return format(groups);
        for (int i = 0; i < GROUPS; i++) {
            int bitsKept = Math.max(0, Math.min(16, prefix - 16 * i));
            int mask = bitsKept == 0 ? 0 : 0xffff << (16 - bitsKept) & 0xffff;
            groups[i] &= mask;
        }
        return format(groups) + "/" + prefix;
    }

    /** The eight 16-bit groups of an address in any RFC 4291 §2.2 text form. */
    static int[] parse(String raw, String text) {
        if (text.indexOf('%') >= 0) throw invalid(raw, "zone identifiers are local to one host and are not accepted");
        int doubleColon = text.indexOf("::");
        if (doubleColon >= 0 && text.indexOf("::", doubleColon + 1) >= 0) {
            throw invalid(raw, "'::' may appear only once (RFC 4291 §2.2)");
        }
        int[] head = groups(raw, doubleColon < 0 ? text : text.substring(0, doubleColon), doubleColon < 0);
        int[] tail = doubleColon < 0 ? new int[0] : groups(raw, text.substring(doubleColon + 2), true);
        int explicit = head.length + tail.length;
        if (doubleColon < 0 && explicit != GROUPS) throw invalid(raw, "an address without '::' has eight groups");
        if (doubleColon >= 0 && explicit > GROUPS - 1) throw invalid(raw, "'::' stands for at least one zero group, so at most seven may be written");
        int[] result = new int[GROUPS];
        System.arraycopy(head, 0, result, 0, head.length);
        System.arraycopy(tail, 0, result, GROUPS - tail.length, tail.length);
        return result;
    }

    /** The groups of one side of {@code ::}; the last group may be a dotted IPv4 address (two groups). */
    private static int[] groups(String raw, String side, boolean mayEndWithIpv4) {
        if (side.isEmpty()) return new int[0];
        String[] parts = side.split(":", -1);
        boolean endsWithIpv4 = parts[parts.length - 1].indexOf('.') >= 0;
        if (endsWithIpv4 && !mayEndWithIpv4) throw invalid(raw, "an embedded IPv4 address must come last");
        int[] groups = new int[parts.length + (endsWithIpv4 ? 1 : 0)];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (endsWithIpv4 && i == parts.length - 1) {
                int ipv4;
                try {
                    ipv4 = Ipv4Addresses.parse(raw, part);
                } catch (InvalidObservableException e) {
                    throw invalid(raw, "embedded IPv4 address: " + e.rule());
                }
                groups[i] = ipv4 >>> 16;
                groups[i + 1] = ipv4 & 0xffff;
                continue;
            }
            if (part.isEmpty() || part.length() > 4) throw invalid(raw, "each group is one to four hex digits");
            try {
                groups[i] = Integer.parseInt(part, 16);
            } catch (NumberFormatException e) {
                throw invalid(raw, "group '" + part + "' is not hexadecimal");
            }
            if (part.charAt(0) == '+' || part.charAt(0) == '-') throw invalid(raw, "group '" + part + "' is not hexadecimal");
        }
        return groups;
    }

    static String format(int[] groups) {
        if (isIpv4Mapped(groups)) {
            return "::ffff:" + Ipv4Addresses.format(groups[6] << 16 | groups[7]);
        }
        int bestStart = -1;
        int bestLength = 1; // RFC 5952 §4.2.2: a single zero group is not compressed
        for (int i = 0; i < GROUPS; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < GROUPS && groups[i] == 0) i++;
            if (i - start > bestLength) { // strictly longer: the first of equal runs wins (§4.2.3)
                bestStart = start;
                bestLength = i - start;
            }
        }
        StringBuilder text = new StringBuilder(39);
        for (int i = 0; i < GROUPS; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (!text.isEmpty() && text.charAt(text.length() - 1) != ':') text.append(':');
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }

    private static boolean isIpv4Mapped(int[] groups) {
        for (int i = 0; i < 5; i++) if (groups[i] != 0) return false;
        return groups[5] == 0xffff;
    }

    private static InvalidObservableException invalid(String raw, String rule) {
        return new InvalidObservableException(ObservableKind.IPV6, raw, rule);
    }
}
