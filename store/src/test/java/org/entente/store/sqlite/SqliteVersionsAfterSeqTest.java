package org.entente.store.sqlite;

import java.nio.file.Path;
import org.entente.store.Store;
import org.entente.store.StoreFactory;
import org.entente.store.VersionsAfterSeqContract;
import org.junit.jupiter.api.io.TempDir;

class SqliteVersionsAfterSeqTest extends VersionsAfterSeqContract {
    @TempDir
    Path dataDir;

    @Override
    protected Store openStore() {
        return StoreFactory.open(dataDir, null);
    }
}
