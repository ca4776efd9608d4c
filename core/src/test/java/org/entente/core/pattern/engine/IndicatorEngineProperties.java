package org.entente.core.pattern.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.entente.core.observable.Normaliser;
import org.entente.core.pattern.Observation;
import org.entente.core.pattern.Pattern;
import org.entente.core.pattern.PatternEvaluationException;
import org.entente.core.pattern.PatternMatcher;
import org.entente.core.pattern.ast.ComparisonExpression;
import org.entente.core.pattern.ast.ComparisonOperator;
import org.entente.core.pattern.ast.Literal;
import org.entente.core.pattern.ast.ObjectPath;
import org.entente.core.pattern.ast.ObservationExpression;
import org.entente.core.pattern.ast.PathStep;
import org.entente.core.pattern.ast.Qualifier;
import org.entente.core.pattern.ast.SetLiteral;
import org.entente.core.stix.StixObject;

/**
 * The compiled engine agrees with the straightforward {@link PatternMatcher} on random patterns and observations
 * drawn from a small vocabulary, so that matches actually happen (and fail to happen for the right reasons).
 */
@Label("The indicator engine agrees with the pattern matcher")
class IndicatorEngineProperties {
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final String H1 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final String H2 = "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae";

    record Case(List<ObservationExpression> patterns, List<Validity> validity, List<Observation> window) {}

    record Validity(Instant from, Instant until) {}

    @Property(tries = 300)
    @Label("on any vocabulary: the matcher over the rewritten pattern and normalised observations, within validity")
    void agreesWithTheMatcherOnRewrittenPatterns(@ForAll("anySpelling") Case c) {
        ObservablePaths paths = new ObservablePaths(Normaliser.standard());
        PatternRewrite rewrite = new PatternRewrite(paths);
        check(c, text -> Pattern.of(rewrite.rewrite(Pattern.parse(text).expression())),
                window -> new ObservationNormaliser(paths).normalise(window));
        bothOutcomesOccur();
    }

    @Property(tries = 300)
    @Label("on canonical values and bare addresses: the plain matcher over the pattern as written")
    void agreesWithThePlainMatcherOnCanonicalValues(@ForAll("canonical") Case c) {
        check(c, Pattern::parse, window -> window);
        bothOutcomesOccur();
    }

    /** One change to the engine: put indicator {@code index} with {@code pattern}, or revoke it. */
    record Change(int index, String pattern, boolean revoked) {}

    @Property(tries = 200)
    @Label("on addresses and blocks put and revoked between matches: every way of matching agrees with the matcher")
    void agreesWhileAddressIndicatorsComeAndGo(@ForAll("addressChanges") List<Change> changes) {
        ObservablePaths paths = new ObservablePaths(Normaliser.standard());
        PatternRewrite rewrite = new PatternRewrite(paths);
        IndicatorEngine engine = IndicatorEngine.create();
        Map<Integer, String> held = new java.util.TreeMap<>();
        // Observed addresses with a leading zero are refused by the normaliser and by the matcher's IpNetwork alike.
        List<String> observed = List.of("10.0.0.1", "10.0.0.2", "192.168.1.1", "10.0.0.0/24", "10.0.0.1/32", " 10.0.0.2",
                "10.0.0.256", "10.0.0", "10.0.0.1.", "10..0.1", "1.2.3.4.5", "::ffff:10.0.0.1", "10.0.0.1x", "010.0.0.1");
        for (Change change : changes) {
            if (change.revoked()) {
                engine.put(new Indicator(id(change.index()), change.pattern(), T0, null, true));
                held.remove(change.index());
            } else {
                engine.put(Indicator.of(id(change.index()), change.pattern(), T0));
                held.put(change.index(), change.pattern());
            }
            List<ValueEvent> events = observed.stream().map(v -> new ValueEvent("ipv4-addr", v, T0)).toList();
            List<MatchOutcome> batch = engine.matchValues(events);
            for (int e = 0; e < events.size(); e++) {
                String value = observed.get(e);
                StixObject sco = StixObject.of("type", "ipv4-addr", "id", "ipv4-addr--o", "value", value);
                List<Observation> window = List.of(new Observation("observed-data--o", T0, T0, 1, Map.of(sco.id(), sco), List.of(sco.id())));
                List<Observation> normalised = new ObservationNormaliser(paths).normalise(window);
                List<String> expected = new ArrayList<>();
                held.forEach((i, text) -> {
                    try {
                        if (PatternMatcher.matches(Pattern.of(rewrite.rewrite(Pattern.parse(text).expression())), normalised)) {
                            expected.add(id(i));
                        }
                    } catch (PatternEvaluationException failed) {
                        // reported beside the matches by the engine, never as one
                    }
                });
                net.jqwik.api.statistics.Statistics.label("matches").collect(!expected.isEmpty());
                String why = value + " after " + change + " holding " + held;
                assertThat(engine.matchValue("ipv4-addr", value, T0).indicatorIds()).as(why).containsExactlyInAnyOrderElementsOf(expected);
                assertThat(batch.get(e).indicatorIds()).as(why).containsExactlyInAnyOrderElementsOf(expected);
                assertThat(engine.match(window).indicatorIds()).as(why).containsExactlyInAnyOrderElementsOf(expected);
            }
        }
        assertThat(engine.size()).isEqualTo(held.size());
    }

