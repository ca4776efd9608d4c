package org.entente.federation.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.core.policy.Distribution;
import org.entente.core.policy.MemberId;
import org.entente.core.policy.Tlp;
import org.entente.core.stix.codec.StixJson;
import org.entente.federation.envelope.Verification.Accepted;
import org.entente.federation.envelope.Verification.Rejected;
import org.entente.federation.identity.NodeIdentity;
import org.entente.federation.identity.PinnedKeyChains;
import org.entente.federation.testing.Samples;
import org.entente.federation.testing.SettableClock;
import org.entente.federation.testing.TestNodes;
import org.junit.jupiter.api.Test;

class EnvelopeVerifierTest {
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00.000Z");

    final SettableClock clock = new SettableClock(T0);
    final NodeIdentity certDe = TestNodes.identity(T0.minus(Duration.ofDays(100)));
    final NodeIdentity certFr = TestNodes.identity(T0.minus(Duration.ofDays(100)));
    final NodeIdentity fraudNl = TestNodes.identity(T0.minus(Duration.ofDays(100)));
    final PinnedKeyChains trusted = new PinnedKeyChains();
    final EnvelopeVerifier verifier = new EnvelopeVerifier(trusted, new BoundedSeenEnvelopes(1000, clock), ReplayWindow.TEN_MINUTES, clock);

    EnvelopeVerifierTest() {
        trusted.pin(certDe.chain());
        trusted.pin(certFr.chain());
    }

    SignedEnvelope signedByDe() {
        return signedBy(certDe);
    }

    SignedEnvelope signedBy(NodeIdentity node) {
        return new EnvelopeSigner(node, clock, new SecureRandom())
                .sign(new Distribution(java.util.Set.of(fraudNl.member()), java.util.Set.of("eu-certs"), false),
                        Samples.amberFraud(), Samples.batch());
    }

    static Map<String, Object> tree(SignedEnvelope signed) {
        return mutableCopy(StixJson.readTree(signed.raw().bytes()));
    }

    @SuppressWarnings("unchecked")
    static <T> T mutableCopy(Object tree) {
        if (tree instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put((String) k, mutableCopy(v)));
            return (T) copy;
        }
        if (tree instanceof List<?> l) {
            List<Object> copy = new ArrayList<>();
            l.forEach(v -> copy.add(mutableCopy(v)));
            return (T) copy;
        }
        return (T) tree;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> child(Map<String, Object> tree, String name) {
        return (Map<String, Object>) tree.get(name);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Map<String, Object> tree, int index) {
        return (Map<String, Object>) ((List<Object>) tree.get("objects")).get(index);
    }

    RejectionReason rejectionOf(Map<String, Object> tree) {
        Verification v = verifier.verify(StixJson.write(tree));
        assertThat(v).isInstanceOf(Rejected.class);
        return ((Rejected) v).reason();
    }

    @Test
    void aSignedEnvelopeVerifiesAndKeepsTheBytesAsReceived() {
        SignedEnvelope signed = signedByDe();

        Verification v = verifier.verify(signed.raw().bytes());

        assertThat(v).isInstanceOfSatisfying(Accepted.class, a -> {
            assertThat(a.envelope()).isEqualTo(signed.envelope());
            assertThat(a.envelope().labels().origin()).isEqualTo(certDe.member());
        });
        assertThat(v.raw()).isEqualTo(signed.raw());
    }

    @Test
    void anAlteredObjectIsRejectedAsABadSignature() {
        Map<String, Object> tree = tree(signedByDe());
        object(tree, 0).put("pattern", "[x-phone-number:value = '+49309999999']");

        assertThat(rejectionOf(tree)).isEqualTo(RejectionReason.BAD_SIGNATURE);
    }

    @Test
    void anAlteredAudienceIsRejectedAsABadSignature() {
        Map<String, Object> tree = tree(signedByDe());
        child(tree, "audience").put("all_communities", true);

        assertThat(rejectionOf(tree)).isEqualTo(RejectionReason.BAD_SIGNATURE);
    }

    @Test
    void anAddedRecipientIsRejectedAsABadSignature() {
        Map<String, Object> tree = tree(signedByDe());
        child(tree, "audience").put("members", List.of(fraudNl.member().value(), certFr.member().value()));

        assertThat(rejectionOf(tree)).isEqualTo(RejectionReason.BAD_SIGNATURE);
    }

