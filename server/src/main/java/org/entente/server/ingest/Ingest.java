package org.entente.server.ingest;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.entente.core.stix.StixObject;
import org.entente.core.stix.StixTimestamp;
import org.entente.core.stix.StixValidator;
import org.entente.core.stix.StixVersions;
import org.entente.core.stix.Violation;
import org.entente.core.stix.codec.BundleReader.Element;
import org.entente.core.stix.codec.StixJson;
import org.entente.store.NewVersion;
import org.entente.store.ObjectStore;
import org.entente.store.WriteOutcome;

/**
 * The ingest stage: validates submitted objects and stores the valid ones in batches. An invalid object
 * is rejected with every rule it breaks and never stored; a batch of valid objects is stored atomically.
 * Reports one {@link Outcome} per submitted element.
 */
public final class Ingest {
    public static final int DEFAULT_BATCH = 2_000;

    private final ObjectStore objects;
    private final StixValidator validator;

    public Ingest(ObjectStore objects, StixValidator validator) {
        this.objects = objects;
        this.validator = validator;
    }

    /** Validates and stores a whole submission as one batch (the TAXII POST path). */
    public List<Outcome> submit(String collectionId, List<Element> elements) {
        List<Outcome> outcomes = new ArrayList<>(elements.size());
        stream(collectionId, elements.iterator(), Math.max(1, elements.size()), outcomes::add);
        outcomes.sort(java.util.Comparator.comparingInt(Outcome::index));
        return outcomes;
    }

    /** Validates and stores a stream of elements in batches of {@code batchSize}. */
    public void stream(String collectionId, Iterator<Element> elements, int batchSize, Consumer<Outcome> sink) {
        List<Pending> batch = new ArrayList<>(batchSize);
        while (elements.hasNext()) {
            Element element = elements.next();
            Pending pending = check(element, sink);
            if (pending == null) continue;
            batch.add(pending);
            if (batch.size() >= batchSize) {
                flush(collectionId, batch, sink);
            }
        }
        flush(collectionId, batch, sink);
    }

    private record Pending(int index, String versionText, NewVersion version) {}

    private Pending check(Element element, Consumer<Outcome> sink) {
        if (!element.ok()) {
            sink.accept(new Outcome(element.index(), null, null, Outcome.Kind.REJECTED, element.error()));
            return null;
        }
        StixObject object = element.object();
        String versionText = object.version().map(StixTimestamp::text).orElse(null);
        List<Violation> errors = validator.validate(object).stream().filter(Violation::isError).toList();
        if (!errors.isEmpty()) {
            String reason = errors.stream().map(Violation::message).collect(Collectors.joining("; "));
            sink.accept(new Outcome(element.index(), nullIfEmpty(object.id()), versionText, Outcome.Kind.REJECTED, reason));
            return null;
        }
        NewVersion version = new NewVersion(
                object.id(),
                object.type(),
                StixVersions.specVersionOf(object, null),
                object.version().map(StixTimestamp::instant).orElse(null),
                StixJson.writeString(object));
        return new Pending(element.index(), versionText, version);
    }

    private void flush(String collectionId, List<Pending> batch, Consumer<Outcome> sink) {
        if (batch.isEmpty()) return;
        List<WriteOutcome> written = objects.write(collectionId, batch.stream().map(Pending::version).toList());
        for (int i = 0; i < batch.size(); i++) {
            Pending pending = batch.get(i);
            Outcome.Kind kind = written.get(i) == WriteOutcome.ADDED ? Outcome.Kind.ADDED : Outcome.Kind.UNCHANGED;
            sink.accept(new Outcome(pending.index(), pending.version().id(), pending.versionText(), kind, null));
        }
        batch.clear();
    }

    private static String nullIfEmpty(String s) {
        return s.isEmpty() ? null : s;
    }
}
