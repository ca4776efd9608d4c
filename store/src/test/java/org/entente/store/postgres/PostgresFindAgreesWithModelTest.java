package org.entente.store.postgres;

import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.entente.store.FindAgreesWithModelProperties;
import org.entente.store.Store;
import org.entente.store.StoreFactory;

class PostgresFindAgreesWithModelTest extends FindAgreesWithModelProperties {
    private static EmbeddedPostgresFixture postgres;

    @BeforeContainer
    static void startPostgres() {
        postgres = EmbeddedPostgresFixture.start();
    }

    @AfterContainer
    static void stopPostgres() {
        postgres.close();
    }

    @Override
    protected Store openStore() {
        return StoreFactory.open(null, postgres.newDatabaseUrl());
    }
}
