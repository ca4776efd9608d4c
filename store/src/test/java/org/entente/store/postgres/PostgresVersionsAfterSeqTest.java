package org.entente.store.postgres;

import org.entente.store.Store;
import org.entente.store.VersionsAfterSeqContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresVersionsAfterSeqTest extends VersionsAfterSeqContract {
    @RegisterExtension
    static final PostgresStores postgres = new PostgresStores();

    @Override
    protected Store openStore() {
        return postgres.open();
    }
}
