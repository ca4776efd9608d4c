package org.entente.core.pattern.ast;

import java.util.Objects;

/** One step of an object path. */
public sealed interface PathStep {

    /** A property (dictionary key); written bare or quoted ({@code hashes.'SHA-256'}). */
    record Property(String name) implements PathStep {
        public Property {
            Objects.requireNonNull(name, "name");
        }
    }

    /** {@code [n]}: one element of a list. */
    record Index(int index) implements PathStep {
        public Index {
            if (index < 0) throw new IllegalArgumentException("a list index is not negative");
        }
    }

    /** {@code [*]}: any element of a list. */
    record AnyIndex() implements PathStep {}
}
