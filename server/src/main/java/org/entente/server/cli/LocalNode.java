package org.entente.server.cli;

import java.time.Clock;
import org.entente.federation.identity.NodeIdentity;
import org.entente.server.NodeSetup;
import org.entente.server.federation.LocalIdentity;
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

    @Override
    public void close() {
        store.close();
    }
}
