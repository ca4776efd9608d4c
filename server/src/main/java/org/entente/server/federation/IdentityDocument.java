package org.entente.server.federation;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.entente.core.policy.Level;
import org.entente.core.policy.Member;
import org.entente.core.stix.codec.StixJson;
import org.entente.core.stix.codec.StixParseException;
import org.entente.federation.identity.Fingerprint;
import org.entente.federation.identity.KeyId;
import org.entente.federation.identity.NodeIdentity;
import org.entente.federation.identity.SigningKeyChain;
import org.entente.federation.identity.files.SigningKeyChainJson;

/**
 * What a node tells whoever connects to {@code /federation/v1/identity}: its member descriptor, its
 * signing-key chain and its fingerprints. It is authentic because it is read over a TLS connection pinned
 * to the node's certificate; the member id is never taken from the document but derived from the chain.
 */
public record IdentityDocument(Member member, SigningKeyChain chain, Fingerprint tlsFingerprint) {
    public Fingerprint signingFingerprint() {
        return KeyId.of(chain.firstKey()).fingerprint();
    }

    public static IdentityDocument of(NodeIdentity identity, Member member) {
        return new IdentityDocument(member, identity.chain(), identity.tls().fingerprint());
    }

    public byte[] toJson() {
        Object chainTree = StixJson.readTree(SigningKeyChainJson.write(chain));
        return StixJson.write(StixJson.object(
                "type", "entente-node-identity",
                "member", StixJson.object(
                        "id", member.id().value(), "name", member.name(), "country", member.country(),
                        "level", member.level().name().toLowerCase(Locale.ROOT), "sector", member.sector()),
                "key_chain", chainTree,
                "tls_fingerprint", tlsFingerprint.hex()));
    }

    /**
     * Reads and checks a document: the chain's rotations must verify and the member id it derives must be
     * the one the document names.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    @SuppressWarnings("unchecked")
    public static IdentityDocument parse(byte[] json) {
        Map<String, Object> root;
        try {
            if (!(StixJson.readTree(json) instanceof Map<?, ?> map)) throw new IllegalArgumentException("identity document is not a JSON object");
            root = (Map<String, Object>) map;
        } catch (StixParseException e) {
            throw new IllegalArgumentException("identity document: " + e.getMessage(), e);
        }
        if (!"entente-node-identity".equals(root.get("type"))) throw new IllegalArgumentException("not an Entente node identity document");
        if (!(root.get("member") instanceof Map<?, ?> m)) throw new IllegalArgumentException("identity document: member is missing");
        SigningKeyChain chain = SigningKeyChainJson.read(StixJson.write(root.get("key_chain")));
        Map<String, Object> member = (Map<String, Object>) m;
        if (!chain.member().value().equals(member.get("id"))) {
            throw new IllegalArgumentException("identity document names member " + member.get("id")
                    + " but its key chain belongs to " + chain.member());
        }
        Member descriptor = new Member(chain.member(), text(member, "name"), text(member, "country"),
                Level.valueOf(text(member, "level").toUpperCase(Locale.ROOT)), text(member, "sector"));
        return new IdentityDocument(descriptor, chain, Fingerprint.parse(text(root, "tls_fingerprint")));
    }

    private static String text(Map<String, Object> map, String field) {
        if (!(map.get(field) instanceof String s)) throw new IllegalArgumentException("identity document: " + field + " must be a string");
        return s;
    }

    @Override
    public String toString() {
        return new String(toJson(), StandardCharsets.UTF_8);
    }
}
