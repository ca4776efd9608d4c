package org.entente.core.pattern;

/** A lazily produced run of bindings; {@link #next()} returns null when there are no more. */
@FunctionalInterface
interface BindingSource {
    Binding next();
}
