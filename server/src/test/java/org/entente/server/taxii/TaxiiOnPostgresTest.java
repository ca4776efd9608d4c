package org.entente.server.taxii;

import java.nio.file.Path;
import org.entente.server.NodeConfig;
import org.entente.store.postgres.EmbeddedPostgresFixture;

/** The same TAXII scenarios on a real PostgreSQL (embedded, started from Maven artifacts). */
class TaxiiOnPostgresTest extends TaxiiEndToEndContract {
    private EmbeddedPostgresFixture postgres;

    @Override
    NodeConfig config(Path data) {
        postgres = EmbeddedPostgresFixture.start();
        return NodeConfig.local(data, 0).withDbUrl(postgres.newDatabaseUrl());
    }

    @Override
    void afterNodeStopped() {
        if (postgres != null) postgres.close();
    }
}
