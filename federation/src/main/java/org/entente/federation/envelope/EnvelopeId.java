package org.entente.federation.envelope;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/** The unique id of one envelope, {@code envelope--<UUIDv4>}: what the replay seen-set remembers. */
public record EnvelopeId(String value) {
    private static final Pattern FORMAT =
            Pattern.compile("envelope--[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

    public EnvelopeId {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("an envelope id is envelope--<UUIDv4 in lowercase>, not '" + value + "'");
        }
    }

    /** A fresh id; {@link UUID#randomUUID()} draws from a cryptographically strong generator. */
    public static EnvelopeId random() {
        return new EnvelopeId("envelope--" + UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value;
    }
}
