package org.entente.server.detect;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.entente.core.policy.MemberId;
import org.entente.server.index.ClusterReached;
import org.entente.store.IndexedObject;
import org.entente.store.Occurrence;
import org.entente.store.Store;

/**
 * Turns the clusters the correlation index reached into cross-border-cluster {@link Detection}s: the subject
 * is the normalised observable ({@code phone-number|+4915112345678}), the evidence each object carrying it,
 * with the labels of its newest indexed version (whose origin is the member counted, and who may learn of it).
 */
public final class ClusterDetections implements Consumer<List<ClusterReached>> {
    private final Store store;
    private final EvidenceSource evidence;
    private final Consumer<Detection> sink;
    private final Clock clock;

    public ClusterDetections(Store store, MemberId local, Consumer<Detection> sink, Clock clock) {
        this.store = store;
        this.evidence = new EvidenceSource(store, local);
        this.sink = sink;
        this.clock = clock;
    }

    @Override
    public void accept(List<ClusterReached> reached) {
        for (ClusterReached cluster : reached) {
            Set<String> ids = new LinkedHashSet<>();
            for (Occurrence o : cluster.occurrences()) ids.add(o.objectId());
            Map<String, IndexedObject> objects = store.correlation().objects(ids);
            List<EvidenceSource.Version> versions = new ArrayList<>();
            for (String id : ids) {
                IndexedObject object = objects.get(id);
                if (object != null) versions.add(EvidenceSource.Version.of(object.versionRef()));
            }
            List<Evidence> found = evidence.of(versions);
            if (found.isEmpty()) continue;
            sink.accept(new Detection(DetectionKind.CROSS_BORDER_CLUSTER, cluster.observable().key(), found, clock.instant(), false));
        }
    }
}
