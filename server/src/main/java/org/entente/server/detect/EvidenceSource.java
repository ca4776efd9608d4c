package org.entente.server.detect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.entente.core.policy.Distribution;
import org.entente.core.policy.Member;
import org.entente.core.policy.MemberId;
import org.entente.core.policy.SharingLabels;
import org.entente.core.policy.Tlp;
import org.entente.store.Share;
import org.entente.store.ShareStore.VersionRef;
import org.entente.store.Store;

/**
 * The evidence a stored object version gives: its origin member and sharing labels. A version that came
 * with shares carries its origin's labels (the first share; every share of one version has the same origin);
 * one never shared to this node is this node's own, for its member alone ({@code organisation}
 * distribution), at its TLP marking or else AMBER.
 */
final class EvidenceSource {
    static final String LOCAL_DOMAIN = "cyber";

    private final Store store;
    private final MemberId local;

    EvidenceSource(Store store, MemberId local) {
        this.store = store;
        this.local = local;
    }

    /** One evidence per object version asked, in order; absent for a version whose member is not known here. */
    List<Evidence> of(List<Version> versions) {
        Map<Version, Evidence> found = byVersion(versions);
        List<Evidence> evidence = new ArrayList<>(versions.size());
        for (Version v : versions) {
            Evidence e = found.get(v);
            if (e != null) evidence.add(e);
        }
        return evidence;
    }

    /**
     * The evidence of each version asked, with one read of their shares and one of each member whatever their
     * number (the detect stage asks once per round); a version whose member is not known here is absent.
     */
    Map<Version, Evidence> byVersion(Collection<Version> versions) {
        if (versions.isEmpty()) return Map.of();
        Map<VersionRef, List<Share>> shares = store.shares().sharesOf(versions.stream().map(Version::ref).distinct().toList());
        Map<MemberId, Optional<Member>> members = new HashMap<>();
        Map<Version, Evidence> evidence = new HashMap<>();
        for (Version v : versions) {
            List<Share> s = shares.getOrDefault(v.ref(), List.of());
            SharingLabels labels = s.isEmpty() ? localLabels(v.tlp()) : s.get(0).labels();
            members.computeIfAbsent(labels.origin(), this::member)
                    .ifPresent(m -> evidence.put(v, new Evidence(v.ref().objectId(), m, labels)));
        }
        return evidence;
    }

    Optional<Evidence> of(Version version) {
        return of(List.of(version)).stream().findFirst();
    }

    /** The labels of this node's own objects, which nobody else may receive. */
    SharingLabels localLabels(Optional<Tlp> tlp) {
        return SharingLabels.of(local, Distribution.ORGANISATION, tlp.orElse(Tlp.AMBER), LOCAL_DOMAIN);
    }

    private Optional<Member> member(MemberId id) {
        Optional<Member> found = store.members().find(id);
        if (found.isEmpty() && id.equals(local)) return store.members().local();
        return found;
    }

    /**
     * An object version ({@code version} null for none) and its own marking references, whose TLP (the first
     * that gives one) labels it when it was never shared: read only then, most versions have shares.
     */
    record Version(VersionRef ref, List<String> markingRefs) {
        Version {
            markingRefs = List.copyOf(markingRefs);
        }

        /** A version whose markings do not matter (its labels come from its shares, or else AMBER). */
        static Version of(VersionRef ref) {
            return new Version(ref, List.of());
        }

        static Version of(String id, Instant version, Collection<Object> markingRefs) {
            List<String> refs = new ArrayList<>(markingRefs.size());
            for (Object ref : markingRefs) if (ref instanceof String marking) refs.add(marking);
            return new Version(new VersionRef(id, version), refs);
        }

        Optional<Tlp> tlp() {
            return markingRefs.stream().map(Tlp::ofMarking).flatMap(Optional::stream).findFirst();
        }
    }
}
