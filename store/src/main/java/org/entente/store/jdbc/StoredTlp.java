package org.entente.store.jdbc;

import org.entente.core.policy.Tlp;

/** A TLP is stored as TLP 2.0 writes its level: clear, green, amber, amber+strict, red. */
final class StoredTlp {
    private StoredTlp() {}

    static String of(Tlp tlp) {
        return tlp.level();
    }

    static Tlp parse(String stored) {
        return Tlp.parse(stored).orElseThrow(() -> new IllegalStateException("stored TLP not understood: " + stored));
    }
}
