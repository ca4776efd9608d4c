package org.entente.store.postgres;

import org.entente.store.ReadPolicyStoreContract;
import org.entente.store.Store;
import org.entente.store.StoreFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresReadPolicyStoreTest extends ReadPolicyStoreContract {
    private static EmbeddedPostgresFixture postgres;

    @BeforeAll
    static void startPostgres() {
        postgres = EmbeddedPostgresFixture.start();
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    @Override
    protected Store openStore() {
        return StoreFactory.open(null, postgres.newDatabaseUrl());
    }
}
