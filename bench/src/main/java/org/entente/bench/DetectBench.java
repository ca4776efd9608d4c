package org.entente.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.entente.core.policy.Charter;
import org.entente.core.policy.Community;
import org.entente.core.policy.Distribution;
import org.entente.core.policy.Level;
import org.entente.core.policy.Member;
import org.entente.core.policy.MemberId;
import org.entente.core.policy.SharingLabels;
import org.entente.core.policy.Tlp;
import org.entente.core.stix.StixObject;
import org.entente.core.stix.codec.StixJson;
import org.entente.server.detect.Detector;
import org.entente.server.detect.HeldIndicators;
import org.entente.server.warn.WarningSettings;
import org.entente.server.warn.Warnings;
import org.entente.store.CollectionInfo;
import org.entente.store.NewVersion;
import org.entente.store.Share;
import org.entente.store.Store;
import org.entente.store.StoreFactory;

/**
 * The detect stage's own CPU per stored version, as the origin of a bulk share meets it: COUNT objects of
 * {@link SyntheticStix} (per 20: 8 indicators, 2 malware, 6 relationships, 3 sightings of earlier indicators,
 * 1 new indicator version), shared by this node's member to a community of two, so each is stored with its
 * sharing labels in the community's collection and in the default one, as {@code Sharing} stores them. After
 * every chunk of CHUNK objects the stage catches up ({@link Detector#catchUp()}, handing its detections to a
 * real warn stage) on this thread, whose CPU time alone is counted. A SQLite store in a temporary directory.
 *
 * <p>Usage: {@code DetectBench [COUNT] [CHUNK]} (defaults 50,000 and 5,000: a node's stage runs a round every
 * 250 ms, which at the 20,000 objects/s bulk sync aims at sees 5,000 objects).
 */
public final class DetectBench {
    private DetectBench() {}

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 50_000;
        int chunk = args.length > 1 ? Integer.parseInt(args[1].replace("_", "")) : 5_000;
        Path dir = Files.createTempDirectory("entente-bench-detect");
        try (Store store = StoreFactory.open(dir, null)) {
            run(store, count, chunk);
        } finally {
            ImportBench.deleteTree(dir);
        }
        System.exit(0);
    }

    private static void run(Store store, int count, int chunk) {
        MemberId local = MemberId.ofPublicKey("bench-origin".getBytes(StandardCharsets.UTF_8));
        MemberId peer = MemberId.ofPublicKey("bench-peer".getBytes(StandardCharsets.UTF_8));
        store.members().save(new Member(local, "CERT-DE", "DE", Level.STATE, "cyber"));
        store.members().save(new Member(peer, "CERT-FR", "FR", Level.STATE, "cyber"));
        store.members().setLocal(local);
        store.communities().save(new Community("all", new Charter(Set.of(local, peer), Set.of(), Tlp.AMBER, false, false)));
        List<String> collections = List.of("c-all", "default");
        for (String c : collections) store.collections().create(new CollectionInfo(c, c, null, null));
        SharingLabels labels = SharingLabels.of(local, Distribution.toCommunities("all"), Tlp.GREEN, "cyber");

        Clock clock = Clock.systemUTC();
        Warnings warnings = Warnings.of(store, clock, WarningSettings.DEFAULT);
        int[] detections = {0};
        Detector detector = new Detector(store, local, new HeldIndicators(), batch -> {
            detections[0] += batch.size();
            warnings.raise(batch);
        }, Detector.DEFAULT_BATCH, clock);
        detector.loadIndicators();

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        SyntheticStix stream = new SyntheticStix(42);
        long detectCpu = 0;
        // The second half alone: the stage as it runs for long, its code compiled and its caches warm.
        long laterCpu = 0;
        long laterObjects = 0;
        long rounds = 0;
        long storing = 0;
        for (int done = 0; done < count; done += chunk) {
            int size = Math.min(chunk, count - done);
            long t0 = System.nanoTime();
            List<NewVersion> versions = new ArrayList<>(size);
            List<Share> shares = new ArrayList<>(size);
            String envelope = "envelope--bench-" + done;
            for (int i = 0; i < size; i++) {
                Map<String, Object> map = stream.next();
                StixObject object = StixObject.of(map);
                String modified = (String) map.get("modified");
                versions.add(new NewVersion(object.id(), object.type(), "2.1", modified == null ? null : Instant.parse(modified),
                        StixJson.writeString(map)));
                shares.add(Share.of(object, envelope, labels));
            }
            store.shares().record(shares);
            for (String c : collections) store.objects().write(c, versions);
            storing += System.nanoTime() - t0;

            long cpu0 = threads.getCurrentThreadCpuTime();
            detector.catchUp();
            long cpu = threads.getCurrentThreadCpuTime() - cpu0;
            detectCpu += cpu;
            if (done >= count / 2) {
                laterCpu += cpu;
                laterObjects += size;
            }
            rounds++;
        }
        long stored = (long) count * collections.size();
        System.out.printf("detect stage: %,d objects stored in %d collections each (%,d versions) in %d rounds of %,d; %,d detections; %d indicators held%n",
                count, collections.size(), stored, rounds, chunk, detections[0], detector.indicators().size());
        System.out.printf("detect CPU (the catching-up thread alone): %.2f s = %.1f µs per stored version, %.1f µs per object%n",
                detectCpu / 1e9, detectCpu / 1e3 / stored, detectCpu / 1e3 / count);
        System.out.printf("second half alone (%,d objects): %.1f µs per stored version, %.1f µs per object%n",
                laterObjects, laterCpu / 1e3 / (laterObjects * collections.size()), laterCpu / 1e3 / laterObjects);
        System.out.printf("(storing the objects, not counted: %.1f s wall)%n", storing / 1e9);
    }
}
