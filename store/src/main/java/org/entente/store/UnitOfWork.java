package org.entente.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.entente.core.policy.MemberId;

/**
 * Writes that commit together: the ones made through one unit of work, inside {@link Store#atomically},
 * are all stored or none is. A received envelope's objects, their sharing labels and the envelope itself go
 * through one unit of work, so no reader ever sees an object of it without its labels (which would make
 * the object look local: visible to every user of this node and changeable by anyone), and a crash between
 * them cannot leave one without the other. Each method does what its namesake in the separate stores does.
 */
public interface UnitOfWork {
    /** As {@link ObjectStore#write}. */
    List<WriteOutcome> objects(String collectionId, List<NewVersion> batch);

    /**
     * As {@link ShareStore#originsOf}, read inside this unit: no other write runs between this read and the
     * writes after it, so a check of who may change an object holds when the object is written.
     */
    Map<String, MemberId> originsOf(Collection<String> objectIds);

    /** As {@link ShareStore#record}. */
    void shares(List<Share> shares);

    /** As {@link InboxStore#record}. */
    boolean inbox(ReceivedEnvelope envelope);

    /** As {@link OutboxStore#enqueue(Collection, String, byte[])}. */
    void outbox(Collection<MemberId> peers, String envelopeId, byte[] envelope);
}
