package org.entente.core.observable;

import java.util.Locale;

/**
 * E-mail addresses: a display name and angle brackets ({@code "Jane" <jane@example.com>}) and a
 * {@code mailto:} prefix are removed; the domain follows the domain-name rules; the local part is
 * lowercased or kept by {@link EmailLocalPart}. Provider-specific aliases (dots and {@code +tags} at
 * some providers) are not folded: they are conventions of single providers, not of e-mail.
 */
final class EmailAddresses {
    /** RFC 5321 §4.5.3.1.1. */
    private static final int MAX_LOCAL_PART = 64;

    private EmailAddresses() {}

    static String normalise(String raw, EmailLocalPart localPartRule) {
        String address = raw.strip();
        int open = address.lastIndexOf('<');
        if (open >= 0) {
            int close = address.indexOf('>', open);
            if (close < 0) throw invalid(raw, "'<' without a closing '>'");
            address = address.substring(open + 1, close).strip();
        }
        if (address.regionMatches(true, 0, "mailto:", 0, 7)) address = address.substring(7);
        int at = address.lastIndexOf('@');
        if (at < 0) throw invalid(raw, "an address has a local part, '@' and a domain");
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        if (local.isEmpty()) throw invalid(raw, "the local part before '@' is empty");
        if (local.length() > MAX_LOCAL_PART) throw invalid(raw, "the local part is longer than 64 characters (RFC 5321 §4.5.3.1.1)");
        boolean quoted = local.length() >= 2 && local.startsWith("\"") && local.endsWith("\"");
        if (!quoted && local.chars().anyMatch(c -> c <= ' ' || c == '@' || c == '<' || c == '>' || c == 0x7f)) {
            throw invalid(raw, "the local part holds a character only a quoted local part may hold (RFC 5322 §3.4.1)");
        }
        if (localPartRule == EmailLocalPart.LOWERCASE) local = local.toLowerCase(Locale.ROOT);
        return local + "@" + domain(raw, domain);
    }

    private static String domain(String raw, String domain) {
        if (domain.startsWith("[") && domain.endsWith("]")) { // address literal, RFC 5321 §4.1.3
            String literal = domain.substring(1, domain.length() - 1);
            try {
                if (literal.regionMatches(true, 0, "IPv6:", 0, 5)) {
                    return "[IPv6:" + Ipv6Addresses.format(Ipv6Addresses.parse(raw, literal.substring(5))) + "]";
                }
                return "[" + Ipv4Addresses.format(Ipv4Addresses.parse(raw, literal)) + "]";
            } catch (InvalidObservableException e) {
                throw invalid(raw, "address literal: " + e.rule());
            }
        }
        try {
            return DomainNames.normalise(domain);
        } catch (InvalidObservableException e) {
            throw invalid(raw, "domain: " + e.rule());
        }
    }

    private static InvalidObservableException invalid(String raw, String rule) {
        return new InvalidObservableException(ObservableKind.EMAIL_ADDR, raw, rule);
    }
}
