package org.entente.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.UUID;
import org.entente.server.access.Tokens;
import org.entente.store.Account;
import org.entente.store.CollectionInfo;
import org.entente.store.Store;

/**
 * What a fresh node needs before it serves: the collection {@code default} and the {@code admin} user
 * with a token. The token comes from {@code ENTENTE_ADMIN_TOKEN} when set; otherwise one is generated at
 * first start, written to {@code <data>/admin-token} readable by the owner only, and shown once.
 */
public final class NodeSetup {
    public static final String ADMIN = "admin";
    public static final String DEFAULT_COLLECTION = "default";
    public static final String TOKEN_FILE = "admin-token";

    private NodeSetup() {}

    /** @return the generated admin token, when one was generated now (to print once) */
    public static Optional<String> ensure(Store store, Path dataDir, String adminTokenFromEnvironment) {
        if (store.collections().find(DEFAULT_COLLECTION).isEmpty()) {
            store.collections().create(new CollectionInfo(UUID.randomUUID().toString(), "Default collection",
                    "Everything this node stores unless told otherwise", DEFAULT_COLLECTION));
        }
        Account admin = store.accounts().findUser(ADMIN).orElse(null);
        if (admin == null) {
            store.accounts().saveUser(new Account(ADMIN, null, true));
        }
        if (adminTokenFromEnvironment != null && !adminTokenFromEnvironment.isBlank()) {
            String hash = Tokens.digest(adminTokenFromEnvironment);
            if (store.accounts().findByTokenHash(hash).isEmpty()) {
                store.accounts().addToken(hash, ADMIN, "from ENTENTE_ADMIN_TOKEN");
            }
            return Optional.empty();
        }
        if (admin != null) {
            return Optional.empty();
        }
        String token = Tokens.generate();
        store.accounts().addToken(Tokens.digest(token), ADMIN, "generated at first start");
        writeOwnerOnly(dataDir.resolve(TOKEN_FILE), token);
        return Optional.of(token);
    }

    private static void writeOwnerOnly(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            Files.writeString(file, content + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
