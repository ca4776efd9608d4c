package org.entente.core.policy;

import java.util.Optional;
import org.entente.core.stix.TlpMarkings;

/**
 * Traffic Light Protocol 2.0 levels, from the least to the most restrictive. TLP 1.0 markings map onto
 * them (WHITE is CLEAR; 1.0 has no AMBER+STRICT).
 *
 * <p>What each level lets a recipient do (FIRST TLP 2.0): CLEAR, disclose to anyone; GREEN, share within
 * its community; AMBER, share within its organisation and its clients; AMBER+STRICT, share within its
 * organisation only; RED, nobody beyond the named recipients.
 */
public enum Tlp {
    CLEAR("clear"),
    GREEN("green"),
    AMBER("amber"),
    AMBER_STRICT("amber+strict"),
    RED("red");

    private final String level;

    Tlp(String level) {
        this.level = level;
    }

    /** Whether this level is no more restrictive than {@code other}. */
    public boolean atMost(Tlp other) {
        return compareTo(other) <= 0;
    }

    /** May a recipient pass this on to another organisation at all (given the channel allows it)? */
    public boolean allowsOnwardSharing() {
        return this == CLEAR || this == GREEN;
    }

    /** The level as TLP 2.0 writes it in {@code tlp_2_0}: {@code clear}, …, {@code amber+strict}. */
    public String level() {
        return level;
    }

    /** The TLP 2.0 marking-definition id of this level. */
    public String markingId() {
        return TlpMarkings.TLP2_IDS.get(level);
    }

    /** The level named by a TLP 2.0 or 1.0 marking-definition id. */
    public static Optional<Tlp> ofMarking(String markingId) {
        Optional<String> v2 = TlpMarkings.tlp2LevelOf(markingId);
        if (v2.isPresent()) return parse(v2.get());
        return TlpMarkings.tlp1LevelOf(markingId).map(v1 -> v1.equals("white") ? CLEAR : parse(v1).orElseThrow());
    }

    /** Parses {@code clear}, {@code TLP:AMBER+STRICT}, {@code amber_strict}, … case-insensitively. */
    public static Optional<Tlp> parse(String text) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT).replace("tlp:", "").replace('_', '+');
        if (t.equals("white")) return Optional.of(CLEAR);
        for (Tlp tlp : values()) {
            if (tlp.level.equals(t)) return Optional.of(tlp);
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return TlpMarkings.tlp2Name(level);
    }
}
