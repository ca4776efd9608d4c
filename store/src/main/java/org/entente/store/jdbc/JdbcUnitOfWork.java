package org.entente.store.jdbc;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.entente.core.policy.MemberId;
import org.entente.store.NewVersion;
import org.entente.store.ReceivedEnvelope;
import org.entente.store.Share;
import org.entente.store.UnitOfWork;
import org.entente.store.WriteOutcome;
import org.jdbi.v3.core.Handle;

/** The writes of the stores, all on the handle of one transaction of the serial writer. */
final class JdbcUnitOfWork implements UnitOfWork {
    private final Handle handle;
    private final JdbcObjectStore objects;
    private final JdbcOutboxStore outbox;
    /** The object ids' numbers this transaction found or gave ({@link ObjectKeys}): stored objects, then their shares. */
    private final Map<String, Long> numbered = new HashMap<>();

    JdbcUnitOfWork(Handle handle, JdbcObjectStore objects, JdbcOutboxStore outbox) {
        this.handle = handle;
        this.objects = objects;
        this.outbox = outbox;
    }

    @Override
    public List<WriteOutcome> objects(String collectionId, List<NewVersion> batch) {
        return objects.writeIn(handle, collectionId, List.copyOf(batch), numbered);
    }

    @Override
    public Map<String, MemberId> originsOf(Collection<String> objectIds) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(objectIds));
        return ids.isEmpty() ? Map.of() : JdbcShareStore.originsOf(handle, ids);
    }

    @Override
    public void shares(List<Share> shares) {
        ShareWrite.run(handle, List.copyOf(shares), numbered);
    }

    @Override
    public boolean inbox(ReceivedEnvelope envelope) {
        return JdbcInboxStore.insert(handle, envelope);
    }

    @Override
    public void outbox(Collection<MemberId> peers, String envelopeId, byte[] envelope) {
        outbox.enqueueIn(handle, peers, envelopeId, envelope);
    }
}
