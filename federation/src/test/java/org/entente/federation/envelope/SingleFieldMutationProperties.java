package org.entente.federation.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.entente.core.policy.Distribution;
import org.entente.core.stix.codec.StixJson;
import org.entente.federation.identity.NodeIdentity;
import org.entente.federation.identity.PinnedKeyChains;
import org.entente.federation.testing.Samples;
import org.entente.federation.testing.SettableClock;
import org.entente.federation.testing.TestNodes;

/**
 * Whatever single change is made to a signed envelope, anywhere in it (a value replaced, a field removed
 * or added, an array element dropped or repeated), the envelope no longer verifies.
 */
class SingleFieldMutationProperties {
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00.000Z");
    static final SettableClock CLOCK = new SettableClock(T0);
    static final NodeIdentity ORIGIN = TestNodes.identity(T0.minus(Duration.ofDays(1)));
    static final NodeIdentity OTHER = TestNodes.identity(T0.minus(Duration.ofDays(1)));
    static final PinnedKeyChains TRUSTED = new PinnedKeyChains();
    static final SignedEnvelope SIGNED;
    static final Object TREE;
    static final List<List<Object>> PATHS = new ArrayList<>();

    static {
        TRUSTED.pin(ORIGIN.chain());
        TRUSTED.pin(OTHER.chain());
        SIGNED = new EnvelopeSigner(ORIGIN, CLOCK, new SecureRandom()).sign(
                new Distribution(Set.of(OTHER.member()), Set.of("eu-certs", "fraud-net"), false),
                Samples.amberFraud(), Samples.batch());
        TREE = StixJson.readTree(SIGNED.raw().bytes());
        collectPaths(TREE, new ArrayList<>());
    }

    enum Mutation { REPLACE_VALUE, REMOVE, ADD_SIBLING, REPEAT_ELEMENT }

    record Change(List<Object> path, Mutation mutation, String text) {}

    @Provide
    Arbitrary<Change> changes() {
        return Combinators.combine(Arbitraries.of(PATHS), Arbitraries.of(Mutation.class), Arbitraries.strings().ofMinLength(1).ofMaxLength(4))
                .as(Change::new);
    }

    @Property(tries = 1000)
    void anySingleChangeToASignedEnvelopeFailsVerification(@ForAll("changes") Change change) {
        Object mutated = apply(copy(TREE), change);
        EnvelopeVerifier verifier = new EnvelopeVerifier(TRUSTED, new BoundedSeenEnvelopes(10, CLOCK), ReplayWindow.TEN_MINUTES, CLOCK);

        Verification v = verifier.verify(StixJson.write(mutated));

        assertThat(v.accepted()).as("%s at %s", change.mutation(), change.path()).isFalse();
    }

    @Example
    void theUnchangedEnvelopeVerifies() {
        EnvelopeVerifier verifier = new EnvelopeVerifier(TRUSTED, new BoundedSeenEnvelopes(10, CLOCK), ReplayWindow.TEN_MINUTES, CLOCK);

        assertThat(verifier.verify(StixJson.write(copy(TREE))).accepted()).isTrue();
    }

    /** Every position in the tree: each map field and each array element, at every depth, and the root. */
    static void collectPaths(Object tree, List<Object> prefix) {
        PATHS.add(List.copyOf(prefix));
        if (tree instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                prefix.add(k);
                collectPaths(v, prefix);
                prefix.removeLast();
            });
        } else if (tree instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                prefix.add(i);
                collectPaths(list.get(i), prefix);
                prefix.removeLast();
            }
        }
    }

    @SuppressWarnings("unchecked")
    static Object apply(Object root, Change change) {
        List<Object> path = change.path();
        if (path.isEmpty()) {
            // At the root only an added field is a single change.
            ((Map<String, Object>) root).put("x_" + change.text(), change.text());
            return root;
        }
        Object parent = root;
        for (Object step : path.subList(0, path.size() - 1)) {
            parent = parent instanceof Map<?, ?> m ? m.get(step) : ((List<Object>) parent).get((Integer) step);
        }
        Object last = path.getLast();
        if (parent instanceof Map<?, ?> m) {
            Map<String, Object> map = (Map<String, Object>) m;
            String name = (String) last;
            switch (change.mutation()) {
                case REPLACE_VALUE -> map.put(name, different(map.get(name), change.text()));
                case REMOVE -> map.remove(name);
                case ADD_SIBLING, REPEAT_ELEMENT -> map.put(name + "_" + change.text(), map.get(name));
            }
        } else {
            List<Object> list = (List<Object>) parent;
            int index = (Integer) last;
            switch (change.mutation()) {
                case REPLACE_VALUE -> list.set(index, different(list.get(index), change.text()));
                case REMOVE -> list.remove(index);
                case ADD_SIBLING -> list.add(index, different(list.get(index), change.text()));
                case REPEAT_ELEMENT -> list.add(index, list.get(index));
            }
        }
        return root;
    }

    /** A value that differs from {@code value} and is as plausible as possible (same JSON type where it can be). */
    @SuppressWarnings("unchecked")
    static Object different(Object value, String text) {
        return switch (value) {
            case String s -> s.length() > 1 && text.length() == 1 ? flipLastCharacter(s) : s + text;
            case Boolean b -> !b;
            case Integer i -> i + 1;
            case Long l -> l + 1;
            case BigDecimal d -> d.add(BigDecimal.ONE);
            case Map<?, ?> m -> {
                Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) m);
                copy.put("x_" + text, text);
                yield copy;
            }
            case List<?> l -> {
                List<Object> copy = new ArrayList<>(l);
                copy.add(text);
                yield copy;
            }
            case null, default -> text;
        };
    }

    static String flipLastCharacter(String s) {
        char last = s.charAt(s.length() - 1);
        return s.substring(0, s.length() - 1) + (char) (last == 'a' ? 'b' : 'a');
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
}
