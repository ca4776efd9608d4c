package org.entente.store.postgres;

import org.entente.store.WarningStoreContract;
import org.entente.store.Store;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresWarningStoreTest extends WarningStoreContract {
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
