package org.entente.store.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.store.migration.StoredAtAnOlderVersion.micros;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.entente.core.observable.HashAlgorithm;
import org.entente.core.observable.Observable;
import org.entente.core.observable.ObservableKind;
import org.entente.core.policy.MemberId;
import org.entente.store.CorrelationBatch;
import org.entente.store.CorrelationStore;
import org.entente.store.IndexedObject;
import org.entente.store.ObjectLink;
import org.entente.store.ObjectQuery;
import org.entente.store.Occurrence;
import org.entente.store.Store;
import org.entente.store.StoreFactory;
import org.entente.store.VersionSelector;
import org.entente.store.jdbc.Dialect;
import org.entente.store.jdbc.ObjectIdHash;
import org.entente.store.postgres.EmbeddedPostgresFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migration V18 makes the correlation index name its objects by their ids' numbers (object_ids): an index written at
 * V17, with indexed objects (numbered when they were stored) and objects only referenced (numbered by the
 * migration after every other, in the order the index first saw them), answers who else has an observable and an object's neighbourhood as before, takes a newer version of
 * an object, resolves a late reference, forgets a deleted version, and adds new objects next to the old ones.
 */
class CorrelationObjectKeysMigrationTest {
    private static final MemberId DE = MemberId.ofPublicKey("de".getBytes(StandardCharsets.UTF_8));
    private static final MemberId FR = MemberId.ofPublicKey("fr".getBytes(StandardCharsets.UTF_8));
    private static final Instant T1 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T2 = Instant.parse("2026-01-05T00:00:00Z");
    private static final Observable DOMAIN = new Observable(ObservableKind.DOMAIN_NAME, "example.com");
    private static final Observable PHONE = new Observable(ObservableKind.PHONE_NUMBER, "+4915112345678");
    private static final Observable HASH = new Observable(ObservableKind.fileHash(HashAlgorithm.SHA_256), "ab".repeat(32));
    private static final String INDICATOR = "indicator--6f0e7b1c-0a4e-4d2f-9a3b-1c2d3e4f5a6b";
    private static final String SIGHTING = "sighting--7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    private static final String MALWARE = "malware--8b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e";
    private static final String LATE = "indicator--9c3d4e5f-6a7b-4c8d-8e9f-1a2b3c4d5e6f";
    private static final String OTHER_MALWARE = "malware--0d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f7a";
    private static final String NEW = "indicator--1e5f6a7b-8c9d-4e0f-9a1b-3c4d5e6f7a8b";

    @TempDir
    Path dataDir;

    @Test
    void anIndexWrittenAtV17AnswersAsBeforeAndGoesOnAfterMigratingSqlite() throws SQLException {
        String url = "jdbc:sqlite:" + dataDir.resolve("entente.db");
        PartialMigration.to("17", PartialMigration.sqlite(url), Dialect.SQLITE);
        fillAtV17(url);
        try (Store store = StoreFactory.open(null, url)) {
            assertThat(numbersOfIndexedIds(url)).containsExactly(INDICATOR + " 1", MALWARE + " 3", SIGHTING + " 2", LATE + " 4");
            answersAndGoesOn(store);
        }
    }

    @Test
    void anIndexWrittenAtV17AnswersAsBeforeAndGoesOnAfterMigratingPostgres() throws SQLException {
        try (EmbeddedPostgresFixture postgres = EmbeddedPostgresFixture.start()) {
            String url = postgres.newDatabaseUrl();
            PartialMigration.to("17", PartialMigration.postgres(url), Dialect.POSTGRESQL);
            fillAtV17(url);
            try (Store store = StoreFactory.open(null, url)) {
                assertThat(numbersOfIndexedIds(url)).containsExactly(INDICATOR + " 1", MALWARE + " 3", SIGHTING + " 2", LATE + " 4");
                answersAndGoesOn(store);
            }
        }
    }

    /**
     * Collection c1 holds INDICATOR (from DE, at T1 and T2) and SIGHTING (from FR, at T1); the index has read the first
     * two versions: INDICATOR at T1 carries DOMAIN and refers to MALWARE, SIGHTING sights LATE, neither indexed yet.
     */
    private static void fillAtV17(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url); Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO collections (id, title, description) VALUES ('c1', 'one', '')");
            sql.execute("INSERT INTO object_ids (pk, id_hash, object_id) VALUES (1, " + ObjectIdHash.of(INDICATOR) + ", '" + INDICATOR
                    + "'), (2, " + ObjectIdHash.of(SIGHTING) + ", '" + SIGHTING + "')");
            sql.execute("INSERT INTO objects (pk, collection_pk, id_key) VALUES (1, 1, 1), (2, 1, 2)");
            String versions = "INSERT INTO object_versions (collection_pk, object_pk, object_id, version_key, type, spec_version,"
                    + " date_added, is_first, is_last, json) VALUES ";
            sql.execute(versions + "(1, 1, '" + INDICATOR + "', " + micros(T1) + ", 'indicator', '2.1', 1, 1, 0, '{}')");
            sql.execute(versions + "(1, 2, '" + SIGHTING + "', " + micros(T1) + ", 'sighting', '2.1', 2, 1, 1, '{}')");
            sql.execute(versions + "(1, 1, '" + INDICATOR + "', " + micros(T2) + ", 'indicator', '2.1', 3, 0, 1, '{}')");
            sql.execute("UPDATE store_clock SET last_date_added = 3 WHERE id = 1");

