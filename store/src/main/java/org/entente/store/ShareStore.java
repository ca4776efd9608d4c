package org.entente.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.entente.core.policy.MemberId;

/**
 * The sharing labels of stored object versions. {@code version} is the object's own version, or null for
 * an object without one, as in {@link NewVersion}.
 */
public interface ShareStore {
    /** Records shares; recording the same (object, version, envelope) again changes nothing. */
    void record(List<Share> shares);

    /** The shares of each requested (object id, version); versions without shares are absent. */
    Map<VersionRef, List<Share>> sharesOf(Collection<VersionRef> versions);

    /**
     * The member that first shared an object id to this node: the only one whose later versions of it
     * are accepted.
     */
    default Optional<MemberId> originOf(String objectId) {
        return Optional.ofNullable(originsOf(List.of(objectId)).get(objectId));
    }

    /**
     * {@link #originOf} for many object ids at once, with a few queries whatever their number; ids never
     * shared to this node are absent from the answer.
     */
    Map<String, MemberId> originsOf(Collection<String> objectIds);

    /** An object version, by id and version (null for none). */
    record VersionRef(String objectId, Instant version) {}
}
