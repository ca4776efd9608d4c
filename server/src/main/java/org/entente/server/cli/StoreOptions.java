package org.entente.server.cli;

import java.nio.file.Path;
import org.entente.store.Store;
import org.entente.store.StoreFactory;
import picocli.CommandLine.Option;

/** Where a command finds the node's data: the data directory and, for PostgreSQL, a JDBC URL. */
final class StoreOptions {
    @Option(names = "--data", paramLabel = "DIR", defaultValue = "${ENTENTE_DATA:-data}",
            description = "Data directory (SQLite file, admin token). Default: ${DEFAULT-VALUE}.")
    Path dataDir;

    @Option(names = "--db", paramLabel = "URL",
            description = "JDBC URL of a PostgreSQL database (jdbc:postgresql://host/db?user=…&password=…); "
                    + "default: the SQLite file in the data directory.")
    String dbUrl;

    Store open() {
        return StoreFactory.open(dataDir, dbUrl);
    }
}