    @Test
    void anAlteredTlpIsRejectedAsABadSignature() {
        Map<String, Object> tree = tree(signedByDe());
        child(tree, "markings").put("tlp", Tlp.CLEAR.level());

        assertThat(rejectionOf(tree)).isEqualTo(RejectionReason.BAD_SIGNATURE);
    }

    @Test
    void aSwappedOriginIsRejectedBecauseTheKeyIsNotTheOrigins() {
        Map<String, Object> tree = tree(signedByDe());
        tree.put("origin", certFr.member().value());

        assertThat(rejectionOf(tree)).isEqualTo(RejectionReason.KEY_NOT_OF_ORIGIN);
    }

    @Test
    void aSwappedOriginWithTheOriginsKeyIdIsRejectedAsABadSignature() {
        Map<String, Object> tree = tree(signedByDe());
        tree.put("origin", certFr.member().value());
        tree.put("sender_key", certFr.currentKeyId().toString());

        assertThat(rejectionOf(tree)).isEqualTo(RejectionReason.BAD_SIGNATURE);
    }

    @Test
    void anEnvelopeSignedWithAnotherKeyThanTheOriginsIsRejected() {
        NodeIdentity impostor = TestNodes.identity(T0.minus(Duration.ofDays(1)));
        Map<String, Object> tree = tree(signedBy(impostor));
        tree.put("origin", certDe.member().value());
        tree.put("sender_key", certDe.currentKeyId().toString());

        assertThat(rejectionOf(tree)).isEqualTo(RejectionReason.BAD_SIGNATURE);
    }

    @Test
    void anEnvelopeFromAnUnpinnedMemberIsRejected() {
        SignedEnvelope signed = signedBy(fraudNl);

        assertThat(verifier.verify(signed.raw())).isInstanceOfSatisfying(Rejected.class, r ->
                assertThat(r.reason()).isEqualTo(RejectionReason.UNKNOWN_ORIGIN));
    }

    @Test
    void aReplayedEnvelopeIsRejected() {
        SignedEnvelope signed = signedByDe();
        assertThat(verifier.verify(signed.raw()).accepted()).isTrue();

        clock.advance(Duration.ofMinutes(5));

        assertThat(verifier.verify(signed.raw())).isInstanceOfSatisfying(Rejected.class, r -> {
            assertThat(r.reason()).isEqualTo(RejectionReason.REPLAYED);
            assertThat(r.message()).contains(signed.envelope().id().value());
        });
    }

    @Test
    void aReplayedEnvelopeIdIsRejectedEvenWithDifferentFormatting() {
        SignedEnvelope signed = signedByDe();
        assertThat(verifier.verify(signed.raw()).accepted()).isTrue();
        byte[] pretty = StixJson.writeString(tree(signed)).replace(",", ",\n  ").getBytes(StandardCharsets.UTF_8);

        assertThat(verifier.verify(pretty)).isInstanceOfSatisfying(Rejected.class, r ->
                assertThat(r.reason()).isEqualTo(RejectionReason.REPLAYED));
    }

    @Test
    void anEnvelopeOlderThanTheWindowIsRejected() {
        SignedEnvelope signed = signedByDe();
        clock.advance(Duration.ofMinutes(10).plusMillis(1));

        assertThat(verifier.verify(signed.raw())).isInstanceOfSatisfying(Rejected.class, r ->
                assertThat(r.reason()).isEqualTo(RejectionReason.OUTSIDE_TIME_WINDOW));
    }

    @Test
    void anEnvelopeFromTheFutureIsRejected() {
        clock.advance(Duration.ofMinutes(11));
        SignedEnvelope signed = signedByDe();
        clock.advance(Duration.ofMinutes(-11));

        assertThat(verifier.verify(signed.raw())).isInstanceOfSatisfying(Rejected.class, r ->
                assertThat(r.reason()).isEqualTo(RejectionReason.OUTSIDE_TIME_WINDOW));
    }

    @Test
    void anEnvelopeJustInsideTheWindowIsAccepted() {
        SignedEnvelope signed = signedByDe();
        clock.advance(Duration.ofMinutes(10));

        assertThat(verifier.verify(signed.raw()).accepted()).isTrue();
    }

