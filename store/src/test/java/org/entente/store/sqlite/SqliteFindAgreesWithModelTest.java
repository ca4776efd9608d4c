package org.entente.store.sqlite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.entente.store.FindAgreesWithModelProperties;
import org.entente.store.Store;
import org.entente.store.StoreFactory;

class SqliteFindAgreesWithModelTest extends FindAgreesWithModelProperties {
    @Override
    protected Store openStore() {
        try {
            Path dataDir = Files.createTempDirectory("entente-sqlite-properties");
            dataDir.toFile().deleteOnExit();
            return StoreFactory.open(dataDir, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
