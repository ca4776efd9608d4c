package org.entente.federation.identity.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.entente.federation.identity.Ed25519;
import org.entente.federation.identity.NodeIdentity;
import org.entente.federation.testing.SettableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeKeyDirectoryTest {
    @TempDir
    Path data;

    final SettableClock clock = new SettableClock(Instant.parse("2026-03-01T10:00:00.000Z"));

    NodeKeyDirectory keys() {
        return new NodeKeyDirectory(data.resolve("keys"), clock, new SecureRandom());
    }

    @Test
    void privateKeyFilesAreReadableByTheOwnerOnly() throws Exception {
        keys().init();

        Path dir = data.resolve("keys");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("signing.key")))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("tls.key")))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        assertThat(Files.readString(dir.resolve("signing.key"))).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Files.readString(dir.resolve("tls.crt"))).startsWith("-----BEGIN CERTIFICATE-----");
    }

    @Test
    void initRefusesToOverwriteExistingKeys() throws Exception {
        NodeIdentity first = keys().init();
        byte[] before = Files.readAllBytes(data.resolve("keys/signing.key"));

        assertThatThrownBy(() -> keys().init()).isInstanceOf(KeyDirectoryException.class).hasMessageContaining("refusing to overwrite");
        assertThat(Files.readAllBytes(data.resolve("keys/signing.key"))).isEqualTo(before);
        assertThat(keys().load().member()).isEqualTo(first.member());
    }

    @Test
    void initRefusesEvenWhenOnlyOneKeyFileIsLeft() throws Exception {
        keys().init();
        for (String name : new String[] {"signing.key", "signing-chain.json", "tls.crt"}) Files.delete(data.resolve("keys").resolve(name));

        assertThatThrownBy(() -> keys().init()).isInstanceOf(KeyDirectoryException.class);
    }

    @Test
    void loadGivesBackTheIdentityThatInitMade() {
        NodeIdentity made = keys().init();
        NodeIdentity loaded = keys().load();

        assertThat(loaded.chain()).isEqualTo(made.chain());
        assertThat(loaded.currentKeyId()).isEqualTo(made.currentKeyId());
        assertThat(Ed25519.matches(loaded.signingKey(), made.chain().current().key())).isTrue();
        assertThat(loaded.tls().fingerprint()).isEqualTo(made.tls().fingerprint());
    }

    @Test
    void rotationMakesANewKeyCurrentAndKeepsTheMemberIdAndTheOldPublicKey() {
        NodeIdentity before = keys().init();
        clock.advance(Duration.ofDays(90));

        NodeIdentity after = keys().rotate();
        NodeIdentity loaded = keys().load();

        assertThat(after.member()).isEqualTo(before.member());
        assertThat(after.currentKeyId()).isNotEqualTo(before.currentKeyId());
        assertThat(loaded.currentKeyId()).isEqualTo(after.currentKeyId());
        assertThat(loaded.chain().key(before.currentKeyId())).hasValueSatisfying(k ->
                assertThat(k.validUntil()).contains(clock.instant()));
        assertThat(loaded.signingFingerprint()).isEqualTo(before.signingFingerprint());
        assertThat(loaded.tls().fingerprint()).isEqualTo(before.tls().fingerprint());
    }

    @Test
    void aRotationInterruptedAfterTheChainWasWrittenIsFinishedOnLoad() throws Exception {
        keys().init();
        Path dir = data.resolve("keys");
        Path oldKey = dir.resolve("old-signing.key");
        Files.copy(dir.resolve("signing.key"), oldKey);
        clock.advance(Duration.ofDays(1));
        NodeIdentity rotated = keys().rotate();
        // Put the directory back to the moment between "chain replaced" and "private key replaced".
        Files.copy(dir.resolve("signing.key"), dir.resolve("signing.key.next"));
        Files.move(oldKey, dir.resolve("signing.key"), StandardCopyOption.REPLACE_EXISTING);

        NodeIdentity loaded = keys().load();

        assertThat(Ed25519.matches(loaded.signingKey(), rotated.chain().current().key())).isTrue();
        assertThat(Files.exists(dir.resolve("signing.key.next"))).isFalse();
    }

    @Test
    void aChainFileEditedToClaimAnotherMemberIsRefused() throws Exception {
        NodeIdentity made = keys().init();
        Path chain = data.resolve("keys/signing-chain.json");
        String other = "identity--00000000-0000-5000-8000-000000000000";
        Files.writeString(chain, Files.readString(chain).replace(made.member().value(), other), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> keys().load()).isInstanceOf(KeyDirectoryException.class).hasMessageContaining("member");
    }
}