    @Test
    void aSignatureMadeBeforeAKeyRotationStillVerifiesAfterIt() {
        SignedEnvelope before = signedByDe();
        clock.advance(Duration.ofMinutes(1));
        NodeIdentity rotated = TestNodes.rotated(certDe, clock.instant());
        trusted.pin(rotated.chain());
        clock.advance(Duration.ofMinutes(1));

        assertThat(verifier.verify(before.raw()).accepted()).isTrue();
        assertThat(verifier.verify(signedBy(rotated).raw()).accepted()).isTrue();
    }

    @Test
    void aRetiredKeyCannotSignAfterItsRotation() {
        NodeIdentity rotated = TestNodes.rotated(certDe, clock.instant().minus(Duration.ofMinutes(1)));
        trusted.pin(rotated.chain());

        SignedEnvelope withOldKey = signedBy(certDe);

        assertThat(verifier.verify(withOldKey.raw())).isInstanceOfSatisfying(Rejected.class, r ->
                assertThat(r.reason()).isEqualTo(RejectionReason.KEY_NOT_VALID_AT_CREATION));
    }

    @Test
    void theSameContentWithOtherKeyOrderAndWhitespaceVerifies() {
        Map<String, Object> tree = tree(signedByDe());
        Map<String, Object> reversed = reverseKeys(tree);
        // Whitespace only between tokens: after object keys, between members, after opening braces.
        String spaced = StixJson.writeString(reversed).replace("\":", "\" :\t").replace(",\"", " ,\n  \"").replace("{", "{\r\n ");

        Verification v = verifier.verify(spaced.getBytes(StandardCharsets.UTF_8));

        assertThat(v.accepted()).as(v.toString()).isTrue();
        assertThat(new String(v.raw().bytes(), StandardCharsets.UTF_8)).isEqualTo(spaced);
    }

    @Test
    void aFullSeenSetRefusesRatherThanForgets() {
        EnvelopeVerifier small = new EnvelopeVerifier(trusted, new BoundedSeenEnvelopes(1, clock), ReplayWindow.TEN_MINUTES, clock);
        assertThat(small.verify(signedByDe().raw()).accepted()).isTrue();

        assertThat(small.verify(signedByDe().raw())).isInstanceOfSatisfying(Rejected.class, r ->
                assertThat(r.reason()).isEqualTo(RejectionReason.REPLAY_CHECK_UNAVAILABLE));
        clock.advance(Duration.ofMinutes(10).plusMillis(1));
        assertThat(small.verify(signedByDe().raw()).accepted()).isTrue();
    }

    @Test
    void aForgedEnvelopeDoesNotUseUpTheIdOfTheGenuineOne() {
        SignedEnvelope genuine = signedByDe();
        Map<String, Object> forged = tree(genuine);
        child(forged, "markings").put("tlp", "clear");
        assertThat(rejectionOf(forged)).isEqualTo(RejectionReason.BAD_SIGNATURE);

        assertThat(verifier.verify(genuine.raw()).accepted()).isTrue();
    }

    @Test
    void aSignerSignsOnlyAsItsOwnMember() {
        SignedEnvelope fr = signedBy(certFr);
        EnvelopeSigner de = new EnvelopeSigner(certDe, clock, new SecureRandom());

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> de.sign(fr.envelope()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theEnvelopeCarriesTheMarkingsAsLabels() {
        Envelope e = signedByDe().envelope();

        assertThat(e.labels().tlp()).isEqualTo(Tlp.AMBER);
        assertThat(e.labels().distribution().members()).containsExactly(fraudNl.member());
        assertThat(e.labels().handlingCode()).isPresent();
        assertThat(e.origin()).isEqualTo(MemberId.ofPublicKey(certDe.chain().firstKey().getEncoded()));
    }

    @SuppressWarnings("unchecked")
    static <T> T reverseKeys(Object tree) {
        if (tree instanceof Map<?, ?> m) {
            List<Map.Entry<String, Object>> entries = new ArrayList<>(((Map<String, Object>) m).entrySet());
            java.util.Collections.reverse(entries);
            Map<String, Object> copy = new LinkedHashMap<>();
            entries.forEach(e -> copy.put(e.getKey(), reverseKeys(e.getValue())));
            return (T) copy;
        }
        if (tree instanceof List<?> l) return (T) l.stream().map(EnvelopeVerifierTest::reverseKeys).toList();
        return (T) tree;
    }
}
