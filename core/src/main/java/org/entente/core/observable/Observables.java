package org.entente.core.observable;

import java.util.List;
import org.entente.core.stix.StixObject;

/**
 * The entry point for normalising with the {@linkplain Normaliser#standard() standard settings}: phone
 * numbers must carry their country code, e-mail local parts are lowercased, and payment cards are
 * accepted only already blinded (use a {@link Normaliser} with a {@link CardBlindingKey} to blind numbers).
 */
public final class Observables {
    private Observables() {}

    /**
     * The canonical observable of {@code raw}.
     *
     * @throws InvalidObservableException naming the input and the rule it breaks
     */
    public static Observable normalise(ObservableKind kind, String raw) {
        return Normaliser.standard().normalise(kind, raw);
    }

    /**
     * The normalised observables a STIX cyber-observable object carries; empty for types that carry none.
     *
     * @throws InvalidObservableException naming the object, property, input and rule of a bad value
     */
    public static List<Observable> of(StixObject sco) {
        return Normaliser.standard().of(sco);
    }
}
