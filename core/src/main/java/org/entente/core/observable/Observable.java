package org.entente.core.observable;

import java.util.Objects;

/**
 * One normalised observable: its kind and its canonical value. Two observables are the same thing exactly
 * when they are equal, so {@link #key()} can serve as the key of an index.
 *
 * <p>For a payment card the value is the keyed hash of the number, never the number.
 */
public record Observable(ObservableKind kind, String value) {
    public Observable {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }

    /** {@code <kind label>|<value>}: one string per distinct observable, for indexes keyed by text. */
    public String key() {
        return kind.label() + "|" + value;
    }

    @Override
    public String toString() {
        return key();
    }
}
