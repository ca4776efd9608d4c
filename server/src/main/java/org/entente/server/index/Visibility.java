package org.entente.server.index;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.entente.core.policy.MemberId;
import org.entente.core.policy.SharingPolicy;
import org.entente.store.IndexedObject;
import org.entente.store.Share;
import org.entente.store.ShareStore.VersionRef;
import org.entente.store.Store;

/**
 * Which indexed objects a member may know of, by the sharing policy: an object that came with shares is
 * visible when one of its newest version's shares lets the member receive it; an object never shared to
 * this node belongs to its origin (this node's member) alone. Asked afresh per query, so a charter changed
 * a moment ago already counts.
 */
final class Visibility {
    private final Store store;

    Visibility(Store store) {
        this.store = store;
    }

    /** The ids of the objects the member may know of. */
    Set<String> visibleTo(MemberId member, Collection<IndexedObject> objects) {
        if (objects.isEmpty()) return Set.of();
        SharingPolicy policy = new SharingPolicy(store.communities().list());
        Map<VersionRef, List<Share>> shares = store.shares().sharesOf(objects.stream().map(IndexedObject::versionRef).toList());
        return objects.stream()
                .filter(o -> {
                    List<Share> s = shares.getOrDefault(o.versionRef(), List.of());
                    return s.isEmpty()
                            ? o.origin().equals(member)
                            : s.stream().anyMatch(share -> policy.mayReceive(share.labels(), member).allowed());
                })
                .map(IndexedObject::id)
                .collect(Collectors.toSet());
    }
}
