package org.entente.core.observable;

import java.util.Optional;
import java.util.function.Supplier;
import org.entente.core.stix.StixObject;

/** Reading observable values out of SCO properties, with failures located at the property. */
final class ScoValues {
    private ScoValues() {}

    /** The string property, empty when absent or null; any other JSON value is an error. */
    static Optional<String> string(StixObject sco, String property) {
        Object value = sco.get(property);
        if (value == null) return Optional.empty();
        if (value instanceof String s) return Optional.of(s);
        throw new IllegalArgumentException(where(sco, property) + " must be a string");
    }

    /** Runs {@code normalisation}, locating a failure at {@code property} of {@code sco}. */
    static <T> T at(StixObject sco, String property, Supplier<T> normalisation) {
        try {
            return normalisation.get();
        } catch (InvalidObservableException e) {
            throw e.at(where(sco, property));
        }
    }

    /** An OpenCTI bank account's IBAN: {@code iban}, else {@code account_number} when it holds a valid IBAN. */
    static Optional<Observable> openCtiIban(StixObject sco, Normaliser normaliser) {
        Optional<String> iban = string(sco, "iban");
        if (iban.isPresent()) {
            return Optional.of(at(sco, "iban", () -> normaliser.normalise(ObservableKind.BANK_ACCOUNT, iban.get())));
        }
        return string(sco, "account_number").filter(Ibans::isValid)
                .map(number -> normaliser.normalise(ObservableKind.BANK_ACCOUNT, number));
    }

    static String where(StixObject sco, String property) {
        return (sco.id().isEmpty() ? sco.type() : sco.id()) + "/" + property;
    }
}