    @Provide
    Arbitrary<List<Change>> addressChanges() {
        Arbitrary<String> block = Arbitraries.of("10.0.0.1", "10.0.0.2", "192.168.1.1", "10.0.0.0/24", "10.0.0.0/8", "10.0.0.1/32",
                "0.0.0.0/0", " 10.0.0.2", "010.0.0.1", "10.0.0.256", "10.0.0.1.", "10.0.0");
        Arbitrary<String> pattern = Arbitraries.oneOf(
                block.map(b -> "[ipv4-addr:value = '" + b + "']"),
                // ISSUBSET takes an address or block the parser reads (no leading zeros: PatternParserTest).
                Arbitraries.of("10.0.0.1", "10.0.0.0/24", "10.0.0.1/32", "0.0.0.0/0")
                        .map(b -> "[ipv4-addr:value ISSUBSET '" + b + "']"),
                Combinators.combine(block, block).as((a, b) -> "[ipv4-addr:value IN ('" + a + "', '" + b + "')]"),
                block.map(b -> "[ipv4-addr:value = '" + b + "' AND ipv4-addr:value != '10.0.0.2']"));
        return Combinators.combine(Arbitraries.integers().between(0, 4), pattern, Arbitraries.of(false, false, true))
                .as(Change::new).list().ofMinSize(1).ofMaxSize(12);
    }

    /** Both outcomes must be common, or agreement would say little. */
    private static void bothOutcomesOccur() {
        net.jqwik.api.statistics.Statistics.label("matches").coverage(coverage -> {
            coverage.check(true).percentage(p -> p > 5);
            coverage.check(false).percentage(p -> p > 20);
        });
    }

