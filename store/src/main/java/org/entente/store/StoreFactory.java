package org.entente.store;

import java.nio.file.Path;

/**
 * Opens a store and brings its schema up to date. {@code url} is a JDBC URL
 * ({@code jdbc:postgresql://…} or {@code jdbc:sqlite:…}); without one, the SQLite file
 * {@code <dataDir>/entente.db} is used.
 */
public final class StoreFactory {
    private StoreFactory() {}

    public static Store open(Path dataDir, String url) {
        throw new UnsupportedOperationException("implemented with the store (issue 2)");
    }
}
