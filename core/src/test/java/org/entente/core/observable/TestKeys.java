package org.entente.core.observable;

import java.nio.charset.StandardCharsets;

/** Fixed blinding keys for tests. */
final class TestKeys {
    static final CardBlindingKey COMMUNITY = CardBlindingKey.of("entente test community card key, 32+ bytes".getBytes(StandardCharsets.UTF_8));
    static final CardBlindingKey OTHER = CardBlindingKey.of("another community's card key, also 32+ bytes".getBytes(StandardCharsets.UTF_8));

    private TestKeys() {}
}
