package org.entente.federation.identity.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import org.entente.federation.codec.JsonFieldException;
import org.entente.federation.identity.Ed25519;
import org.entente.federation.identity.SigningKeyChain;
import org.junit.jupiter.api.Test;

class SigningKeyChainJsonTest {
    final KeyPair first = Ed25519.generate();
    final KeyPair second = Ed25519.generate();
    final KeyPair third = Ed25519.generate();
    final SigningKeyChain chain = SigningKeyChain.start(first.getPublic(), Instant.parse("2026-01-01T00:00:00.000Z"))
            .rotate(first.getPrivate(), second.getPublic(), Instant.parse("2026-02-01T00:00:00.000Z"))
            .rotate(second.getPrivate(), third.getPublic(), Instant.parse("2026-03-01T00:00:00.000Z"));

    @Test
    void aChainWithRotationsReadsBackEqualAndVerified() {
        SigningKeyChain read = SigningKeyChainJson.read(SigningKeyChainJson.write(chain));

        assertThat(read).isEqualTo(chain);
        assertThat(read.keys()).hasSize(3);
        assertThat(read.current().id()).isEqualTo(chain.current().id());
    }

    @Test
    void aRotationWhoseDateWasMovedNoLongerVerifies() {
        String json = new String(SigningKeyChainJson.write(chain), StandardCharsets.UTF_8)
                .replace("2026-02-01T00:00:00.000Z", "2026-02-02T00:00:00.000Z");

        assertThatThrownBy(() -> SigningKeyChainJson.read(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(JsonFieldException.class)
                .hasMessageContaining("rotations")
                .hasMessageContaining("not signed by the key it replaces");
    }

    @Test
    void aTimestampWithoutMillisecondsIsRefusedBecauseItIsSignedWithThem() {
        String json = new String(SigningKeyChainJson.write(chain), StandardCharsets.UTF_8)
                .replace("2026-02-01T00:00:00.000Z", "2026-02-01T00:00:00Z");

        assertThatThrownBy(() -> SigningKeyChainJson.read(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(JsonFieldException.class)
                .hasMessageStartingWith("rotations[0].valid_from");
    }
}
