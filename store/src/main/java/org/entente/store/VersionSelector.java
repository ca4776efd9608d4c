package org.entente.store;

import java.time.Instant;
import java.util.Set;

/**
 * TAXII 2.1 {@code match[version]}: any combination of {@code first}, {@code last}, {@code all} and
 * explicit timestamps (section 3.4.2); a version is selected when any of the parts selects it.
 * The default is {@code last}.
 */
public record VersionSelector(boolean first, boolean last, boolean all, Set<Instant> at) {
    public static final VersionSelector LAST = new VersionSelector(false, true, false, Set.of());
    public static final VersionSelector ALL = new VersionSelector(false, false, true, Set.of());
    public static final VersionSelector FIRST = new VersionSelector(true, false, false, Set.of());

    public VersionSelector {
        at = Set.copyOf(at);
    }

    public static VersionSelector at(Instant... versions) {
        return new VersionSelector(false, false, false, Set.of(versions));
    }
}
