package org.entente.server.cli;

import java.security.SecureRandom;
import java.time.Clock;
import org.entente.core.stix.StixValidator;
import org.entente.federation.envelope.EnvelopeSigner;
import org.entente.federation.identity.NodeIdentity;
import org.entente.server.NodeSetup;
import org.entente.server.federation.LocalIdentity;
import org.entente.server.ingest.Ingest;
import org.entente.server.share.Channels;
import org.entente.server.share.Sharing;
import org.entente.store.Store;

/**
 * A node's store and identity opened by a command while the node may be running in another process:
 * what the command writes (peers, charters, shares in the outbox) the running node picks up within seconds.
 */
record LocalNode(Store store, NodeIdentity identity) implements AutoCloseable {
    static LocalNode open(StoreOptions storeOptions, MemberOptions member) {
        Store store = storeOptions.open();
        try {
            NodeSetup.ensure(store, storeOptions.dataDir, System.getenv("ENTENTE_ADMIN_TOKEN"));
            NodeIdentity identity = LocalIdentity.establish(storeOptions.dataDir, member.profile(), store, Clock.systemUTC());
            return new LocalNode(store, identity);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** The share stage acting for this node's member; what it queues, the running node delivers. */
    Sharing sharing() {
        return new Sharing(store, new Ingest(store.objects(), StixValidator.stix21()), StixValidator.stix21(),
                new EnvelopeSigner(identity, Clock.systemUTC(), new SecureRandom()), new Channels(store.collections()),
                identity.member(), () -> { });
    }

    @Override
    public void close() {
        store.close();
    }
}
