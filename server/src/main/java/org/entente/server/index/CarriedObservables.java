package org.entente.server.index;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.entente.core.observable.Observable;
import org.entente.core.policy.MemberId;
import org.entente.core.stix.StixObject;
import org.entente.core.stix.StixTimestamp;

/**
 * What one STIX object contributes to the correlation index, read from the object alone: the observables
 * it carries itself, the objects whose observables it carries too (resolved by the indexer), its
 * references to other objects, when it was seen and by whom.
 */
final class CarriedObservables {
    /** References that say who made or marked an object, not what it is about: left out of the graph. */
    private static final Set<String> NOT_LINKS = Set.of("created_by_ref", "object_marking_refs", "where_sighted_refs");

    /** The properties read below, but for references, which {@link #reads} accepts by their suffix. */
    private static final Set<String> READ = Set.of("type", "id", "modified", "pattern", "pattern_type", "objects",
            "first_seen", "last_seen", "last_observed",
            // what the SCO normalisers read (core's ScoObservables)
            "value", "hashes", "iban", "hash", "card_number", "address", "currency");

    private CarriedObservables() {}

    /**
     * Whether the index reads a top-level property: those named above and every reference. The indexer
     * reads only these of each version, so a property used here must be accepted by this test.
     */
    static boolean reads(String property) {
        return READ.contains(property) || property.endsWith("_ref") || property.endsWith("_refs");
    }

    /**
     * Its own observables: a cyber-observable's values, the SCOs embedded in an observed-data's deprecated
     * {@code objects} property, an indicator's pattern values (STIX patterns only).
     */
    static List<Observable> own(StixObject object) {
        return switch (object.type()) {
            case "indicator" -> object.string("pattern_type").orElse("stix").equals("stix")
                    ? object.string("pattern").map(PatternObservables::of).orElse(List.of())
                    : List.of();
            case "observed-data" -> embedded(object);
            default -> ScoObservables.of(object);
        };
    }

    /**
     * The objects whose observables this one carries as well: an observed-data's {@code object_refs}
     * (STIX 2.1 section 4.14), a sighting's {@code sighting_of_ref} and {@code observed_data_refs}
     * (section 5.2): a sighting of an indicator is a sighting of the values it names.
     */
    static List<String> borrowed(StixObject object) {
        return switch (object.type()) {
            case "observed-data" -> strings(object.list("object_refs"));
            case "sighting" -> {
                List<String> ids = new ArrayList<>();
                object.string("sighting_of_ref").ifPresent(ids::add);
                ids.addAll(strings(object.list("observed_data_refs")));
                yield ids;
            }
            default -> List.of();
        };
    }

    /** Every id the object references by a {@code *_ref} or {@code *_refs} property, but for authorship and markings. */
    static List<String> references(StixObject object) {
        List<String> ids = new ArrayList<>();
        for (Map.Entry<String, Object> property : object.properties().entrySet()) {
            String name = property.getKey();
            if (NOT_LINKS.contains(name)) continue;
            if (name.endsWith("_ref") && property.getValue() instanceof String id) ids.add(id);
            if (name.endsWith("_refs") && property.getValue() instanceof List<?> list) ids.addAll(strings(list));
        }
        return ids;
    }

    /**
     * When the object says it was seen: a sighting's {@code last_seen} (else {@code first_seen}), an
     * observed-data's {@code last_observed}; empty for objects that carry no such time.
     */
    static Optional<Instant> seen(StixObject object) {
        Optional<String> text = switch (object.type()) {
            case "sighting" -> object.string("last_seen").or(() -> object.string("first_seen"));
            case "observed-data" -> object.string("last_observed");
            default -> Optional.empty();
        };
        return text.flatMap(StixTimestamp::tryParse).map(StixTimestamp::instant);
    }

    /** The members a sighting names in {@code where_sighted_refs}; member ids are STIX identity ids. */
    static List<MemberId> sightedBy(StixObject object) {
        if (!object.type().equals("sighting")) return List.of();
        List<MemberId> members = new ArrayList<>();
        for (String id : strings(object.list("where_sighted_refs"))) {
            // An identity that is not a member (a victim organisation, say) sighted it: the origin reports it.
            if (MemberId.isMemberId(id)) members.add(new MemberId(id));
        }
        return members;
    }

    private static List<Observable> embedded(StixObject observedData) {
        if (!(observedData.get("objects") instanceof Map<?, ?> objects)) return List.of();
        List<Observable> found = new ArrayList<>();
        for (Object sco : objects.values()) {
            if (sco instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> properties = (Map<String, Object>) map;
                found.addAll(ScoObservables.of(StixObject.of(properties)));
            }
        }
        return found;
    }

    private static List<String> strings(List<?> values) {
        List<String> out = new ArrayList<>(values.size());
        for (Object v : values) if (v instanceof String s) out.add(s);
        return out;
    }
}
