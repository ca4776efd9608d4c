package org.entente.store.sqlite;

import java.nio.file.Path;
import org.entente.store.DetectCursorsContract;
import org.entente.store.Store;
import org.entente.store.StoreFactory;
import org.junit.jupiter.api.io.TempDir;

class SqliteDetectCursorsTest extends DetectCursorsContract {
    @TempDir
    Path dataDir;

    @Override
    protected Store openStore() {
        return StoreFactory.open(dataDir, null);
    }

    @Override
    protected Store reopenStore() {
        return StoreFactory.open(dataDir, null);
    }
}
