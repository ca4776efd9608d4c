package org.entente.core.observable;

/**
 * IPv4 addresses and CIDR blocks in dotted-quad form. A part with a leading zero is refused rather than
 * read: {@code inet_aton} reads {@code 010} as octal 8 while others read decimal 10, so either reading
 * could match the wrong address. A CIDR block has its host bits cleared ({@code 10.1.2.3/8} becomes
 * {@code 10.0.0.0/8}, as RFC 4632 §3.1 writes prefixes) and a {@code /32} is the plain address.
 */
final class Ipv4Addresses {
    private Ipv4Addresses() {}

    static String normalise(String raw) {
        String text = raw.strip();
        int slash = text.indexOf('/');
        if (slash < 0) return format(parse(raw, text));
        int prefix = Prefixes.parse(ObservableKind.IPV4, raw, text.substring(slash + 1), 32);
        int address = parse(raw, text.substring(0, slash));
        if (prefix == 32) return format(address);
        int mask = prefix == 0 ? 0 : -1 << (32 - prefix);
        return format(address & mask) + "/" + prefix;
    }

    /** Whether {@code host} is written as digits and dots, so that it must be read as an IPv4 address. */
    static boolean looksLikeIpv4(String host) {
        return !host.isEmpty() && host.chars().allMatch(c -> c >= '0' && c <= '9' || c == '.');
    }

    /** The address as a 32-bit number. */
    static int parse(String raw, String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) throw invalid(raw, "an IPv4 address has four dot-separated decimal parts");
        int address = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw invalid(raw, "each part is a decimal number from 0 to 255");
            }
            if (part.length() > 1 && part.charAt(0) == '0') {
                throw invalid(raw, "part '" + part + "' has a leading zero, which some parsers read as octal");
            }
            int value = Integer.parseInt(part);
            if (value > 255) throw invalid(raw, "part " + value + " is greater than 255");
            address = address << 8 | value;
        }
        return address;
    }

    static String format(int address) {
        return (address >>> 24) + "." + (address >>> 16 & 0xff) + "." + (address >>> 8 & 0xff) + "." + (address & 0xff);
    }

    private static InvalidObservableException invalid(String raw, String rule) {
        return new InvalidObservableException(ObservableKind.IPV4, raw, rule);
    }
}
