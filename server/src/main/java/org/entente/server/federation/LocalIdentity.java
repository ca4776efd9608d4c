package org.entente.server.federation;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import org.entente.core.policy.Member;
import org.entente.federation.identity.NodeIdentity;
import org.entente.federation.identity.files.NodeKeyDirectory;
import org.entente.federation.identity.files.SigningKeyChainJson;
import org.entente.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's own identity: its keys in {@code <data>/keys}, made at first start, and its member
 * descriptor and key chain in the store, so that the node knows itself the way its peers know it.
 */
public final class LocalIdentity {
    private static final Logger LOG = LoggerFactory.getLogger(LocalIdentity.class);

    private LocalIdentity() {}

    public static Path keysDirectory(Path dataDir) {
        return dataDir.resolve("keys");
    }

    /** Loads the node's keys, making them with {@code profile} when there are none yet. */
    public static NodeIdentity establish(Path dataDir, MemberProfile profile, Store store, Clock clock) {
        NodeKeyDirectory keys = new NodeKeyDirectory(keysDirectory(dataDir), clock, new SecureRandom());
        NodeIdentity identity;
        if (keys.exists()) {
            identity = keys.load();
        } else {
            identity = keys.init();
            LOG.info("made keys for member {} in {}", identity.member(), keys.directory());
        }
        if (store.members().find(identity.member()).isEmpty()) {
            store.members().save(new Member(identity.member(), profile.name(), profile.country(), profile.level(), profile.sector()));
        }
        store.members().setLocal(identity.member());
        store.members().saveKeyChain(identity.member(), SigningKeyChainJson.write(identity.chain()));
        return identity;
    }
}
