package org.entente.store.postgres;

import org.entente.store.Store;
import org.entente.store.StoreFactory;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Stores on a PostgreSQL started once for a test class: {@link #open()} gives a store on a fresh database,
 * {@link #reopen()} a second store on the database opened last (a restart). Register it as a static field
 * with {@code @RegisterExtension}; tests of one class run one after another, so "last" is the running test's.
 */
public final class PostgresStores implements BeforeAllCallback, AfterAllCallback {
    private EmbeddedPostgresFixture postgres;
    private String url;

    @Override
    public void beforeAll(ExtensionContext context) {
        postgres = EmbeddedPostgresFixture.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        postgres.close();
    }

    public Store open() {
        url = postgres.newDatabaseUrl();
        return StoreFactory.open(null, url);
    }

    public Store reopen() {
        if (url == null) throw new IllegalStateException("no store opened yet");
        return StoreFactory.open(null, url);
    }
}
