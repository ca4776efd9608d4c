package org.entente.core.stix;

import java.util.Optional;
import java.util.UUID;

/**
 * A STIX identifier {@code <object-type>--<UUID>} (section 2.9): the object-type is the exact {@code type}
 * of the object identified and the UUID is an RFC 4122 UUID (version 1 to 5, variant 10xx).
 *
 * <p>The syntax is checked by a character scan, not a regular expression: every object carries several
 * identifiers, and a regex match per identifier used to be a third of the validator's time. The accepted
 * language is exactly that of the former pattern
 * {@code ([a-z0-9][a-z0-9-]*[a-z0-9])--([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12})}
 * (SyntaxScannerProperties checks the two agree).
 */
public record StixIdentifier(String type, UUID uuid) {
    /** A UUID in its canonical text form is always 36 characters, so it ends the identifier at a fixed width. */
    private static final int UUID_LENGTH = 36;
    /** "--" and the UUID: the type part is everything before them. */
    private static final int SEPARATOR_AND_UUID = 2 + UUID_LENGTH;
    /** The shortest type part the syntax allows: a first and a last character. */
    private static final int SHORTEST_TYPE = 2;

    /** Parses an identifier, or empty when the text is not one. */
    public static Optional<StixIdentifier> parse(String text) {
        if (!isWellFormed(text)) return Optional.empty();
        int typeEnd = text.length() - SEPARATOR_AND_UUID;
        return Optional.of(new StixIdentifier(text.substring(0, typeEnd),
                UUID.fromString(text.substring(typeEnd + 2))));
    }

    public static boolean isIdentifier(Object value) {
        return value instanceof String s && isWellFormed(s);
    }

    /**
     * The type part of an identifier, or null when the text is not an identifier. For rules that only need
     * the type, this skips building the UUID and the {@code Optional}.
     */
    static String typeOf(String text) {
        return isWellFormed(text) ? text.substring(0, text.length() - SEPARATOR_AND_UUID) : null;
    }

    /** The type part of an identifier already found {@link #isWellFormed well-formed}. */
    static String typePartOf(String identifier) {
        return identifier.substring(0, identifier.length() - SEPARATOR_AND_UUID);
    }

    /**
     * True when {@code identifier}, a well-formed identifier, has the type part {@code type}; no substring made.
     * Compared character by character: type names are a few characters long, too short for the vectorised
     * comparison behind {@code startsWith} to pay for its set-up, and this runs for most references.
     */
    static boolean hasType(String identifier, String type) {
        int length = type.length();
        if (identifier.length() - SEPARATOR_AND_UUID != length) return false;
        for (int i = 0; i < length; i++) {
            if (identifier.charAt(i) != type.charAt(i)) return false;
        }
        return true;
    }

    /** True when the text is {@code <type>--<UUID>}. */
    static boolean isWellFormed(String text) {
        if (text == null || text.length() < SHORTEST_TYPE + SEPARATOR_AND_UUID) return false;
        int typeEnd = text.length() - SEPARATOR_AND_UUID;
        return isTypePart(text, typeEnd)
                && text.charAt(typeEnd) == '-' && text.charAt(typeEnd + 1) == '-'
                && isUuid(text, typeEnd + 2);
    }

    /** {@code [a-z0-9][a-z0-9-]*[a-z0-9]}: lowercase letters, digits and hyphens, not starting or ending with a hyphen. */
    private static boolean isTypePart(String text, int end) {
        if (text.charAt(0) == '-' || text.charAt(end - 1) == '-') return false;
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c >= CLASSES.length || (CLASSES[c] & TYPE_CHARACTER) == 0) return false;
        }
        return true;
    }

    /**
     * Character classes of an identifier, as bits: which positions of {@link #UUID_LAYOUT} a character may
     * fill, and whether it may appear in the type part (a-z, 0-9, hyphen).
     */
    private static final byte HEX = 1, HYPHEN = 2, VERSION = 4, VARIANT = 8, TYPE_CHARACTER = 16;
    /** For each ASCII character, the classes it belongs to. */
    private static final byte[] CLASSES = new byte[128];
    /**
     * {@code xxxxxxxx-xxxx-Vxxx-Nxxx-xxxxxxxxxxxx}: for each of the 36 positions the class its character must
     * have: hexadecimal digits in either case, the version V from 1 to 5, the variant N one of 8, 9, a, b
     * (RFC 4122).
     */
    private static final byte[] UUID_LAYOUT = new byte[UUID_LENGTH];

    static {
        for (char c = 0; c < CLASSES.length; c++) {
            if (Ascii.isHexDigit(c)) CLASSES[c] |= HEX;
            if (c >= '1' && c <= '5') CLASSES[c] |= VERSION;
            if ("89abAB".indexOf(c) >= 0) CLASSES[c] |= VARIANT;
            if (Ascii.isLowercaseLetterOrDigit(c) || c == '-') CLASSES[c] |= TYPE_CHARACTER;
        }
        CLASSES['-'] |= HYPHEN;
        String layout = "xxxxxxxx-xxxx-Vxxx-Nxxx-xxxxxxxxxxxx";
        for (int i = 0; i < UUID_LENGTH; i++) {
            UUID_LAYOUT[i] = switch (layout.charAt(i)) {
                case '-' -> HYPHEN;
                case 'V' -> VERSION;
                case 'N' -> VARIANT;
                default -> HEX;
            };
        }
    }

    /**
     * A UUID from {@code start} to the end of the text. One table lookup per character rather than a chain
     * of comparisons: this scan runs for every identifier of every object, several per object.
     */
    private static boolean isUuid(String text, int start) {
        for (int i = 0; i < UUID_LENGTH; i++) {
            char c = text.charAt(start + i);
            if (c >= CLASSES.length || (CLASSES[c] & UUID_LAYOUT[i]) == 0) return false;
        }
        return true;
    }

    @Override
    public String toString() {
        return type + "--" + uuid;
    }
}
