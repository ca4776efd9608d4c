package org.entente.store;

import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The simplest thing that behaves like one collection of an {@link ObjectStore}: versions in the order
 * they were added, with first and last worked out by brute force on every query.
 */
final class ObjectStoreModel {
    private static final Comparator<StoredVersion> AGE =
            Comparator.comparing(StoredVersion::version).thenComparingLong(StoredVersion::seq);

    /** Stored versions by the key they were written with: id plus the given version (or none). */
    private final Map<String, StoredVersion> versions = new LinkedHashMap<>();
    private long highestSeq;

    static String key(NewVersion version) {
        return version.id() + "@" + version.version();
    }

    /** Which of the batch's versions are new, in batch order; of duplicates the first wins. */
    List<WriteOutcome> outcomesOf(List<NewVersion> batch) {
        Set<String> known = new HashSet<>(versions.keySet());
        return batch.stream()
                .map(version -> known.add(key(version)) ? WriteOutcome.ADDED : WriteOutcome.ALREADY_PRESENT)
                .toList();
    }

    /** Records a version the store added, with the sequence number and date_added it gave it. */
    void added(NewVersion written, StoredVersion stored) {
        versions.put(key(written), stored);
        highestSeq = Math.max(highestSeq, stored.seq());
    }

    /** The highest sequence number ever handed out, deleted or not: new versions come after it. */
    long highestSeq() {
        return highestSeq;
    }

    List<StoredVersion> all() {
        return List.copyOf(versions.values());
    }

    List<StoredVersion> find(ObjectQuery query) {
        return versions.values().stream()
                .filter(v -> query.ids().isEmpty() || query.ids().contains(v.id()))
                .filter(v -> query.types().isEmpty() || query.types().contains(v.type()))
                .filter(v -> query.addedAfter() == null || v.dateAdded().isAfter(query.addedAfter()))
                .filter(v -> v.seq() > query.afterSeq())
                .filter(selectedVersions(query))
                .sorted(Comparator.comparingLong(StoredVersion::seq))
                .toList();
    }

    int delete(String objectId, ObjectQuery query) {
        Predicate<StoredVersion> selected = selectedVersions(query);
        List<StoredVersion> gone = versions.values().stream()
                .filter(v -> v.id().equals(objectId))
                .filter(selected)
                .toList();
        versions.values().removeAll(gone);
        return gone.size();
    }

    private Predicate<StoredVersion> selectedVersions(ObjectQuery query) {
        Map<String, List<StoredVersion>> byId =
                versions.values().stream().collect(Collectors.groupingBy(StoredVersion::id));
        VersionSelector selector = query.versions();
        boolean nothingChosen = !selector.all() && !selector.first() && !selector.last() && selector.at().isEmpty();
        boolean last = selector.last() || nothingChosen; // the TAXII default
        return v -> {
            if (!query.specVersions().isEmpty() && !query.specVersions().contains(v.specVersion())) return false;
            if (selector.all()) return true;
            List<StoredVersion> sameObject = byId.get(v.id());
            return (selector.first() && sameObject.stream().min(AGE).orElseThrow().equals(v))
                    || (last && sameObject.stream().max(AGE).orElseThrow().equals(v))
                    || selector.at().contains(v.version());
        };
    }
}
