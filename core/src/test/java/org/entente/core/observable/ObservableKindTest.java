package org.entente.core.observable;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ObservableKindTest {
    @Test
    void everyKindIsFoundByItsLabel() {
        for (ObservableKind.Simple kind : ObservableKind.Simple.values()) {
            assertThat(ObservableKind.ofLabel(kind.label())).contains(kind);
        }
        for (HashAlgorithm algorithm : HashAlgorithm.values()) {
            ObservableKind kind = ObservableKind.fileHash(algorithm);
            assertThat(ObservableKind.ofLabel(kind.label())).contains(kind);
        }
    }

    @Test
    void otherTextNamesNoKind() {
        assertThat(ObservableKind.ofLabel("shoe-size")).isEmpty();
        assertThat(ObservableKind.ofLabel("file:hashes.sha256")).isEmpty();
        assertThat(ObservableKind.ofLabel("file:hashes.CRC32")).isEmpty();
        assertThat(ObservableKind.ofLabel(null)).isEmpty();
    }
}
