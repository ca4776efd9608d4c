package org.entente.federation.identity;

import java.security.PublicKey;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One signing key of a member with the period in which it signed: from its creation (or rotation in)
 * until the next key took over. Retired keys stay in the chain so that what they signed stays
 * verifiable; a signature claiming a time outside the period is not accepted.
 */
public record ChainedKey(KeyId id, PublicKey key, Instant validFrom, Optional<Instant> validUntil) {
    public ChainedKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
    }

    /** Whether the key was the member's current key at {@code instant} (start inclusive, end exclusive). */
    public boolean validAt(Instant instant) {
        return !instant.isBefore(validFrom) && validUntil.map(instant::isBefore).orElse(true);
    }

    public boolean isCurrent() {
        return validUntil.isEmpty();
    }

    ChainedKey retiredAt(Instant until) {
        return new ChainedKey(id, key, validFrom, Optional.of(until));
    }
}
