package org.entente.federation.envelope.codec;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.entente.core.policy.Distribution;
import org.entente.core.policy.Grading;
import org.entente.core.policy.HandlingCode;
import org.entente.core.policy.MemberId;
import org.entente.core.policy.Tlp;
import org.entente.core.stix.StixObject;
import org.entente.core.stix.StixTimestamp;
import org.entente.core.stix.codec.StixJson;
import org.entente.core.stix.codec.StixParseException;
import org.entente.federation.codec.Base64Url;
import org.entente.federation.codec.ExactNumbers;
import org.entente.federation.codec.JsonFieldException;
import org.entente.federation.codec.StrictJsonObject;
import org.entente.federation.envelope.Envelope;
import org.entente.federation.envelope.EnvelopeId;
import org.entente.federation.envelope.EnvelopeMarkings;
import org.entente.federation.envelope.Nonce;
import org.entente.federation.identity.Ed25519Signature;
import org.entente.federation.identity.KeyId;

/**
 * The envelope as JSON:
 * <pre>
 * {
 *   "type": "entente-envelope", "version": 1,
 *   "id": "envelope--&lt;UUIDv4&gt;", "created": "2026-03-01T10:00:00.000Z", "nonce": "&lt;base64url, 16 bytes&gt;",
 *   "origin": "identity--&lt;UUIDv5&gt;", "sender_key": "&lt;hex SHA-256 of the signing key&gt;",
 *   "audience": {"members": ["identity--…"], "communities": ["eu-certs"], "all_communities": false},
 *   "markings": {"tlp": "amber+strict", "domain": "cyber", "handling_code": "H1", "grading": "B2"},
 *   "objects": [ { STIX 2.1 object }, … ],
 *   "signature": "&lt;base64url Ed25519 signature&gt;"
 * }
 * </pre>
 * The signature is Ed25519 (RFC 8032) over the RFC 8785 canonical JSON of the whole document without
 * {@code signature}; {@code type} and {@code version} are inside it, so an envelope signature cannot be
 * passed off as a key-rotation signature or as another version's. {@code handling_code} and
 * {@code grading} are absent when not set (never null). Fields are all required otherwise, and unknown
 * fields are refused at every level except inside STIX objects, whose custom properties are STIX's own
 * business and are covered by the signature all the same.
 */
public final class EnvelopeJson {
    public static final String TYPE = "entente-envelope";
    public static final int VERSION = 1;
    static final String SIGNATURE = "signature";
    private static final Set<String> FIELDS = Set.of(
            "type", "version", "id", "created", "nonce", "origin", "sender_key", "audience", "markings", "objects", SIGNATURE);
    private static final Set<String> AUDIENCE_FIELDS = Set.of("members", "communities", "all_communities");
    private static final Set<String> MARKING_FIELDS = Set.of("tlp", "domain", "handling_code", "grading");
    /**
     * How the canonical JSON of every envelope ends: {@code type} and {@code version} sort last among its
     * members (RFC 8785 section 3.2.3 orders members by their names' UTF-16 code units).
     */
    private static final byte[] CANONICAL_END = (",\"type\":\"" + TYPE + "\",\"version\":" + VERSION + "}").getBytes(UTF_8);

    private EnvelopeJson() {}

    /** The bytes to sign: RFC 8785 canonical JSON of the envelope without its signature. */
    public static byte[] signedContent(Envelope envelope) {
        return StixJson.canonical(unsignedTree(envelope));
    }

    /** The envelope with its signature, as sent: see {@link #withSignature}. */
    public static byte[] write(Envelope envelope, Ed25519Signature signature) {
        return withSignature(signedContent(envelope), signature);
    }

