package org.entente.server.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.entente.core.stix.StixValidator;
import org.entente.core.stix.codec.BundleReader.Element;
import org.entente.server.ingest.ElementCheck.Checked;
import org.entente.store.NewVersion;
import org.entente.store.ObjectStore;
import org.entente.store.WriteOutcome;

/**
 * The ingest stage: validates submitted objects and stores the valid ones in batches. An invalid object
 * is rejected with every rule it breaks and never stored; a batch of valid objects is stored atomically.
 * Reports one {@link Outcome} per submitted element.
 */
public final class Ingest {
    /**
     * Objects per transaction of {@link #stream}. Each new object id lands at a random place in the store's
     * id-hash index, so a transaction rewrites about one index page per object until most of the index is
     * touched; fewer, larger transactions write fewer bytes and wait for fewer fsyncs. 25,000 imports about
     * 10 % faster than 10,000 into SQLite for about 30 MiB more heap (docs/PERFORMANCE.md, row 1), and holds
     * the single writer for about half a second per transaction.
     */
    public static final int DEFAULT_BATCH = 25_000;

    private final ObjectStore objects;
    private final ElementCheck check;

    public Ingest(ObjectStore objects, StixValidator validator) {
        this.objects = objects;
        this.check = new ElementCheck(validator);
    }

    /** Validates and stores a whole submission as one batch (the TAXII POST path), on the caller's thread. */
    public List<Outcome> submit(String collectionId, List<Element> elements) {
        List<Outcome> outcomes = new ArrayList<>(elements.size());
        WriteBatches batches = new WriteBatches(batch -> objects.write(collectionId, batch), Math.max(1, elements.size()), outcomes::add);
        for (Element element : elements) batches.accept(check.check(element));
        batches.flush();
        outcomes.sort(Comparator.comparingInt(Outcome::index));
        return outcomes;
    }

    /**
     * Validates and stores a stream of elements in batches of {@code batchSize}. Reading and validation
     * run on other threads ahead of the writes (see {@link CheckAhead}); the store is written and the
     * sink called on the caller's thread only, in the same order as a plain loop would.
     */
    public void stream(String collectionId, Iterator<Element> elements, int batchSize, Consumer<Outcome> sink) {
        WriteBatches batches = new WriteBatches(batch -> objects.write(collectionId, batch), batchSize, sink);
        try (CheckAhead ahead = CheckAhead.start(elements, check)) {
            for (List<Checked> chunk = ahead.next(); chunk != null; chunk = ahead.next()) {
                chunk.forEach(batches::accept);
            }
        }
        batches.flush();
    }

    /**
     * Validates the elements on other cores, as {@link #stream} does, then passes all the valid versions to
     * {@code write} in one call, also when there is none: {@code write} stores them atomically, with whatever
     * must commit with them, and returns one outcome per version in order.
     *
     * @return one outcome per element, in element order
     */
    public List<Outcome> checkThenWrite(List<Element> elements, Function<List<NewVersion>, List<WriteOutcome>> write) {
        List<Outcome> outcomes = new ArrayList<>(elements.size());
        boolean[] written = {false};
        WriteBatches batch = new WriteBatches(versions -> {
            written[0] = true;
            return write.apply(versions);
        }, Math.max(1, elements.size()), outcomes::add);
        try (CheckAhead ahead = CheckAhead.start(elements.iterator(), check)) {
            for (List<Checked> chunk = ahead.next(); chunk != null; chunk = ahead.next()) {
                chunk.forEach(batch::accept);
            }
        }
        batch.flush();
        if (!written[0]) write.apply(List.of());
        outcomes.sort(Comparator.comparingInt(Outcome::index));
        return outcomes;
    }
}
