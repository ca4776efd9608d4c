package org.entente.core.stix;

import java.util.List;

/**
 * Rules on the top-level property names and values of a STIX 2.1 object: names of 3 to 250 characters of
 * a-z, 0-9 and underscore starting with a letter (section 3.1 for defined properties, 11.1 for custom ones; {@code id} is the one
 * defined shorter name), no reserved names (section 3.1), no empty lists (2.12), and no JSON null (an
 * absent optional value is omitted).
 */
final class PropertyNameRules {
    /**
     * Names already found to break no name rule, in a direct-mapped cache: a name can only sit in the slot its
     * hash picks. Objects reuse a few dozen names, so after the first few objects a name costs an array read
     * and a comparison (the parser hands out the same String for the same name, whose hash is kept) instead of
     * a scan. A plain array rather than a concurrent set, which cost more than the scan it saved: slots are
     * written without locks, which is safe because a slot only ever holds a whole, immutable String, and a
     * name pushed out by another simply gets checked again. Its fixed size bounds what outside input can fill.
     */
    private static final String[] KNOWN_GOOD_NAMES = new String[512];
    private static final int SHORTEST_NAME = 3;
    private static final int LONGEST_NAME = 250;

    private PropertyNameRules() {}

    static void check(StixObject object, Findings findings) {
        // forEach rather than entrySet(): the read-only view wraps every entry it iterates.
        object.properties().forEach((name, value) -> {
            if (!name.equals(KNOWN_GOOD_NAMES[slotOf(name)])) checkName(name, findings);
            if (value instanceof List<?> list && list.isEmpty()) {
                findings.error(name, "an empty list MUST NOT be used; omit the property instead (2.12)");
            }
            if (value == null) {
                findings.warning(name, "an optional property without a value SHOULD be omitted, not set to null");
            }
        });
    }

    private static void checkName(String name, Findings findings) {
        boolean good = true;
        if (!name.equals("id") && !isPropertyName(name)) {
            findings.error(name, "property names MUST be 3-250 characters of a-z, 0-9 and underscore, starting with a letter (3.1, 11.1)");
            good = false;
        }
        if (isReserved(name)) {
            findings.error(name, "'" + name + "' is reserved for future use and MUST NOT be present (reserved names, 3.1)");
            good = false;
        }
        if (good) KNOWN_GOOD_NAMES[slotOf(name)] = name;
    }

    private static int slotOf(String name) {
        return name.hashCode() & (KNOWN_GOOD_NAMES.length - 1);
    }

    /**
     * Reserved in STIX 2.1 (the specification's "RESERVED FOR FUTURE USE"; also the JSON schemas' list).
     */
    private static boolean isReserved(String name) {
        return switch (name) {
            case "severity", "action", "usernames", "phone_numbers", "addresses",
                 "first_seen_precision", "last_seen_precision", "valid_from_precision", "valid_until_precision" -> true;
            default -> false;
        };
    }

    /**
     * {@code [a-z][a-z0-9_]{2,249}}, scanned by hand because it runs for every property of every object.
     * 2.1 also requires a letter first (changed in working draft 07, kept in the standard).
     */
    static boolean isPropertyName(String name) {
        if (name.length() < SHORTEST_NAME || name.length() > LONGEST_NAME) return false;
        if (!Ascii.isLowercaseLetter(name.charAt(0))) return false;
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Ascii.isLowercaseLetterOrDigit(c) && c != '_') return false;
        }
        return true;
    }
}