            sql.execute("INSERT INTO correlation_members (member_id) VALUES ('" + DE.value() + "')");
            sql.execute("INSERT INTO correlation_members (member_id) VALUES ('" + FR.value() + "')");
            sql.execute("INSERT INTO correlation_observables (key_hash, kind, value) VALUES (" + ObjectIdHash.of(DOMAIN.key()) + ", '"
                    + DOMAIN.kind().label() + "', '" + DOMAIN.value() + "')");
            // pk 1 to 4 in this order: indexed, referenced, indexed, referenced.
            String objects = "INSERT INTO correlation_objects (id_hash, object_id, type, version_key, origin_pk) VALUES ";
            sql.execute(objects + "(" + ObjectIdHash.of(INDICATOR) + ", '" + INDICATOR + "', 'indicator', " + micros(T1) + ", 1)");
            sql.execute(objects + "(" + ObjectIdHash.of(MALWARE) + ", '" + MALWARE + "', 'malware', NULL, NULL)");
            sql.execute(objects + "(" + ObjectIdHash.of(SIGHTING) + ", '" + SIGHTING + "', 'sighting', " + micros(T1) + ", 2)");
            sql.execute(objects + "(" + ObjectIdHash.of(LATE) + ", '" + LATE + "', 'indicator', NULL, NULL)");
            sql.execute("INSERT INTO correlation_occurrences (observable_pk, object_pk, member_pk, seen) VALUES (1, 1, 1, " + micros(T1) + ")");
            sql.execute("INSERT INTO correlation_links (from_pk, to_pk) VALUES (1, 2)");
            sql.execute("INSERT INTO correlation_pending (ref_pk, object_pk, member_pk, seen) VALUES (4, 3, 2, " + micros(T1) + ")");
            sql.execute("UPDATE correlation_position SET last_seq = 2 WHERE id = 1");
        }
    }

    /** Each id of correlation_objects with its number, in the order of correlation_objects.pk. */
    private static List<String> numbersOfIndexedIds(String url) throws SQLException {
        List<String> numbered = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT i.object_id, i.pk FROM correlation_objects c JOIN object_ids i ON i.pk = c.object_key"
                     + " ORDER BY c.pk")) {
            while (rows.next()) numbered.add(rows.getString(1) + " " + rows.getLong(2));
        }
        return numbered;
    }

    private static void answersAndGoesOn(Store store) {
        CorrelationStore index = store.correlation();
        assertThat(index.occurrencesOf(List.of(DOMAIN))).containsExactly(new Occurrence(DOMAIN, INDICATOR, DE, T1));
        assertThat(index.observablesOf(List.of(INDICATOR, MALWARE))).containsOnlyKeys(INDICATOR).containsEntry(INDICATOR, List.of(DOMAIN));
        assertThat(index.linksOf(List.of(MALWARE))).containsExactly(new ObjectLink(INDICATOR, MALWARE));
        assertThat(index.objects(List.of(INDICATOR, MALWARE, SIGHTING, LATE)))
                .containsOnlyKeys(INDICATOR, SIGHTING)
                .containsEntry(INDICATOR, new IndexedObject(INDICATOR, "indicator", T1, DE));

        // INDICATOR at T2 carries PHONE instead of DOMAIN and refers to another malware, not present before.
        index.index(3, new CorrelationBatch(List.of(new IndexedObject(INDICATOR, "indicator", T2, DE)),
                List.of(new Occurrence(PHONE, INDICATOR, DE, T2)), List.of(new ObjectLink(INDICATOR, OTHER_MALWARE))));
        assertThat(index.occurrencesOf(List.of(DOMAIN))).isEmpty();
        assertThat(index.occurrencesOf(List.of(PHONE))).containsExactly(new Occurrence(PHONE, INDICATOR, DE, T2));
        assertThat(index.linksOf(List.of(INDICATOR))).containsExactly(new ObjectLink(INDICATOR, OTHER_MALWARE));
        assertThat(index.objects(List.of(INDICATOR))).containsEntry(INDICATOR, new IndexedObject(INDICATOR, "indicator", T2, DE));

        // LATE, referenced at V17, comes: SIGHTING carries its observable, as seen by FR when it sighted it.
        index.index(4, new CorrelationBatch(List.of(new IndexedObject(LATE, "indicator", T2, DE), new IndexedObject(NEW, "indicator", T2, FR)),
                List.of(new Occurrence(HASH, LATE, DE, T2), new Occurrence(HASH, NEW, FR, T2)), List.of(new ObjectLink(NEW, MALWARE))));
        assertThat(index.occurrencesOf(List.of(HASH))).containsExactlyInAnyOrder(
                new Occurrence(HASH, LATE, DE, T2), new Occurrence(HASH, NEW, FR, T2), new Occurrence(HASH, SIGHTING, FR, T1));
        assertThat(index.linksOf(List.of(MALWARE))).containsExactly(new ObjectLink(NEW, MALWARE));
        assertThat(index.objects(List.of(LATE, NEW))).containsOnlyKeys(LATE, NEW);

        // Deleting INDICATOR at T2 leaves T1 (stored first, seq 1) to be indexed again in its place.
        assertThat(store.objects().delete("c1", INDICATOR, ObjectQuery.all().withVersions(VersionSelector.LAST))).isEqualTo(1);
        assertThat(index.occurrencesOf(List.of(PHONE))).isEmpty();
        assertThat(index.objects(List.of(INDICATOR))).isEmpty();
        assertThat(index.cursor()).isZero();
        assertThat(index.rereadTo()).isEqualTo(4);
    }
}
