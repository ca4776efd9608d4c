package org.entente.core.stix;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.entente.core.stix.codec.StixJson;

/**
 * Any valid generated indicator or relationship, with custom properties and extensions of any JSON shape,
 * survives a JSON round trip unchanged and validates without errors.
 */
class GeneratedObjectsProperties {
    private static final List<String> SDO_TYPES = StixTypes.all().stream()
            .filter(t -> t.category() == StixCategory.SDO).map(StixType::name).toList();

    @Property(tries = 300)
    void anyValidIndicatorRoundTripsUnchangedAndValidatesClean(@ForAll("indicators") Map<String, Object> tree) {
        assertRoundTripsAndValidates(tree);
    }

    @Property(tries = 300)
    void anyValidRelationshipRoundTripsUnchangedAndValidatesClean(@ForAll("relationships") Map<String, Object> tree) {
        assertRoundTripsAndValidates(tree);
    }

    private static void assertRoundTripsAndValidates(Map<String, Object> tree) {
        StixObject object = StixObject.of(tree);
        StixObject back = StixJson.readObject(StixJson.write(object));
        assertThat(back).isEqualTo(object);
        assertThat(List.copyOf(back.properties().keySet())).isEqualTo(List.copyOf(tree.keySet()));
        assertThat(StixValidator.stix21().validate(back).stream().filter(Violation::isError).toList()).isEmpty();
    }

    @Provide
    Arbitrary<Map<String, Object>> indicators() {
        Arbitrary<Instant> from = instants();
        return Combinators.combine(uuids(), versions(), text(), from, Arbitraries.integers().between(1, 1_000_000),
                        Arbitraries.integers().between(0, 100), customProperties(), extensions())
                .as((uuid, createdModified, name, validFrom, validSeconds, confidence, custom, extensions) -> {
                    Map<String, Object> map = common("indicator", uuid, createdModified);
                    map.put("name", name);
                    map.put("pattern", "[domain-name:value = '" + name.replace("'", "\\'") + "']");
                    map.put("pattern_type", "stix");
                    map.put("valid_from", StixTimestamp.ofMillis(validFrom).text());
                    map.put("valid_until", StixTimestamp.ofMillis(validFrom.plusSeconds(validSeconds)).text());
                    map.put("confidence", confidence);
                    map.putAll(custom);
                    if (!extensions.isEmpty()) map.put("extensions", extensions);
                    return map;
                });
    }

    @Provide
    Arbitrary<Map<String, Object>> relationships() {
        Arbitrary<String> relationshipType = Arbitraries.strings().withCharRange('a', 'z').numeric().ofMinLength(1).ofMaxLength(12)
                .list().ofMinSize(1).ofMaxSize(3).map(parts -> String.join("-", parts));
        return Combinators.combine(uuids(), versions(), relationshipType, references(), references(), customProperties(), extensions())
                .as((uuid, createdModified, type, source, target, custom, extensions) -> {
                    Map<String, Object> map = common("relationship", uuid, createdModified);
                    map.put("relationship_type", type);
                    map.put("source_ref", source);
                    map.put("target_ref", target);
                    map.putAll(custom);
                    if (!extensions.isEmpty()) map.put("extensions", extensions);
                    return map;
                });
    }

