package org.entente.federation.identity.files;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.entente.core.policy.MemberId;
import org.entente.core.stix.StixTimestamp;
import org.entente.core.stix.codec.StixJson;
import org.entente.federation.codec.Base64Url;
import org.entente.federation.codec.JsonFieldException;
import org.entente.federation.codec.StrictJsonObject;
import org.entente.federation.identity.Ed25519;
import org.entente.federation.identity.Ed25519Signature;
import org.entente.federation.identity.InvalidKeyChainException;
import org.entente.federation.identity.KeyId;
import org.entente.federation.identity.KeyRotation;
import org.entente.federation.identity.SigningKeyChain;

/**
 * The public signing-key chain as JSON: the file {@code signing-chain.json} and what a node hands a peer
 * to pin.
 * <pre>
 * {"type": "entente-signing-key-chain", "member": "identity--…",
 *  "first_key": "&lt;base64url SubjectPublicKeyInfo&gt;", "first_valid_from": "2026-01-01T00:00:00.000Z",
 *  "rotations": [{"previous_key": "&lt;hex key id&gt;", "next_key": "&lt;base64url SPKI&gt;",
 *                 "valid_from": "…", "signature": "&lt;base64url&gt;"}]}
 * </pre>
 * {@code member} is redundant (it derives from {@code first_key}) and is checked, so a file edited to
 * claim another member is refused instead of believed.
 */
public final class SigningKeyChainJson {
    public static final String TYPE = "entente-signing-key-chain";
    private static final Set<String> FIELDS = Set.of("type", "member", "first_key", "first_valid_from", "rotations");
    private static final Set<String> ROTATION_FIELDS = Set.of("previous_key", "next_key", "valid_from", "signature");

    private SigningKeyChainJson() {}

    public static byte[] write(SigningKeyChain chain) {
        List<Object> rotations = new ArrayList<>();
        for (KeyRotation r : chain.rotations()) {
            rotations.add(StixJson.object(
                    "previous_key", r.previousKey().toString(),
                    "next_key", Base64Url.encode(r.nextKey().getEncoded()),
                    "valid_from", StixTimestamp.ofMillis(r.validFrom()).text(),
                    "signature", Base64Url.encode(r.signature().bytes())));
        }
        Map<String, Object> tree = StixJson.object(
                "type", TYPE,
                "member", chain.member().value(),
                "first_key", Base64Url.encode(chain.firstKey().getEncoded()),
                "first_valid_from", StixTimestamp.ofMillis(chain.firstValidFrom()).text(),
                "rotations", rotations);
        return StixJson.write(tree);
    }

    /** Reads and verifies a chain; bad input fails with the field at fault. */
    public static SigningKeyChain read(byte[] json) {
        StrictJsonObject root = StrictJsonObject.root(StixJson.readTree(json)).allowOnly(FIELDS);
        if (!TYPE.equals(root.string("type"))) throw new JsonFieldException("type", "must be " + TYPE);
        var firstKey = publicKey(root, "first_key");
        MemberId member = MemberId.ofPublicKey(firstKey.getEncoded());
        if (!member.value().equals(root.string("member"))) {
            throw new JsonFieldException("member", "is not the member id of first_key (" + member + ")");
        }
        Instant firstValidFrom = timestamp(root, "first_valid_from");
        List<KeyRotation> rotations = new ArrayList<>();
        for (int i = 0; i < root.list("rotations").size(); i++) {
            StrictJsonObject r = root.element("rotations", i).allowOnly(ROTATION_FIELDS);
            rotations.add(new KeyRotation(member, keyId(r, "previous_key"), publicKey(r, "next_key"),
                    timestamp(r, "valid_from"), signature(r, "signature")));
        }
        try {
            return SigningKeyChain.of(firstKey, firstValidFrom, rotations);
        } catch (InvalidKeyChainException e) {
            throw new JsonFieldException("rotations", e.getMessage());
        }
    }

    private static java.security.PublicKey publicKey(StrictJsonObject o, String name) {
        try {
            return Ed25519.publicKey(o.base64Url(name));
        } catch (IllegalArgumentException e) {
            throw new JsonFieldException(o.pathOf(name), e.getMessage());
        }
    }

    private static KeyId keyId(StrictJsonObject o, String name) {
        try {
            return KeyId.parse(o.string(name));
        } catch (IllegalArgumentException e) {
            throw new JsonFieldException(o.pathOf(name), e.getMessage());
        }
    }

    private static Instant timestamp(StrictJsonObject o, String name) {
        String text = o.string(name);
        Instant instant = StixTimestamp.tryParse(text).map(StixTimestamp::instant)
                .orElseThrow(() -> new JsonFieldException(o.pathOf(name), "is not a timestamp (YYYY-MM-DDTHH:mm:ss.sssZ)"));
        if (!StixTimestamp.ofMillis(instant).text().equals(text)) {
            throw new JsonFieldException(o.pathOf(name), "must have exactly millisecond precision, as it is signed");
        }
        return instant;
    }

    private static Ed25519Signature signature(StrictJsonObject o, String name) {
        try {
            return new Ed25519Signature(o.base64Url(name));
        } catch (IllegalArgumentException e) {
            throw new JsonFieldException(o.pathOf(name), e.getMessage());
        }
    }
}
