package org.entente.store.sqlite;

import java.nio.file.Path;
import org.entente.store.ReadPolicyStoreContract;
import org.entente.store.Store;
import org.entente.store.StoreFactory;
import org.junit.jupiter.api.io.TempDir;

class SqliteReadPolicyStoreTest extends ReadPolicyStoreContract {
    @TempDir
    Path dataDir;

    @Override
    protected Store openStore() {
        return StoreFactory.open(dataDir, null);
    }
}
