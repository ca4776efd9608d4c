package org.entente.server.access;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import org.entente.core.policy.Member;
import org.entente.core.policy.MemberId;
import org.entente.core.policy.SharingPolicy;
import org.entente.store.ObjectQuery;
import org.entente.store.Page;
import org.entente.store.Share;
import org.entente.store.ShareStore.VersionRef;
import org.entente.store.Store;
import org.entente.store.StoredVersion;

/**
 * Per-object read access: every read path (TAXII objects, object, versions and manifest, REST search,
 * export) asks here which stored versions a {@link Viewer} may see. A version is visible to a hosted
 * member when one of its sharings lets that member receive it ({@code SharingPolicy.mayReceive}); a
 * version without sharings (local, never shared) is visible to the node's own member only.
 *
 * <p>Filtered pages are filled by scanning on, so a reader does not get empty pages that say "more"; the
 * scan is bounded ({@link #SCAN_BUDGET} versions per request), and when the budget runs out the page says
 * "more" with a cursor past everything scanned, so every request makes progress. A page's cursor never
 * lies inside what the viewer may not see in a way that reveals it: it is either the last item returned or
 * the last version scanned.
 */
public final class VisibleObjects {
    /** Versions scanned at most per request before a partial page is returned. */
    static final int SCAN_BUDGET = 20_000;
    /** Versions fetched per store query while scanning. */
    private static final int BATCH = 1_000;

    private final Store store;

    public VisibleObjects(Store store) {
        this.store = store;
    }

    /** The viewer a principal reads as: admins and the node's own people see all; hosted members are filtered. */
    public Viewer viewerOf(Principal principal) {
        if (principal.admin() || principal.member().isEmpty()) return Viewer.node();
        return viewerFor(principal.member().get());
    }

    /** The viewer of a member: the node itself for the node's own member, a filtered viewer otherwise. */
    public Viewer viewerFor(MemberId member) {
        Optional<MemberId> local = store.members().local().map(Member::id);
        if (local.isPresent() && local.get().equals(member)) return Viewer.node();
        return Viewer.member(member, new SharingPolicy(store.communities().list()));
    }

    /** Like {@code ObjectStore.find}, showing only the versions the viewer may see. */
    public Page find(Viewer viewer, String collectionId, ObjectQuery query) {
        if (!viewer.restricted()) return store.objects().find(collectionId, query);
        int batch = Math.min(ObjectQuery.MAX_LIMIT, Math.max(query.limit() + 1, BATCH));
        return scan(query.afterSeq(), query.limit(),
                after -> store.objects().find(collectionId, query.withAfterSeq(after).withLimit(batch)),
                versions -> visibleAmong(viewer, versions));
    }

    /** Whether the viewer may see any version of the object in the collection. */
    public boolean anyVisible(Viewer viewer, String collectionId, String objectId) {
        return !find(viewer, collectionId, ObjectQuery.all().withIds(Set.of(objectId)).withLimit(1)).items().isEmpty();
    }

    /**
     * Search results: candidates from the store's text search that {@code matches} confirms and the viewer
     * may see, a page of {@code limit} at most after the cursor.
     */
    public Page search(Viewer viewer, Set<String> collectionIds, Set<String> types, List<String> terms,
                       Predicate<StoredVersion> matches, long afterSeq, int limit) {
        int batch = Math.max(limit + 1, BATCH);
        return scan(afterSeq, limit,
                after -> store.search().candidates(collectionIds, types, terms, after, batch),
                versions -> {
                    Predicate<StoredVersion> visible = visibleAmong(viewer, versions);
                    return v -> matches.test(v) && visible.test(v);
                });
    }

    /**
     * Fills a page from batches: {@code fetch} gives the batch after a cursor, {@code keep} says which of a
     * batch's versions belong on the page.
     */
    private static Page scan(long start, int limit, LongFunction<Page> fetch,
                             java.util.function.Function<List<StoredVersion>, Predicate<StoredVersion>> keep) {
        List<StoredVersion> out = new ArrayList<>();
        long cursor = start;
        int scanned = 0;
        while (true) {
            Page batch = fetch.apply(cursor);
            Predicate<StoredVersion> kept = keep.apply(batch.items());
            for (StoredVersion v : batch.items()) {
                if (!kept.test(v)) continue;
                // One more visible version than fits: the page is full and another follows.
                if (out.size() == limit) return new Page(out, true);
                out.add(v);
            }
            if (!batch.more()) return new Page(out, false);
            cursor = batch.nextSeq();
            scanned += batch.items().size();
            if (scanned >= SCAN_BUDGET) return new Page(out, true, cursor);
        }
    }

    /** Which versions of a batch the viewer may see, deciding the whole batch with one read of its sharings. */
    private Predicate<StoredVersion> visibleAmong(Viewer viewer, List<StoredVersion> versions) {
        if (!viewer.restricted()) return v -> true;
        if (versions.isEmpty()) return v -> false;
        // A stored version's "version" is its date_added when the object has none of its own, while its
        // sharings are recorded without a version: ask for both; only one can exist for an id.
        List<VersionRef> refs = new ArrayList<>(versions.size() * 2);
        for (StoredVersion v : versions) {
            refs.add(new VersionRef(v.id(), v.version()));
            refs.add(new VersionRef(v.id(), null));
        }
        Map<VersionRef, List<Share>> shares = store.shares().sharesOf(refs);
        Set<Long> visible = new HashSet<>();
        for (StoredVersion v : versions) {
            if (allows(viewer, shares.get(new VersionRef(v.id(), v.version())))
                    || allows(viewer, shares.get(new VersionRef(v.id(), null)))) {
                visible.add(v.seq());
            }
        }
        return v -> visible.contains(v.seq());
    }

    private static boolean allows(Viewer viewer, List<Share> shares) {
        return shares != null && shares.stream().anyMatch(s -> viewer.mayReceive(s.labels()));
    }
}
