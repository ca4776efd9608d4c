package org.entente.core.observable;

/** The prefix length of a CIDR block (RFC 4632 §3.1, RFC 4291 §2.3). */
final class Prefixes {
    private Prefixes() {}

    static int parse(ObservableKind kind, String raw, String text, int maximum) {
        if (text.isEmpty() || text.length() > 3 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidObservableException(kind, raw, "the prefix length after '/' is a decimal number from 0 to " + maximum);
        }
        int prefix = Integer.parseInt(text);
        if (prefix > maximum) {
            throw new InvalidObservableException(kind, raw, "prefix length " + prefix + " is greater than " + maximum);
        }
        return prefix;
    }
}
