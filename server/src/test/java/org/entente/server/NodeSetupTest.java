package org.entente.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.entente.server.access.Tokens;
import org.entente.store.Store;
import org.entente.store.StoreFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeSetupTest {
    @TempDir
    Path data;

    @Test
    void aFreshNodeGeneratesAnAdminTokenOnceAndKeepsItReadableByTheOwnerOnly() throws Exception {
        try (Store store = StoreFactory.open(data, null)) {
            String token = NodeSetup.ensure(store, data, null).orElseThrow();
            Path file = data.resolve(NodeSetup.TOKEN_FILE);
            assertThat(Files.readString(file).strip()).isEqualTo(token);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(store.accounts().findByTokenHash(Tokens.digest(token))).hasValueSatisfying(a -> assertThat(a.admin()).isTrue());
            assertThat(store.collections().find(NodeSetup.DEFAULT_COLLECTION)).isPresent();

            assertThat(NodeSetup.ensure(store, data, null)).isEmpty();
            assertThat(Files.readString(file).strip()).isEqualTo(token);
            assertThat(store.collections().list()).hasSize(1);
        }
    }

    @Test
    void aTokenFromTheEnvironmentIsUsedAndNothingIsWritten() {
        try (Store store = StoreFactory.open(data, null)) {
            assertThat(NodeSetup.ensure(store, data, "from-the-environment")).isEmpty();
            assertThat(store.accounts().findByTokenHash(Tokens.digest("from-the-environment"))).isPresent();
            assertThat(data.resolve(NodeSetup.TOKEN_FILE)).doesNotExist();
        }
    }
}
