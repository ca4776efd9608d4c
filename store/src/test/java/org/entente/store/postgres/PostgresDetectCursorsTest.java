package org.entente.store.postgres;

import org.entente.store.DetectCursorsContract;
import org.entente.store.Store;
import org.entente.store.StoreFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresDetectCursorsTest extends DetectCursorsContract {
    private static EmbeddedPostgresFixture postgres;
    private String url;

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
        url = postgres.newDatabaseUrl();
        return StoreFactory.open(null, url);
    }

    @Override
    protected Store reopenStore() {
        return StoreFactory.open(null, url);
    }
}
