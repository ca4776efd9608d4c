package org.entente.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.entente.store.CollectionInfo;
import org.entente.store.NewVersion;
import org.entente.store.ObjectQuery;
import org.entente.store.Store;
import org.entente.store.StoreFactory;
import org.entente.store.VersionSelector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bulk import in batches, the way the node imports files. Prints the rate as a sanity check (no timed
 * assertion: machines differ); {@code -Dentente.store.importCount=1000000} runs the full-size import.
 */
class SqliteBulkImportTest {
    private static final int BATCH = 2_000;

    @TempDir
    Path dataDir;

    @Test
    void aBulkImportStoresEveryObjectOnce() {
        int count = Integer.getInteger("entente.store.importCount", 20_000);
        try (Store store = StoreFactory.open(dataDir, null)) {
            store.collections().create(new CollectionInfo("bulk", "Bulk", null, null));
            Instant modified = Instant.parse("2024-06-01T12:00:00.000Z");
            long started = System.nanoTime();
            for (int from = 0; from < count; from += BATCH) {
                List<NewVersion> batch = new ArrayList<>(BATCH);
                for (int i = from; i < Math.min(count, from + BATCH); i++) {
                    String id = "indicator--%08d-0000-4000-8000-000000000000".formatted(i);
                    batch.add(new NewVersion(id, "indicator", "2.1", modified, indicatorJson(id, modified)));
                }
                store.objects().write("bulk", batch);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("SQLite bulk import: %,d objects in %.1f s = %,.0f objects/s%n",
                    count, seconds, count / seconds);

            assertThat(store.objects().countObjects("bulk")).isEqualTo(count);
            ObjectQuery lastPage = ObjectQuery.latest().withVersions(VersionSelector.LAST).withLimit(10);
            assertThat(store.objects().find("bulk", lastPage).items()).hasSize(Math.min(10, count));
        }
    }

    private static String indicatorJson(String id, Instant modified) {
        return """
                {"type":"indicator","spec_version":"2.1","id":"%s","created":"%s","modified":"%s",\
                "name":"Malicious host","pattern":"[ipv4-addr:value = '198.51.100.7']","pattern_type":"stix",\
                "valid_from":"%s","labels":["malicious-activity"]}""".formatted(id, modified, modified, modified);
    }
}
