package org.entente.core.stix;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A STIX identifier {@code <object-type>--<UUID>} (section 2.9): the object-type is the exact {@code type}
 * of the object identified and the UUID is an RFC 4122 UUID (version 1 to 5, variant 10xx).
 */
public record StixIdentifier(String type, UUID uuid) {
    // The type part follows the type-name rules of section 3.1 loosely here; StixValidator checks types.
    private static final Pattern FORMAT = Pattern.compile(
            "([a-z0-9][a-z0-9-]*[a-z0-9])--([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12})");

    /** Parses an identifier, or empty when the text is not one. */
    public static Optional<StixIdentifier> parse(String text) {
        if (text == null) return Optional.empty();
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) return Optional.empty();
        return Optional.of(new StixIdentifier(m.group(1), UUID.fromString(m.group(2))));
    }

    public static boolean isIdentifier(Object value) {
        return value instanceof String s && parse(s).isPresent();
    }

    @Override
    public String toString() {
        return type + "--" + uuid;
    }
}