    private static Map<String, Object> common(String type, UUID uuid, Instant[] createdModified) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", type);
        map.put("spec_version", "2.1");
        map.put("id", type + "--" + uuid);
        map.put("created", StixTimestamp.ofMillis(createdModified[0]).text());
        map.put("modified", StixTimestamp.ofMillis(createdModified[1]).text());
        return map;
    }

    private static Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(946_684_800_000L, 1_893_456_000_000L).map(Instant::ofEpochMilli);
    }

    /** created, and modified at or after it. */
    private static Arbitrary<Instant[]> versions() {
        return Combinators.combine(instants(), Arbitraries.longs().between(0, 10_000_000_000L))
                .as((created, later) -> new Instant[] {created, created.plusMillis(later)});
    }

    private static Arbitrary<UUID> uuids() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.longs())
                .as((high, low) -> new UUID((high & ~0xF000L) | 0x4000L, (low & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L));
    }

    private static Arbitrary<String> references() {
        return Combinators.combine(Arbitraries.of(SDO_TYPES), uuids()).as((type, uuid) -> type + "--" + uuid);
    }

    /** Any text without lone surrogates (which are not Unicode text and cannot be encoded). */
    private static Arbitrary<String> text() {
        return Arbitraries.strings().withCharRange('\u0000', '\uD7FF').withCharRange('\uE000', '\uFFFD').ofMaxLength(40);
    }

    private static Arbitrary<Map<String, Object>> customProperties() {
        // Names ending in _ref or _refs must hold identifiers (STIX 2.1 section 3.1): keep them out of free-form custom values.
        Arbitrary<String> names = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12).map(s -> "x_acme_" + s)
                .filter(n -> !n.endsWith("_ref") && !n.endsWith("_refs"));
        return Arbitraries.maps(names, topLevelValues()).ofMaxSize(4).map(LinkedHashMap<String, Object>::new);
    }

    private static Arbitrary<Map<String, Object>> extensions() {
        Arbitrary<String> keys = uuids().map(uuid -> "extension-definition--" + uuid);
        Arbitrary<Map<String, Object>> bodies = Arbitraries.maps(plainKeys(), json(2)).ofMaxSize(3).map(fields -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("extension_type", "property-extension");
            body.putAll(fields);
            return body;
        });
        return Arbitraries.maps(keys, bodies).ofMaxSize(2).map(LinkedHashMap<String, Object>::new);
    }

    /** Top-level values: STIX forbids empty lists and null there (null is only a warning, but kept out). */
    private static Arbitrary<Object> topLevelValues() {
        return json(3).filter(v -> v != null && !(v instanceof List<?> l && l.isEmpty()));
    }

    private static Arbitrary<String> plainKeys() {
        // Keys ending in _ref/_refs would have to hold identifiers; plain letters never do.
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8);
    }

    // Built once: jqwik memoizes generators per arbitrary, so building new arbitraries per sample grows without bound.
    private static final Arbitrary<Object> SCALARS = Arbitraries.oneOf(
            text().map(Object.class::cast),
            Arbitraries.bigIntegers().between(BigInteger.valueOf(Long.MIN_VALUE).multiply(BigInteger.TEN),
                    BigInteger.valueOf(Long.MAX_VALUE).multiply(BigInteger.TEN)).map(ValidObjects::integer).map(Object.class::cast),
            Arbitraries.bigDecimals().between(new BigDecimal("-1e9"), new BigDecimal("1e9")).ofScale(3).map(Object.class::cast),
            Arbitraries.of(true, false).map(Object.class::cast),
            Arbitraries.just("null").map(s -> (Object) null));
    private static final List<Arbitrary<Object>> JSON = jsonByDepth(3);

    private static List<Arbitrary<Object>> jsonByDepth(int maxDepth) {
        List<Arbitrary<Object>> byDepth = new java.util.ArrayList<>(List.of(SCALARS));
        for (int depth = 1; depth <= maxDepth; depth++) {
            Arbitrary<Object> inner = byDepth.get(depth - 1);
            byDepth.add(Arbitraries.frequencyOf(
                    net.jqwik.api.Tuple.of(3, SCALARS),
                    net.jqwik.api.Tuple.of(1, inner.list().ofMaxSize(3).map(Object.class::cast)),
                    net.jqwik.api.Tuple.of(1, Arbitraries.maps(plainKeys(), inner).ofMaxSize(3)
                            .map(m -> (Object) new LinkedHashMap<>(m)))));
        }
        return List.copyOf(byDepth);
    }

    private static Arbitrary<Object> json(int depth) {
        return JSON.get(depth);
    }
}
