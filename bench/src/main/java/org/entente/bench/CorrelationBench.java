package org.entente.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.entente.core.observable.HashAlgorithm;
import org.entente.core.observable.Observable;
import org.entente.core.observable.ObservableKind;
import org.entente.core.policy.Level;
import org.entente.core.policy.Member;
import org.entente.core.policy.MemberId;
import org.entente.store.CorrelationBatch;
import org.entente.store.IndexedObject;
import org.entente.store.Occurrence;
import org.entente.store.Store;
import org.entente.store.StoreFactory;

/**
 * The size of the correlation index against the number of observables: indexes N distinct observables
 * (domains, phone numbers, IPv4 addresses and SHA-256 hashes in turn), each carried by 3 objects of
 * members from 5 countries, through {@link org.entente.store.CorrelationStore#index} in batches, and at
 * N/8, N/4, N/2 and N prints the rows and the bytes on disk of the correlation tables and their indexes
 * (SQLite's dbstat, or PostgreSQL's pg_total_relation_size), per observable and per occurrence. Linear
 * growth shows as constant bytes per observable. A pairwise table would hold 3 pairs per observable here,
 * and c(c-1)/2 for an observable carried by c objects.
 *
 * <p>Usage: {@code CorrelationBench N [--postgres] [--carriers C]}.
 */
public final class CorrelationBench {
    private static final int BATCH = 5_000;

    private CorrelationBench() {}

    public static void main(String[] args) throws IOException, SQLException {
        if (args.length < 1) {
            System.err.println("usage: CorrelationBench N [--postgres] [--carriers C]");
            System.exit(2);
        }
        long n = Long.parseLong(args[0].replace("_", ""));
        boolean postgres = false;
        int carriers = 3;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--postgres" -> postgres = true;
                case "--carriers" -> carriers = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path dataDir = Files.createTempDirectory("entente-bench-correlation");
        try (ThrowawayPostgres server = postgres ? ThrowawayPostgres.start() : null) {
            String url = server != null ? server.jdbcUrl() : "jdbc:sqlite:" + dataDir.resolve(StoreFactory.DEFAULT_FILE_NAME).toAbsolutePath();
            try (Store store = StoreFactory.open(dataDir, url)) {
                run(store, url, n, carriers);
            }
        } finally {
            ImportBench.deleteTree(dataDir);
        }
    }

    private static void run(Store store, String url, long n, int carriers) throws SQLException {
        List<MemberId> members = new ArrayList<>();
        String[] countries = {"DE", "FR", "NL", "IT", "PL"};
        for (String country : countries) {
            MemberId id = MemberId.ofPublicKey(("bench-" + country).getBytes(StandardCharsets.UTF_8));
            store.members().save(new Member(id, "member " + country, country, Level.STATE, "cyber"));
            members.add(id);
        }
        System.out.printf("correlation index on %s: %,d observables, each carried by %d objects of members in %d countries%n",
                store.dialect(), n, carriers, countries.length);
        System.out.println("observables  occurrences  objects      bytes(tables+indexes)  bytes/observable  bytes/occurrence  pairwise-table-rows  index-rate(occ/s)");
        Random random = new Random(42);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<Long> checkpoints = List.of(n / 8, n / 4, n / 2, n);
        long done = 0;
        long seq = 0;
        long started = System.nanoTime();
        for (long checkpoint : checkpoints) {
            while (done < checkpoint) {
                int size = (int) Math.min(BATCH, checkpoint - done);
                List<IndexedObject> objects = new ArrayList<>(size * carriers);
                List<Occurrence> occurrences = new ArrayList<>(size * carriers);
                for (int i = 0; i < size; i++) {
                    Observable observable = observable(done + i);
                    for (int c = 0; c < carriers; c++) {
                        String id = "indicator--" + new UUID(done + i, c | 0x4000_0000_0000_0000L);
                        MemberId member = members.get(random.nextInt(members.size()));
                        Instant seen = now.minusSeconds(random.nextInt(30 * 86_400));
                        objects.add(new IndexedObject(id, "indicator", seen, member));
                        occurrences.add(new Occurrence(observable, id, member, seen));
                    }
                }
                store.correlation().index(++seq, new CorrelationBatch(objects, occurrences, List.of()));
                done += size;
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            long observables = store.correlation().observableCount();
            long occurrences = store.correlation().occurrenceCount();
            long bytes = bytesOnDisk(url);
            System.out.printf("%,11d  %,11d  %,11d  %,21d  %16.1f  %16.1f  %,21d  %,17.0f%n", observables, occurrences, observables * carriers,
                    bytes, (double) bytes / observables, (double) bytes / occurrences,
                    observables * carriers * (carriers - 1) / 2, occurrences / seconds);
        }
    }

    /** Cycles through four kinds with values unique per number, as the index would hold them normalised. */
    private static Observable observable(long i) {
        return switch ((int) (i % 4)) {
            case 0 -> new Observable(ObservableKind.DOMAIN_NAME, "host-" + Long.toString(i, 36) + ".fraud-parcel.example");
            case 1 -> new Observable(ObservableKind.PHONE_NUMBER, "+49" + (1_500_000_000L + i));
            case 2 -> new Observable(ObservableKind.IPV4, ((i >> 24) & 255) + "." + ((i >> 16) & 255) + "." + ((i >> 8) & 255) + "." + (i & 255));
            default -> new Observable(ObservableKind.fileHash(HashAlgorithm.SHA_256), String.format("%064x", i * 0x9E3779B97F4A7C15L));
        };
    }

    /** Bytes of the correlation tables and their indexes, as the database lays them out on disk. */
    private static long bytesOnDisk(String url) throws SQLException {
        String sql = url.startsWith("jdbc:sqlite:")
                ? "SELECT SUM(pgsize) FROM dbstat WHERE name LIKE '%correlation%'"
                : "SELECT SUM(pg_total_relation_size(c.oid)) FROM pg_class c WHERE c.relkind = 'r' AND c.relname LIKE 'correlation%'";
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            if (url.startsWith("jdbc:postgresql:")) statement.execute("VACUUM ANALYZE");
            try (ResultSet rs = statement.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
