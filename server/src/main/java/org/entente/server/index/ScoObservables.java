package org.entente.server.index;

import java.util.List;
import org.entente.core.observable.Observable;
import org.entente.core.observable.Observables;
import org.entente.core.stix.StixObject;

/**
 * The observables of one cyber-observable, or none when a value does not normalise: a malformed value in
 * a stored object is the sharer's to fix, and must not stop the index from reading past it.
 */
final class ScoObservables {
    private ScoObservables() {}

    static List<Observable> of(StixObject sco) {
        try {
            return Observables.of(sco);
        } catch (IllegalArgumentException malformed) {
            return List.of();
        }
    }
}
