package org.entente.federation.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.entente.core.policy.MemberId;
import org.junit.jupiter.api.Test;

class SigningKeyChainTest {
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00.000Z");
    static final Instant T1 = T0.plus(Duration.ofDays(30));
    static final Instant T2 = T1.plus(Duration.ofDays(30));

    final KeyPair first = Ed25519.generate();
    final KeyPair second = Ed25519.generate();
    final KeyPair third = Ed25519.generate();

    @Test
    void theMemberIdIsDerivedFromTheFirstKeyAndSurvivesRotations() {
        SigningKeyChain chain = SigningKeyChain.start(first.getPublic(), T0)
                .rotate(first.getPrivate(), second.getPublic(), T1)
                .rotate(second.getPrivate(), third.getPublic(), T2);

        assertThat(chain.member()).isEqualTo(MemberId.ofPublicKey(first.getPublic().getEncoded()));
        assertThat(chain.current().id()).isEqualTo(KeyId.of(third.getPublic()));
    }

    @Test
    void retiredKeysKeepTheirPeriod() {
        SigningKeyChain chain = SigningKeyChain.start(first.getPublic(), T0).rotate(first.getPrivate(), second.getPublic(), T1);

        ChainedKey old = chain.key(KeyId.of(first.getPublic())).orElseThrow();
        assertThat(old.validAt(T0)).isTrue();
        assertThat(old.validAt(T1.minusMillis(1))).isTrue();
        assertThat(old.validAt(T1)).isFalse();
        assertThat(chain.current().validAt(T1)).isTrue();
        assertThat(chain.current().validAt(T1.minusMillis(1))).isFalse();
    }

    @Test
    void aRotationNotSignedByThePreviousKeyBreaksTheChain() {
        MemberId member = MemberId.ofPublicKey(first.getPublic().getEncoded());
        KeyRotation forged = KeyRotation.sign(member, KeyId.of(first.getPublic()), second.getPrivate(), third.getPublic(), T1);

        assertThatThrownBy(() -> SigningKeyChain.of(first.getPublic(), T0, List.of(forged)))
                .isInstanceOf(InvalidKeyChainException.class)
                .hasMessageContaining("not signed by the key it replaces");
    }

    @Test
    void aRotationCannotTakeEffectBeforeTheKeyItReplaces() {
        assertThatThrownBy(() -> SigningKeyChain.start(first.getPublic(), T0).rotate(first.getPrivate(), second.getPublic(), T0))
                .isInstanceOf(InvalidKeyChainException.class);
    }

    @Test
    void onlyTheCurrentPrivateKeyCanRotate() {
        SigningKeyChain chain = SigningKeyChain.start(first.getPublic(), T0).rotate(first.getPrivate(), second.getPublic(), T1);

        assertThatThrownBy(() -> chain.rotate(first.getPrivate(), third.getPublic(), T2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPinnedChainMovesForwardButNeverForks() {
        SigningKeyChain start = SigningKeyChain.start(first.getPublic(), T0);
        SigningKeyChain rotated = start.rotate(first.getPrivate(), second.getPublic(), T1);
        SigningKeyChain fork = start.rotate(first.getPrivate(), third.getPublic(), T1);
        PinnedKeyChains pins = new PinnedKeyChains();

        pins.pin(start);
        pins.pin(rotated);
        pins.pin(start);

        assertThat(pins.chainOf(start.member())).contains(rotated);
        assertThatThrownBy(() -> pins.pin(fork)).isInstanceOf(InvalidKeyChainException.class).hasMessageContaining("forks");
    }

    @Test
    void fingerprintsReadWhatOperatorsType() {
        Fingerprint f = KeyId.of(first.getPublic()).fingerprint();
        String openSslStyle = f.hex().toUpperCase().replaceAll("(..)(?!$)", "$1:");

        assertThat(Fingerprint.parse(openSslStyle)).isEqualTo(f);
        assertThatThrownBy(() -> Fingerprint.parse("abc")).isInstanceOf(IllegalArgumentException.class);
    }
}
