package org.entente.store.migration;

import javax.sql.DataSource;
import org.entente.store.jdbc.Dialect;
import org.flywaydb.core.Flyway;

/** Brings a database up to the current schema with the one set of migrations in {@code db/migration}. */
public final class Migrations {
    private static final String LOCATION = "classpath:db/migration";

    private Migrations() {}

    public static void apply(DataSource dataSource, Dialect dialect) {
        Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .placeholders(dialect.migrationPlaceholders())
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }
}
