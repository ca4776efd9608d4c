package org.entente.federation.envelope.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.entente.core.policy.Distribution;
import org.entente.core.stix.StixObject;
import org.entente.core.stix.codec.StixJson;
import org.entente.federation.codec.JsonFieldException;
import org.entente.federation.envelope.EnvelopeSigner;
import org.entente.federation.envelope.SignedEnvelope;
import org.entente.federation.identity.NodeIdentity;
import org.entente.federation.testing.Samples;
import org.entente.federation.testing.SettableClock;
import org.entente.federation.testing.TestNodes;
import org.junit.jupiter.api.Test;

class EnvelopeJsonTest {
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00.000Z");
    static final NodeIdentity NODE = TestNodes.identity(T0);
    static final SignedEnvelope SIGNED = new EnvelopeSigner(NODE, new SettableClock(T0), new SecureRandom())
            .sign(Distribution.toCommunities("eu-certs"), Samples.amberFraud(), Samples.batch());

    static String fieldAtFault(Consumer<Map<String, Object>> change) {
        Map<String, Object> tree = copy(StixJson.readTree(SIGNED.raw().bytes()));
        change.accept(tree);
        return fieldAtFault(StixJson.write(tree));
    }

    static String fieldAtFault(byte[] json) {
        try {
            EnvelopeJson.read(json);
        } catch (JsonFieldException e) {
            return e.field();
        }
        throw new AssertionError("accepted");
    }

