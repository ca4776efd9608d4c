package org.entente.core.stix;

import java.util.Set;

/**
 * The {@code type} and {@code id} rules every STIX object follows, in 2.0 and 2.1 alike: a type name of 3 to
 * 250 characters of a-z, 0-9 and hyphen without a double hyphen (2.1 section 11.2, the same for defined
 * types), and an id {@code <type>--<UUID>} whose type part is exactly {@code type} (section 2.9).
 */
final class IdentityRules {
    private static final int SHORTEST_TYPE = 3;
    private static final int LONGEST_TYPE = 250;
    /** Object type names STIX 2.1 reserves for future use. */
    private static final Set<String> RESERVED_TYPES = Set.of("action");

    private IdentityRules() {}

    /** @param definedType true when the type is one the specification defines, whose name is known to be good */
    static void check(StixObject object, boolean definedType, Findings findings) {
        Object type = object.get("type");
        if (definedType) {
            // Nothing to scan: every defined type name follows the rules below.
        } else if (!(type instanceof String typeName)) {
            findings.error("type", type == null
                    ? "type is required (3.2)"
                    : "type MUST be a string, not " + JsonValues.describe(type) + " (3.2)");
        } else if (!isTypeName(typeName)) {
            findings.error("type", "type '" + typeName + "' MUST be 3-250 characters of a-z, 0-9 and hyphen, "
                    + "without two hyphens in a row (11.2)");
        } else if (RESERVED_TYPES.contains(typeName)) {
            findings.error("type", "type '" + typeName + "' is reserved for future use and MUST NOT be used");
        }
        Object id = object.get("id");
        if (!(id instanceof String idText)) {
            findings.error("id", id == null ? "id is required (3.2)"
                    : "id MUST be an identifier string, not " + JsonValues.describe(id) + " (2.9)");
            return;
        }
        if (!findings.isIdentifier(idText)) {
            findings.error("id", "id '" + idText + "' MUST be <type>--<RFC 4122 UUID> (2.9)");
        } else if (type instanceof String typeName && !StixIdentifier.hasType(idText, typeName)) {
            findings.error("id", "the type part of id '" + idText + "' MUST equal the object's type '"
                    + typeName + "' (2.9)");
        }
    }

    /** {@code [a-z0-9-]{3,250}} without {@code --}. */
    private static boolean isTypeName(String name) {
        return name.length() >= SHORTEST_TYPE && name.length() <= LONGEST_TYPE
                && Ascii.isLowercaseLettersDigitsHyphens(name) && !name.contains("--");
    }
}
