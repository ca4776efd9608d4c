package org.entente.core.pattern.engine;

import java.util.List;
import org.entente.core.observable.HashAlgorithm;
import org.entente.core.observable.ObservableKind;
import org.entente.core.pattern.ast.ObjectPath;
import org.entente.core.pattern.ast.PathStep;

/**
 * One object path that has keys in the index, with how many keys use it (so that a path nobody uses any more
 * is no longer probed) and, on IP paths, how many keys there are of each prefix length (so that an address is
 * looked up only under the lengths in use: one probe per length, as in per-length hash tables of routers).
 */
final class IndexedPath {
    final int id;
    final ObjectPath path;
    final List<PathStep> steps;
    /** The observable kind of values here, or null when they are compared as written. */
    final ObservableKind kind;
    final boolean network;
    final int[] ipv4Lengths = new int[33];
    final int[] ipv6Lengths = new int[129];
    /** The prefix lengths with keys, shortest first, so a look-up visits only those. */
    int[] ipv4InUse = new int[0];
    int[] ipv6InUse = new int[0];
    /** On {@code file:hashes.'X'} paths the algorithm, whose key may be spelled in any way tools spell it. */
    final HashAlgorithm hashAlgorithm;
    int keys;

    IndexedPath(int id, ObjectPath path, ObservableKind kind) {
        this.id = id;
        this.path = path;
        this.steps = path.steps();
        this.kind = kind;
        this.network = kind != null && ObservablePaths.isNetwork(kind);
        this.singleProperty = steps.size() == 1 && steps.getFirst() instanceof PathStep.Property p ? p.name() : null;
        this.readsType = "type".equals(singleProperty);
        this.hashAlgorithm = kind instanceof ObservableKind.FileHash hash ? hash.algorithm() : null;
    }

    /** Counts a key of an address block more ({@code +1}) or less ({@code -1}). */
    void count(boolean v6, int prefix, int change) {
        int[] lengths = v6 ? ipv6Lengths : ipv4Lengths;
        boolean wasInUse = lengths[prefix] > 0;
        lengths[prefix] += change;
        // The lengths in use change only when a length's count leaves or reaches 0: most keys change neither.
        if (wasInUse == lengths[prefix] > 0) return;
        int[] inUse = java.util.stream.IntStream.range(0, lengths.length).filter(l -> lengths[l] > 0).toArray();
        if (v6) ipv6InUse = inUse;
        else ipv4InUse = inUse;
    }

    /** The single property name when the path is one property step, else null. */
    final String singleProperty;
    /** Whether the path is {@code TYPE:type}, whose value is the object's type. */
    final boolean readsType;
}