    @SuppressWarnings("unchecked")
    static <T> T copy(Object tree) {
        if (tree instanceof Map<?, ?> m) {
            Map<String, Object> c = new LinkedHashMap<>();
            m.forEach((k, v) -> c.put((String) k, copy(v)));
            return (T) c;
        }
        if (tree instanceof List<?> l) {
            List<Object> c = new ArrayList<>();
            l.forEach(v -> c.add(copy(v)));
            return (T) c;
        }
        return (T) tree;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> at(Map<String, Object> tree, String name) {
        return (Map<String, Object>) tree.get(name);
    }

    @Test
    void aWrittenEnvelopeReadsBackAsTheSameEnvelope() {
        ParsedEnvelope parsed = EnvelopeJson.read(SIGNED.raw().bytes());

        assertThat(parsed.envelope()).isEqualTo(SIGNED.envelope());
        assertThat(parsed.signature()).isEqualTo(SIGNED.signature());
        assertThat(parsed.signedContent()).isEqualTo(EnvelopeJson.signedContent(SIGNED.envelope()));
    }

    @Test
    void eachObjectsTextIsKeptAsReceivedSoThatItNeedNotBeWrittenAgain() {
        ParsedEnvelope parsed = EnvelopeJson.read(SIGNED.raw().bytes());

        assertThat(parsed.objectTexts()).hasSameSizeAs(SIGNED.envelope().objects());
        for (int i = 0; i < parsed.objectTexts().size(); i++) {
            String text = parsed.objectTexts().get(i);
            assertThat(new String(SIGNED.raw().bytes(), StandardCharsets.UTF_8)).contains(text);
            assertThat(StixJson.readObject(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(SIGNED.envelope().objects().get(i));
        }
    }

    @Test
    void theSignedContentIsCanonicalJsonWithoutTheSignature() {
        String content = new String(EnvelopeJson.signedContent(SIGNED.envelope()), StandardCharsets.UTF_8);

        assertThat(content).startsWith("{\"audience\":{\"all_communities\":false,\"communities\":[\"eu-certs\"],\"members\":[]}");
        assertThat(content).doesNotContain("signature").doesNotContain("\": ").doesNotContain(", ");
        assertThat(content).endsWith("\"type\":\"entente-envelope\",\"version\":1}");
    }

    @Test
    void anEnvelopeIsSentAsCanonicalJsonFromWhichTheSignedBytesAreCutWithoutReencoding() {
        byte[] sent = SIGNED.raw().bytes();

        assertThat(StixJson.canonical(StixJson.readTree(sent))).isEqualTo(sent);
        assertThat(EnvelopeJson.read(sent).signedContentAsSent())
                .hasValueSatisfying(content -> assertThat(content).isEqualTo(EnvelopeJson.signedContent(SIGNED.envelope())));
    }

    @Test
    void anEnvelopeInAnotherLayoutOffersOnlyItsCanonicalForm() {
        String sent = new String(SIGNED.raw().bytes(), StandardCharsets.UTF_8);
        byte[] spaced = sent.replace(",\"type\":", ", \"type\":").getBytes(StandardCharsets.UTF_8);
        byte[] signatureFirst = StixJson.write(reverseKeys(StixJson.readTree(SIGNED.raw().bytes())));

        for (byte[] other : List.of(spaced, signatureFirst)) {
            ParsedEnvelope parsed = EnvelopeJson.read(other);
            assertThat(parsed.signedContentAsSent()).isEmpty();
            assertThat(parsed.signedContent()).isEqualTo(EnvelopeJson.signedContent(SIGNED.envelope()));
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> reverseKeys(Object tree) {
        List<Map.Entry<String, Object>> entries = new ArrayList<>(((Map<String, Object>) tree).entrySet());
        java.util.Collections.reverse(entries);
        Map<String, Object> reversed = new LinkedHashMap<>();
        entries.forEach(e -> reversed.put(e.getKey(), e.getValue()));
        return reversed;
    }

    @Test
    void malformedJsonIsReportedWithItsPosition() {
        assertThatThrownBy(() -> EnvelopeJson.read("{\"type\": ".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(JsonFieldException.class).hasMessageContaining("malformed JSON");
        assertThat(fieldAtFault("[1, 2]".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void aMissingFieldIsNamed() {
        assertThat(fieldAtFault(t -> t.remove("nonce"))).isEqualTo("nonce");
        assertThat(fieldAtFault(t -> at(t, "markings").remove("domain"))).isEqualTo("markings.domain");
        assertThat(fieldAtFault(t -> at(t, "audience").remove("all_communities"))).isEqualTo("audience.all_communities");
        assertThat(fieldAtFault(t -> t.remove("signature"))).isEqualTo("signature");
    }

    @Test
    void aFieldOfTheWrongTypeIsNamed() {
        assertThat(fieldAtFault(t -> t.put("origin", 7))).isEqualTo("origin");
        assertThat(fieldAtFault(t -> t.put("version", "1"))).isEqualTo("version");
        assertThat(fieldAtFault(t -> at(t, "audience").put("members", "identity--x"))).isEqualTo("audience.members");
        assertThat(fieldAtFault(t -> at(t, "audience").put("communities", List.of("a", 3)))).isEqualTo("audience.communities[1]");
        assertThat(fieldAtFault(t -> t.put("objects", List.of("indicator")))).isEqualTo("objects[0]");
        assertThat(fieldAtFault(t -> at(t, "markings").put("handling_code", null))).isEqualTo("markings.handling_code");
    }

    @Test
    void badValuesAreNamed() {
        assertThat(fieldAtFault(t -> t.put("signature", "not base64!"))).isEqualTo("signature");
        assertThat(fieldAtFault(t -> t.put("signature", "AAAA"))).isEqualTo("signature");
        assertThat(fieldAtFault(t -> t.put("nonce", "AAAAAAAAAAAAAAAAAAAAAA=="))).isEqualTo("nonce");
        assertThat(fieldAtFault(t -> t.put("created", "2026-03-01 10:00:00"))).isEqualTo("created");
        assertThat(fieldAtFault(t -> t.put("origin", "identity--1"))).isEqualTo("origin");
        assertThat(fieldAtFault(t -> t.put("sender_key", "ab"))).isEqualTo("sender_key");
        assertThat(fieldAtFault(t -> at(t, "markings").put("tlp", "TLP:AMBER"))).isEqualTo("markings.tlp");
        assertThat(fieldAtFault(t -> at(t, "markings").put("grading", "b2"))).isEqualTo("markings.grading");
        assertThat(fieldAtFault(t -> at(t, "markings").put("handling_code", "H9"))).isEqualTo("markings.handling_code");
        assertThat(fieldAtFault(t -> t.put("type", "bundle"))).isEqualTo("type");
        assertThat(fieldAtFault(t -> t.put("objects", List.of()))).isEqualTo("objects");
    }

    @Test
    void unknownFieldsAreRefusedOutsideStixObjects() {
        assertThat(fieldAtFault(t -> t.put("relay", true))).isEqualTo("relay");
        assertThat(fieldAtFault(t -> at(t, "audience").put("everyone", true))).isEqualTo("audience.everyone");
        assertThat(fieldAtFault(t -> at(t, "markings").put("pap", "red"))).isEqualTo("markings.pap");
    }

    @Test
    void aRepeatedRecipientIsRefused() {
        assertThat(fieldAtFault(t -> at(t, "audience").put("communities", List.of("eu-certs", "eu-certs"))))
                .isEqualTo("audience.communities[1]");
    }

    @Test
    void numbersThatCanonicalJsonCannotTellApartAreRefused() {
        assertThat(fieldAtFault("objects[0].count", new BigInteger("9007199254740993"))).isEqualTo("objects[0].count");
        assertThat(fieldAtFault("objects[0].count", new java.math.BigDecimal("0.10000000000000001"))).isEqualTo("objects[0].count");
    }

    @Test
    void numbersADoubleHoldsAreAccepted() {
        StixObject withNumbers = StixObject.of("type", "x-test", "id", "x-test--1", "small", 0.1, "big", 9007199254740992L);
        SignedEnvelope signed = new EnvelopeSigner(NODE, new SettableClock(T0), new SecureRandom())
                .sign(Distribution.toCommunities("c"), Samples.amberFraud(), List.of(withNumbers));

        assertThat(EnvelopeJson.read(signed.raw().bytes()).envelope().objects()).hasSize(1);
    }

    @Test
    void aDuplicateKeyIsMalformed() {
        String json = new String(SIGNED.raw().bytes(), StandardCharsets.UTF_8).replaceFirst("\\{", "{\"version\":1,");

        assertThatThrownBy(() -> EnvelopeJson.read(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(JsonFieldException.class).hasMessageContaining("Duplicate");
    }

    static String fieldAtFault(String ignoredPath, Number value) {
        return fieldAtFault(t -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> first = (Map<String, Object>) ((List<Object>) t.get("objects")).get(0);
            first.put("count", value);
        });
    }

    @Test
    void aStixObjectMustHaveATypeAndAnId() {
        assertThat(fieldAtFault(t -> t.put("objects", List.of(Map.of("type", "indicator"))))).isEqualTo("objects[0].id");
        assertThat(Set.of(fieldAtFault(t -> t.put("objects", List.of(Map.of("id", "x--1")))))).containsExactly("objects[0].type");
    }
}