    /**
     * The signed content with its signature spliced in where RFC 8785 orders it (after {@code sender_key},
     * before {@code type}), so the document sent is canonical JSON too, and a receiver can take the bytes
     * the signature covers out of it instead of canonicalising again ({@link ParsedEnvelope}).
     */
    public static byte[] withSignature(byte[] signedContent, Ed25519Signature signature) {
        int cut = signedContent.length - CANONICAL_END.length;
        if (cut < 0 || !Arrays.equals(signedContent, cut, signedContent.length, CANONICAL_END, 0, CANONICAL_END.length)) {
            throw new IllegalArgumentException("not the canonical content of an envelope: it must end in " + new String(CANONICAL_END, UTF_8));
        }
        byte[] member = signatureMember(signature);
        byte[] sent = Arrays.copyOf(signedContent, signedContent.length + member.length);
        System.arraycopy(member, 0, sent, cut, member.length);
        System.arraycopy(CANONICAL_END, 0, sent, cut + member.length, CANONICAL_END.length);
        return sent;
    }

    /** {@code ,"signature":"<base64url>"}: the member {@link #withSignature} splices in. */
    private static byte[] signatureMember(Ed25519Signature signature) {
        return (",\"" + SIGNATURE + "\":\"" + Base64Url.encode(signature.bytes()) + "\"").getBytes(UTF_8);
    }

    /** The received bytes without the member {@link #withSignature} put in, or null for any other layout. */
    private static byte[] contentAsSent(byte[] json, Ed25519Signature signature) {
        byte[] member = signatureMember(signature);
        int end = json.length - CANONICAL_END.length;
        int start = end - member.length;
        if (start < 0
                || !Arrays.equals(json, end, json.length, CANONICAL_END, 0, CANONICAL_END.length)
                || !Arrays.equals(json, start, end, member, 0, member.length)) {
            return null;
        }
        byte[] content = Arrays.copyOf(json, start + CANONICAL_END.length);
        System.arraycopy(CANONICAL_END, 0, content, start, CANONICAL_END.length);
        return content;
    }

    static Map<String, Object> unsignedTree(Envelope e) {
        List<Object> objects = new ArrayList<>();
        for (int i = 0; i < e.objects().size(); i++) {
            Map<String, Object> properties = e.objects().get(i).properties();
            ExactNumbers.check(properties, "objects[" + i + "]");
            objects.add(properties);
        }
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("type", TYPE);
        tree.put("version", VERSION);
        tree.put("id", e.id().value());
        tree.put("created", e.created().text());
        tree.put("nonce", e.nonce().value());
        tree.put("origin", e.origin().value());
        tree.put("sender_key", e.senderKey().toString());
        // Sets have no order; sorted lists give one sender one encoding.
        tree.put("audience", StixJson.object(
                "members", e.audience().members().stream().map(MemberId::value).sorted().toList(),
                "communities", new ArrayList<>(new TreeSet<>(e.audience().communities())),
                "all_communities", e.audience().allCommunities()));
        tree.put("markings", StixJson.object(
                "tlp", e.markings().tlp().level(),
                "domain", e.markings().domain(),
                "handling_code", e.markings().handlingCode().map(HandlingCode::name).orElse(null),
                "grading", e.markings().grading().map(Grading::toString).orElse(null)));
        tree.put("objects", objects);
        return tree;
    }

    /**
     * Reads a received envelope. Bad input fails with a {@link JsonFieldException} naming the field at
     * fault; nothing here checks the signature (see {@code EnvelopeVerifier}).
     */
    public static ParsedEnvelope read(byte[] json) {
        StixJson.TreeWithElements read;
        try {
            // Each object's text as received is kept: the receiver stores it as it is instead of writing it again.
            read = StixJson.readTreeKeepingElements(json, "objects");
        } catch (StixParseException e) {
            throw new JsonFieldException("", e.getMessage());
        }
        StrictJsonObject root = StrictJsonObject.root(read.tree()).allowOnly(FIELDS);
        if (!TYPE.equals(root.string("type"))) throw new JsonFieldException("type", "must be \"" + TYPE + "\"");
        if (root.integer("version") != VERSION) throw new JsonFieldException("version", "must be " + VERSION);
        Envelope envelope = new Envelope(
                field(root, "id", EnvelopeId::new),
                field(root, "created", StixTimestamp::parse),
                field(root, "nonce", Nonce::new),
                field(root, "origin", MemberId::new),
                field(root, "sender_key", KeyId::parse),
                audience(root.object("audience")),
                markings(root.object("markings")),
                objects(root));
        Ed25519Signature signature;
        try {
            signature = new Ed25519Signature(root.base64Url(SIGNATURE));
        } catch (IllegalArgumentException e) {
            throw new JsonFieldException(SIGNATURE, e.getMessage());
        }
        Map<String, Object> unsigned = new LinkedHashMap<>(root.fields());
        unsigned.remove(SIGNATURE);
        List<String> texts = read.elementTexts().size() == envelope.objects().size() ? read.elementTexts() : List.of();
        return new ParsedEnvelope(envelope, signature, unsigned, contentAsSent(json, signature), texts);
    }