    private static void check(Case c, java.util.function.Function<String, Pattern> reference,
            java.util.function.UnaryOperator<List<Observation>> observed) {
        IndicatorEngine engine = IndicatorEngine.create();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < c.patterns().size(); i++) {
            String text = Pattern.of(c.patterns().get(i)).text();
            texts.add(text);
            Validity v = c.validity().get(i);
            engine.put(new Indicator(id(i), text, v.from(), v.until(), false));
        }
        List<List<Observation>> windows = new ArrayList<>();
        windows.add(c.window());
        for (Observation o : c.window()) windows.add(List.of(o));
        for (List<Observation> window : windows) {
            MatchOutcome outcome = engine.match(window);
            for (int i = 0; i < texts.size(); i++) {
                Validity v = c.validity().get(i);
                List<Observation> valid = window.stream().filter(o -> !o.lastObserved().isBefore(v.from())
                        && (v.until() == null || o.firstObserved().isBefore(v.until()))).toList();
                Boolean expected;
                try {
                    expected = !valid.isEmpty() && PatternMatcher.matches(reference.apply(texts.get(i)), observed.apply(valid));
                } catch (PatternEvaluationException e) {
                    expected = null;
                }
                net.jqwik.api.statistics.Statistics.label("matches").collect(expected);
                String why = texts.get(i) + " valid " + v + " over " + window;
                if (expected == null) {
                    assertThat(outcome.indicatorIds()).as(why).doesNotContain(id(i));
                } else {
                    assertThat(outcome.indicatorIds().contains(id(i))).as(why).isEqualTo(expected);
                }
            }
            if (window.size() == 1 && window.getFirst().rootIds().size() == 1) {
                Observation o = window.getFirst();
                StixObject root = o.objects().get(o.rootIds().getFirst());
                if (root.properties().keySet().equals(java.util.Set.of("type", "id", "value")) && o.numberObserved() == 1
                        && o.firstObserved().equals(o.lastObserved())) {
                    assertThat(engine.matchValue(root.type(), (String) root.get("value"), o.firstObserved()).indicatorIds())
                            .as("matchValue of " + root).containsExactlyInAnyOrderElementsOf(outcome.indicatorIds());
                    ValueEvent event = new ValueEvent(root.type(), (String) root.get("value"), o.firstObserved());
                    ValueEvent other = new ValueEvent("domain-name", "elsewhere.example", o.firstObserved());
                    List<MatchOutcome> batch = engine.matchValues(java.util.Collections.nCopies(20, List.of(other, event))
                            .stream().flatMap(List::stream).toList());
                    assertThat(batch.get(39).indicatorIds()).as("matchValues of " + root)
                            .containsExactlyInAnyOrderElementsOf(outcome.indicatorIds());
                    assertThat(batch.get(38)).isEqualTo(engine.matchValue(other.type(), other.value(), other.observedAt()));
                }
            }
        }
    }

    private static String id(int i) {
        return String.format("indicator--%08x-1111-4222-8333-444444444444", i);
    }

    @Provide
    Arbitrary<Case> anySpelling() {
        return cases(new Vocabulary(false));
    }

    @Provide
    Arbitrary<Case> canonical() {
        return cases(new Vocabulary(true));
    }

    private Arbitrary<Case> cases(Vocabulary v) {
        return Combinators.combine(v.observation(2).list().ofMinSize(1).ofMaxSize(6), validity().list().ofSize(6),
                        v.window())
                .as((patterns, validity, window) -> new Case(patterns, validity.subList(0, patterns.size()), window));
    }

    private static Arbitrary<Validity> validity() {
        return Combinators.combine(Arbitraries.of(-1000L, 0L, 60L), Arbitraries.of(-1L, 100L, 400L))
                .as((from, until) -> new Validity(T0.plusSeconds(from), until < 0 ? null : T0.plusSeconds(until)));
    }

    /** Values to compare with; {@code canonical} keeps only spellings the normaliser leaves as they are. */
    private record Vocabulary(boolean canonical) {
        List<String> domains() {
            return canonical ? List.of("a.example", "b.example") : List.of("a.example", "b.example", "A.Example.", "B.EXAMPLE");
        }

        List<String> addresses() {
            return canonical ? List.of("10.0.0.1", "10.0.0.2", "192.168.1.1")
                    : List.of("10.0.0.1", "10.0.0.2", "192.168.1.1", "10.0.0.0/24", "10.0.0.1/32", "0.0.0.0/0");
        }

        List<String> observedAddresses() {
            return List.of("10.0.0.1", "10.0.0.2", "192.168.1.1", "10.0.0.0/24");
        }

        List<String> urls() {
            return canonical ? List.of("http://a.example/", "http://b.example/x") : List.of("http://a.example/", "HTTP://A.example:80/", "http://b.example/x");
        }

        List<String> hashes() {
            return canonical ? List.of(H1, H2) : List.of(H1, H2, H1.toUpperCase());
        }

        List<String> phones() {
            return canonical ? List.of("+442079460018", "+33123456789") : List.of("+442079460018", "+44 20 7946 0018", "+33123456789");
        }

        Arbitrary<ObservationExpression> observation(int depth) {
            Arbitrary<ObservationExpression> single = comparison(2).map(ObservationExpression.Single::new);
            if (depth == 0) return single;
            Arbitrary<ObservationExpression> sub = Arbitraries.lazy(() -> observation(depth - 1));
            return Arbitraries.frequencyOf(
                    net.jqwik.api.Tuple.of(4, single),
                    net.jqwik.api.Tuple.of(1, Combinators.combine(sub, sub).as(ObservationExpression.And::new)),
                    net.jqwik.api.Tuple.of(2, Combinators.combine(sub, sub).as(ObservationExpression.Or::new)),
                    net.jqwik.api.Tuple.of(1, Combinators.combine(sub, sub).as(ObservationExpression.FollowedBy::new)),
                    net.jqwik.api.Tuple.of(1, Combinators.combine(sub, qualifier()).as(ObservationExpression.Qualified::new)));
        }

        Arbitrary<Qualifier> qualifier() {
            return Arbitraries.oneOf(
                    Arbitraries.of(10, 100).map(s -> new Qualifier.Within(BigDecimal.valueOf(s))),
                    Arbitraries.of(2).map(Qualifier.Repeats::new),
                    Arbitraries.just(new Qualifier.StartStop(new Literal.TimestampLiteral("2026-03-01T00:00:20Z"),
                            new Literal.TimestampLiteral("2026-03-01T00:05:00Z"))));
        }

        Arbitrary<ComparisonExpression> comparison(int depth) {
            Arbitrary<ComparisonExpression> leaf = test();
            if (depth == 0) return leaf;
            Arbitrary<ComparisonExpression> sub = Arbitraries.lazy(() -> comparison(depth - 1));
            return Arbitraries.frequencyOf(
                    net.jqwik.api.Tuple.of(4, leaf),
                    net.jqwik.api.Tuple.of(1, Combinators.combine(sub, sub).as(ComparisonExpression.And::new)),
                    net.jqwik.api.Tuple.of(1, Combinators.combine(sub, sub).as(ComparisonExpression.Or::new)));
        }

        Arbitrary<ComparisonExpression> test() {
            Arbitrary<Boolean> negated = Arbitraries.frequency(net.jqwik.api.Tuple.of(5, false), net.jqwik.api.Tuple.of(1, true));
            Arbitrary<ComparisonOperator> equality = Arbitraries.frequency(
                    net.jqwik.api.Tuple.of(6, ComparisonOperator.EQUAL), net.jqwik.api.Tuple.of(1, ComparisonOperator.NOT_EQUAL));
            Arbitrary<Map.Entry<ObjectPath, List<String>>> stringPaths = Arbitraries.of(
                    Map.entry(path("domain-name", "value"), domains()),
                    Map.entry(path("ipv4-addr", "value"), addresses()),
                    Map.entry(path("url", "value"), urls()),
                    Map.entry(new ObjectPath("file", List.of(new PathStep.Property("hashes"), new PathStep.Property("SHA-256"))), hashes()),
                    Map.entry(new ObjectPath("file", List.of(new PathStep.Property("hashes"),
                            new PathStep.Property(canonical ? "SHA-256" : "sha256"))), hashes()),
                    Map.entry(path("file", "name"), List.of("a.exe", "b.exe")),
                    Map.entry(new ObjectPath("file", List.of(new PathStep.Property("tags"), new PathStep.AnyIndex())), List.of("x", "y")),
                    Map.entry(new ObjectPath("domain-name", List.of(new PathStep.Property("resolves_to_refs"), new PathStep.AnyIndex(),
                            new PathStep.Property("value"))), List.of("10.0.0.1", "10.0.0.2")),
                    Map.entry(path("x-entente-phone-number", "value"), phones()));
            Arbitrary<ComparisonExpression> equal = Combinators.combine(stringPaths, negated, equality, Arbitraries.integers().between(0, 9))
                    .as((p, n, op, i) -> new ComparisonExpression.Comparison(p.getKey(), n, op,
                            new Literal.StringLiteral(p.getValue().get(i % p.getValue().size()))));
            Arbitrary<ComparisonExpression> in = Combinators.combine(stringPaths, negated, Arbitraries.integers().between(0, 9).list().ofMaxSize(3))
                    .as((p, n, is) -> new ComparisonExpression.Comparison(p.getKey(), n, ComparisonOperator.IN, new SetLiteral(
                            is.stream().map(i -> (Literal) new Literal.StringLiteral(p.getValue().get(i % p.getValue().size()))).toList())));
            Arbitrary<ComparisonExpression> size = Combinators.combine(negated,
                            Arbitraries.of(ComparisonOperator.EQUAL, ComparisonOperator.LESS, ComparisonOperator.GREATER_OR_EQUAL),
                            Arbitraries.of(100, 200, 150))
                    .as((n, op, s) -> new ComparisonExpression.Comparison(path("file", "size"), n, op,
                            s == 150 ? new Literal.FloatLiteral(new BigDecimal("150.0")) : new Literal.IntegerLiteral(BigInteger.valueOf(s))));
            Arbitrary<ComparisonExpression> text = Combinators.combine(negated,
                            Arbitraries.of(path("domain-name", "value"), path("url", "value")),
                            Arbitraries.of(ComparisonOperator.LIKE, ComparisonOperator.MATCHES),
                            Arbitraries.of("%.example", "a%", "^http://a", "example"))
                    .as((n, p, op, s) -> new ComparisonExpression.Comparison(p, n, op, new Literal.StringLiteral(s)));
            Arbitrary<ComparisonExpression> subset = Combinators.combine(negated, Arbitraries.of("10.0.0.0/8", "10.0.0.0/24", "192.168.0.0/16"))
                    .as((n, s) -> new ComparisonExpression.Comparison(path("ipv4-addr", "value"), n, ComparisonOperator.IS_SUBSET,
                            new Literal.StringLiteral(s)));
            Arbitrary<ComparisonExpression> exists = Arbitraries.of(path("file", "name"), path("domain-name", "resolves_to_refs"))
                    .map(ComparisonExpression.Exists::new);
            return Arbitraries.frequencyOf(
                    net.jqwik.api.Tuple.of(8, equal), net.jqwik.api.Tuple.of(2, in), net.jqwik.api.Tuple.of(2, size),
                    net.jqwik.api.Tuple.of(2, text), net.jqwik.api.Tuple.of(2, subset), net.jqwik.api.Tuple.of(1, exists));
        }

        /** One to three observations of one to three SCOs each, at a few times, seen once or twice. */
        Arbitrary<List<Observation>> window() {
            return observed().list().ofMinSize(1).ofMaxSize(3).map(list -> {
                List<Observation> out = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) out.add(list.get(i).withId("observed-data--" + i).observation());
                return out;
            });
        }

        private record Draft(String id, long start, long span, int number, List<StixObject> scos) {
            Draft withId(String newId) {
                return new Draft(newId, start, span, number, scos);
            }

            Observation observation() {
                Map<String, StixObject> objects = new LinkedHashMap<>();
                for (StixObject sco : scos) objects.put(sco.id(), sco);
                return new Observation(id, T0.plusSeconds(start), T0.plusSeconds(start + span), number, objects,
                        List.copyOf(objects.keySet()));
            }
        }

        private Arbitrary<Draft> observed() {
            return Combinators.combine(Arbitraries.of(0L, 30L, 90L, 300L), Arbitraries.of(0L, 0L, 20L), Arbitraries.of(1, 1, 2),
                            sco().list().ofMinSize(1).ofMaxSize(3))
                    .as((start, span, number, scos) -> {
                        List<StixObject> withIds = new ArrayList<>();
                        for (int i = 0; i < scos.size(); i++) {
                            Map<String, Object> p = new LinkedHashMap<>(scos.get(i).properties());
                            p.put("id", p.get("type") + "--" + i);
                            if (p.containsKey("resolves_to_refs")) {
                                Map<String, Object> ip = Map.of("type", "ipv4-addr", "id", "ipv4-addr--r" + i, "value", p.remove("resolves_to_refs"));
                                p.put("resolves_to_refs", List.of("ipv4-addr--r" + i));
                                withIds.add(StixObject.of(new LinkedHashMap<>(ip)));
                            }
                            withIds.add(StixObject.of(p));
                        }
                        return new Draft("", start, span, number, withIds);
                    });
        }

        private Arbitrary<StixObject> sco() {
            Arbitrary<String> domain = Arbitraries.of(domains());
            return Arbitraries.oneOf(
                    domain.map(d -> StixObject.of("type", "domain-name", "id", "", "value", d)),
                    Combinators.combine(domain, Arbitraries.of(observedAddresses().subList(0, 2)))
                            .as((d, ip) -> StixObject.of("type", "domain-name", "id", "", "value", d, "resolves_to_refs", ip)),
                    Arbitraries.of(observedAddresses()).map(a -> StixObject.of("type", "ipv4-addr", "id", "", "value", a)),
                    Arbitraries.of(urls()).map(u -> StixObject.of("type", "url", "id", "", "value", u)),
                    Arbitraries.of(phones()).map(p -> StixObject.of("type", "x-entente-phone-number", "id", "", "value", p)),
                    Combinators.combine(Arbitraries.of(hashes()), Arbitraries.of(canonical ? "SHA-256" : "sha256", "SHA-256"),
                                    Arbitraries.of(100L, 200L), Arbitraries.of("a.exe", "b.exe"), Arbitraries.of("x", "y").list().ofMaxSize(2))
                            .as((h, alg, size, name, tags) -> StixObject.of("type", "file", "id", "", "hashes", Map.of(alg, h),
                                    "size", size, "name", name, "tags", List.copyOf(tags))));
        }

        private static ObjectPath path(String type, String property) {
            return new ObjectPath(type, List.of(new PathStep.Property(property)));
        }
    }
}
