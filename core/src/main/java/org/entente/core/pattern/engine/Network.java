package org.entente.core.pattern.engine;

/**
 * An IPv4 or IPv6 address block as numbers: the address (IPv4 in {@code low}) with host bits cleared and the
 * prefix length; a bare address is the block of its full length. Parses only the canonical text the normaliser
 * produces (and, for IPv4, canonical dotted quads given directly); anything else is null.
 */
record Network(boolean v6, long high, long low, int prefix) {

    int bits() {
        return v6 ? 128 : 32;
    }

    /** This block's address cut to {@code length} bits, as (high, low). */
    long maskedHigh(int length) {
        if (!v6) return 0;
        return length >= 64 ? high : length == 0 ? 0 : high & -1L << (64 - length);
    }

    long maskedLow(int length) {
        if (!v6) return length == 0 ? 0 : low & (0xFFFFFFFFL << (32 - length)) & 0xFFFFFFFFL;
        return length <= 64 ? 0 : length == 128 ? low : low & -1L << (128 - length);
    }

    /** The canonical dotted quad of an IPv4 address (as the normaliser writes it: decimal parts, no leading zeros). */
    static String ipv4Text(long address) {
        return (address >>> 24 & 255) + "." + (address >>> 16 & 255) + "." + (address >>> 8 & 255) + "." + (address & 255);
    }

    static Network parseIpv4(String text) {
        int n = text.length();
        long address = 0;
        int part = 0;
        int digits = 0;
        int value = 0;
        int i = 0;
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (digits == 1 && value == 0) return null; // a leading zero: the normaliser refuses it
                value = value * 10 + (c - '0');
                if (++digits > 3 || value > 255) return null;
            } else if (c == '.' || c == '/') {
                if (digits == 0) return null;
                address = address << 8 | value;
                part++;
                digits = 0;
                value = 0;
                if (c == '/') break;
                if (part > 3) return null;
            } else {
                return null;
            }
        }
        if (i == n) {
            if (digits == 0 || part != 3) return null;
            return new Network(false, 0, address << 8 | value, 32);
        }
        if (part != 4) return null;
        int prefix = 0;
        int prefixDigits = 0;
        for (i++; i < n; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9' || ++prefixDigits > 2) return null;
            prefix = prefix * 10 + (c - '0');
        }
        if (prefixDigits == 0 || prefix > 32) return null;
        long mask = prefix == 0 ? 0 : 0xFFFFFFFFL << (32 - prefix) & 0xFFFFFFFFL;
        return new Network(false, 0, address & mask, prefix);
    }

    /** The normaliser's RFC 5952 text, possibly with {@code ::ffff:a.b.c.d} and a {@code /prefix}. */
    static Network parseIpv6(String text) {
        int slash = text.indexOf('/');
        String host = slash < 0 ? text : text.substring(0, slash);
        int prefix = slash < 0 ? 128 : Integer.parseInt(text.substring(slash + 1));
        int[] groups = new int[8];
        int doubleColon = host.indexOf("::");
        String head = doubleColon < 0 ? host : host.substring(0, doubleColon);
        String tail = doubleColon < 0 ? "" : host.substring(doubleColon + 2);
        int[] headGroups = groups(head);
        int[] tailGroups = groups(tail);
        if (headGroups == null || tailGroups == null) return null;
        System.arraycopy(headGroups, 0, groups, 0, headGroups.length);
        System.arraycopy(tailGroups, 0, groups, 8 - tailGroups.length, tailGroups.length);
        long high = 0;
        long low = 0;
        for (int g = 0; g < 4; g++) high = high << 16 | groups[g];
        for (int g = 4; g < 8; g++) low = low << 16 | groups[g];
        Network block = new Network(true, high, low, prefix);
        return new Network(true, block.maskedHigh(prefix), block.maskedLow(prefix), prefix);
    }

    private static int[] groups(String side) {
        if (side.isEmpty()) return new int[0];
        String[] parts = side.split(":", -1);
        boolean v4 = parts[parts.length - 1].indexOf('.') >= 0;
        int[] out = new int[parts.length + (v4 ? 1 : 0)];
        for (int i = 0; i < parts.length; i++) {
            if (v4 && i == parts.length - 1) {
                Network embedded = parseIpv4(parts[i]);
                if (embedded == null) return null;
                out[i] = (int) (embedded.low >>> 16);
                out[i + 1] = (int) (embedded.low & 0xFFFF);
            } else {
                out[i] = Integer.parseInt(parts[i], 16);
            }
        }
        return out;
    }
}