    private static Distribution audience(StrictJsonObject audience) {
        audience.allowOnly(AUDIENCE_FIELDS);
        List<String> members = distinct(audience, "members");
        Set<MemberId> memberIds = new HashSet<>();
        for (int i = 0; i < members.size(); i++) {
            String text = members.get(i);
            memberIds.add(parse(audience.pathOf("members") + "[" + i + "]", () -> new MemberId(text)));
        }
        List<String> communities = distinct(audience, "communities");
        for (int i = 0; i < communities.size(); i++) {
            if (communities.get(i).isBlank()) throw new JsonFieldException(audience.pathOf("communities") + "[" + i + "]", "is empty");
        }
        return new Distribution(memberIds, Set.copyOf(communities), audience.bool("all_communities"));
    }

    /** A list that stands for a set: a repeated element would be a second encoding of the same audience. */
    private static List<String> distinct(StrictJsonObject o, String name) {
        List<String> values = o.strings(name);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            if (!seen.add(values.get(i))) throw new JsonFieldException(o.pathOf(name) + "[" + i + "]", "repeats an earlier element");
        }
        return values;
    }

    private static EnvelopeMarkings markings(StrictJsonObject markings) {
        markings.allowOnly(MARKING_FIELDS);
        String tlpText = markings.string("tlp");
        // Only the exact TLP 2.0 spelling: the lenient Tlp.parse would give one level several signed forms.
        Tlp tlp = Tlp.parse(tlpText).filter(t -> t.level().equals(tlpText)).orElseThrow(() -> new JsonFieldException(
                markings.pathOf("tlp"), "must be one of clear, green, amber, amber+strict, red"));
        String domain = markings.string("domain");
        if (domain.isBlank()) throw new JsonFieldException(markings.pathOf("domain"), "is empty");
        Optional<HandlingCode> code = markings.optionalString("handling_code").map(text -> parse(markings.pathOf("handling_code"),
                () -> handlingCode(text)));
        Optional<Grading> grading = markings.optionalString("grading").map(text -> parse(markings.pathOf("grading"), () -> {
            Grading g = Grading.parse(text);
            if (!g.toString().equals(text)) throw new IllegalArgumentException("must be written in capitals, e.g. B2");
            return g;
        }));
        return new EnvelopeMarkings(tlp, domain, code, grading);
    }

    private static HandlingCode handlingCode(String text) {
        for (HandlingCode code : HandlingCode.values()) {
            if (code.name().equals(text)) return code;
        }
        throw new IllegalArgumentException("must be one of H0, H1, H2, H3");
    }

    private static List<StixObject> objects(StrictJsonObject root) {
        int count = root.list("objects").size();
        if (count == 0) throw new JsonFieldException("objects", "must hold at least one object");
        List<StixObject> objects = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StrictJsonObject object = root.element("objects", i);
            object.string("type");
            object.string("id");
            ExactNumbers.check(object.fields(), root.pathOf("objects") + "[" + i + "]");
            objects.add(StixObject.of(object.fields()));
        }
        return objects;
    }

    private static <T> T field(StrictJsonObject o, String name, Function<String, T> parser) {
        String text = o.string(name);
        return parse(o.pathOf(name), () -> parser.apply(text));
    }

    private static <T> T parse(String path, java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new JsonFieldException(path, e.getMessage());
        }
    }
}
