package org.entente.core.observable;

import java.net.IDN;
import java.util.Locale;

/**
 * Domain names: lowercase, one trailing dot removed, internationalised labels converted to their ASCII
 * (A-label) form, lengths checked.
 *
 * <p>Labels are lowercased before IDNA, as UTS 46 processing does; {@link IDN#toASCII} then applies the
 * IDNA 2003 mapping (RFC 3490/3491), which differs from IDNA 2008 for a handful of characters (ß, ς, ZWJ):
 * {@code faß.de} becomes {@code fass.de}. Both sides of every comparison go through the same mapping, so
 * keys agree; the difference only matters when comparing with another tool's A-labels.
 *
 * <p>Underscores are allowed because real DNS names carry them ({@code _dmarc}, {@code _sip._tcp}); the
 * letter-digit-hyphen rule of RFC 1123 governs host names, not every name in the DNS.
 */
final class DomainNames {
    /** RFC 1035 §2.3.4: 255 octets on the wire, i.e. 253 characters in text without the trailing dot. */
    static final int MAX_LENGTH = 253;
    /** RFC 1035 §2.3.4. */
    static final int MAX_LABEL_LENGTH = 63;

    private DomainNames() {}

    static String normalise(String raw) {
        String name = raw.strip().toLowerCase(Locale.ROOT);
        // IDNA (RFC 3490 §3.1) treats these full stops as label separators; map them so the checks below see labels.
        name = name.replace('\u3002', '.').replace('\uFF0E', '.').replace('\uFF61', '.');
        if (name.endsWith(".")) name = name.substring(0, name.length() - 1); // the absolute form names the same domain
        if (name.isEmpty()) throw invalid(raw, "must not be empty");
        StringBuilder ascii = new StringBuilder(name.length());
        for (String label : name.split("\\.", -1)) {
            if (label.isEmpty()) throw invalid(raw, "empty label (consecutive dots or a leading dot)");
            String aLabel = toAscii(raw, label);
            if (aLabel.length() > MAX_LABEL_LENGTH) {
                throw invalid(raw, "label '" + aLabel + "' is longer than " + MAX_LABEL_LENGTH + " characters (RFC 1035 §2.3.4)");
            }
            for (int i = 0; i < aLabel.length(); i++) {
                char c = aLabel.charAt(i);
                if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                    throw invalid(raw, "character '" + c + "' is not allowed in a domain name label");
                }
            }
            if (!ascii.isEmpty()) ascii.append('.');
            ascii.append(aLabel);
        }
        if (ascii.length() > MAX_LENGTH) {
            throw invalid(raw, "longer than " + MAX_LENGTH + " characters (RFC 1035 §2.3.4)");
        }
        return ascii.toString();
    }

    private static String toAscii(String raw, String label) {
        if (label.chars().allMatch(c -> c < 0x80)) return label;
        try {
            // Flags 0: unassigned code points are refused and STD3 rules are not applied (see the class comment).
            return IDN.toASCII(label, 0).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw invalid(raw, "label '" + label + "' cannot be converted by IDNA: " + e.getMessage());
        }
    }

    private static InvalidObservableException invalid(String raw, String rule) {
        return new InvalidObservableException(ObservableKind.DOMAIN_NAME, raw, rule);
    }
}
