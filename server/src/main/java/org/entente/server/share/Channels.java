package org.entente.server.share;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.entente.core.policy.Community;
import org.entente.core.policy.MemberId;
import org.entente.core.policy.SharingLabels;
import org.entente.core.policy.SharingPolicy;
import org.entente.server.NodeSetup;
import org.entente.store.CollectionInfo;
import org.entente.store.CollectionStore;

/**
 * Where shared objects are kept on a node: one collection per community they came through (alias
 * {@code c-<community>}) and {@code direct} for those addressed to this node's member by name. TAXII
 * readers see a community's traffic as that collection.
 */
public final class Channels {
    public static final String DIRECT = "direct";
    private static final String COMMUNITY_PREFIX = "c-";

    private final CollectionStore collections;

    public Channels(CollectionStore collections) {
        this.collections = collections;
    }

    public static String aliasOf(Community community) {
        return COMMUNITY_PREFIX + community.name();
    }

    /** The name of the community whose traffic the collection carries, if it is such a collection. */
    public static Optional<String> communityNameOf(CollectionInfo collection) {
        String alias = collection.alias();
        if (alias == null || !alias.startsWith(COMMUNITY_PREFIX)) return Optional.empty();
        return Optional.of(alias.substring(COMMUNITY_PREFIX.length()));
    }

    /**
     * The id of the collection that carries the community's traffic, created when missing: it exists from the
     * moment the community is known here, so members may post into it (a TAXII POST there shares to it).
     */
    public synchronized String collectionOf(Community community) {
        return ensure(aliasOf(community));
    }

    /** The collections an object with these labels belongs in, for this member; created when missing. */
    public synchronized List<String> collectionsFor(SharingLabels labels, MemberId member, SharingPolicy policy) {
        Set<String> aliases = new LinkedHashSet<>();
        if (labels.distribution().members().contains(member)) aliases.add(DIRECT);
        for (Community c : policy.communitiesCarrying(labels, member)) aliases.add(aliasOf(c));
        List<String> ids = new ArrayList<>(aliases.size());
        for (String alias : aliases) ids.add(ensure(alias));
        return ids;
    }

    /**
     * Where a version with these labels is stored when this member shares it: the collections it belongs in
     * ({@link #collectionsFor}) and {@code default}, which holds everything the node stores.
     */
    public List<String> storedIn(SharingLabels labels, MemberId member, SharingPolicy policy) {
        Set<String> ids = new LinkedHashSet<>(collectionsFor(labels, member, policy));
        collections.find(NodeSetup.DEFAULT_COLLECTION).ifPresent(c -> ids.add(c.id()));
        return List.copyOf(ids);
    }

    private String ensure(String alias) {
        return collections.find(alias).map(CollectionInfo::id).orElseGet(() -> {
            String id = UUID.randomUUID().toString();
            String title = alias.equals(DIRECT) ? "Shared with this member by name" : "Shared through community " + alias.substring(COMMUNITY_PREFIX.length());
            try {
                collections.create(new CollectionInfo(id, title, null, alias));
                return id;
            } catch (IllegalStateException createdMeanwhile) {
                // Another process on the same store (the CLI, or a node sharing PostgreSQL) made it first.
                return collections.find(alias).orElseThrow(() -> createdMeanwhile).id();
            }
        });
    }
}
