package org.entente.store.postgres;

import org.entente.store.DetectCursorsContract;
import org.entente.store.Store;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresDetectCursorsTest extends DetectCursorsContract {
    @RegisterExtension
    static final PostgresStores postgres = new PostgresStores();

    @Override
    protected Store openStore() {
        return postgres.open();
    }

    @Override
    protected Store reopenStore() {
        return postgres.reopen();
    }
}
