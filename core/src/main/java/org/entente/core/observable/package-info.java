/**
 * Observable normalisation: the canonical text of each kind of observable, so that equal things give
 * equal keys in the correlation index and the matching engine.
 *
 * <p>{@link org.entente.core.observable.Observables} is the entry point: {@code normalise(kind, raw)} for one
 * value and {@code of(sco)} for the observables a STIX cyber-observable carries. {@link
 * org.entente.core.observable.Normaliser} holds the settings some kinds need (default phone region, the
 * key that blinds payment cards, how to treat the local part of an e-mail address). {@link
 * org.entente.core.observable.FraudScos} builds the custom SCOs Entente defines for the fraud observables
 * STIX lacks, and {@link org.entente.core.observable.EntenteExtensions} holds their extension definitions.
 *
 * <p>No I/O, no Jackson: everything here is pure computation over strings and the plain JSON trees of
 * {@link org.entente.core.stix.StixObject}.
 */
package org.entente.core.observable;
