package org.entente.core.pattern.engine;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.core.observable.HashAlgorithm;
import org.entente.core.observable.ObservableKind;
import org.entente.core.pattern.Observation;
import org.entente.core.stix.StixObject;

/**
 * The observed side of {@link PatternRewrite}: every object of an observation with the value on its observable
 * path ({@link ObservablePaths}) in canonical text and the keys of {@code file} {@code hashes} spelled as STIX
 * names them. Objects already canonical are kept as they are, and an observation without any change is
 * returned itself. Observations built from one bundle share their object map; it is normalised once per
 * instance of this class.
 */
final class ObservationNormaliser {
    private final ObservablePaths paths;
    private final Map<Map<String, StixObject>, Map<String, StixObject>> done = new IdentityHashMap<>();

    ObservationNormaliser(ObservablePaths paths) {
        this.paths = paths;
    }

    Observation normalise(Observation observation) {
        Map<String, StixObject> objects = done.computeIfAbsent(observation.objects(), this::normalise);
        if (objects == observation.objects()) return observation;
        return new Observation(observation.id(), observation.firstObserved(), observation.lastObserved(),
                observation.numberObserved(), objects, observation.rootIds());
    }

    List<Observation> normalise(List<Observation> observations) {
        List<Observation> out = new ArrayList<>(observations.size());
        for (Observation o : observations) out.add(normalise(o));
        return out;
    }

    private Map<String, StixObject> normalise(Map<String, StixObject> objects) {
        Map<String, StixObject> out = null;
        for (Map.Entry<String, StixObject> e : objects.entrySet()) {
            StixObject canonical = normalise(e.getValue());
            if (canonical != e.getValue() && out == null) out = new LinkedHashMap<>(objects);
            if (out != null) out.put(e.getKey(), canonical);
        }
        return out == null ? objects : out;
    }

    StixObject normalise(StixObject sco) {
        if (sco.type().equals("file")) return hashes(sco);
        var property = ObservablePaths.valueProperty(sco.type());
        if (property.isEmpty() || !(sco.get(property.get().getKey()) instanceof String raw)) return sco;
        String canonical = paths.canonical(property.get().getValue(), raw);
        if (canonical.equals(raw)) return sco;
        Map<String, Object> copy = new LinkedHashMap<>(sco.properties());
        copy.put(property.get().getKey(), canonical);
        return StixObject.of(copy);
    }

    private StixObject hashes(StixObject file) {
        if (!(file.get("hashes") instanceof Map<?, ?> hashes)) return file;
        Map<String, Object> renamed = new LinkedHashMap<>();
        boolean changed = false;
        for (Map.Entry<?, ?> e : hashes.entrySet()) {
            String name = String.valueOf(e.getKey());
            HashAlgorithm algorithm = ObservablePaths.algorithm(name);
            Object value = e.getValue();
            if (algorithm != null) {
                if (value instanceof String digest) value = paths.canonical(ObservableKind.fileHash(algorithm), digest);
                name = algorithm.stixName();
            }
            changed |= !name.equals(e.getKey()) || !java.util.Objects.equals(value, e.getValue());
            renamed.put(name, value);
        }
        if (!changed) return file;
        Map<String, Object> copy = new LinkedHashMap<>(file.properties());
        copy.put("hashes", renamed);
        return StixObject.of(copy);
    }
}
