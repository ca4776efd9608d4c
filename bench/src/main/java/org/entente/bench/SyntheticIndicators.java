package org.entente.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.entente.core.pattern.Observation;
import org.entente.core.pattern.engine.Indicator;
import org.entente.core.stix.StixObject;

/**
 * Deterministic indicators and observations for the engine benchmarks. Equality indicators cycle through the
 * observables value streams carry most: 40 % domains ({@code d<i>.example.net}), 30 % IPv4 addresses
 * ({@code 10.a.b.c}, distinct up to 16M), 30 % URLs; every value is distinct. Complex patterns mix
 * conjunctions across properties and references, FOLLOWEDBY windows, CIDR with exclusions, MATCHES, and a few
 * patterns without any indexable term.
 */
final class SyntheticIndicators {
    static final Instant VALID_FROM = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant OBSERVED_AT = Instant.parse("2026-06-01T12:00:00Z");

    private SyntheticIndicators() {}

    static String id(int i) {
        long high = mix(i * 2L + 1);
        long low = mix(i * 2L + 2);
        return String.format("indicator--%08x-%04x-4%03x-8%03x-%012x", high >>> 32, high >>> 16 & 0xFFFF, high & 0xFFF,
                low >>> 48 & 0xFFF, low & 0xFFFFFFFFFFFFL);
    }

    /** The type and value of equality indicator {@code i}. */
    static String[] equalityValue(int i) {
        return switch (i % 10) {
            case 0, 1, 2, 3 -> new String[] {"domain-name", "d" + i + ".example.net"};
            case 4, 5, 6 -> new String[] {"ipv4-addr", ip(10, i)};
            default -> new String[] {"url", "http://u" + i + ".example.net/p/" + Integer.toHexString(i * 31)};
        };
    }

    static Indicator equality(int i) {
        String[] value = equalityValue(i);
        return Indicator.of(id(i), "[" + value[0] + ":value = '" + value[1] + "']", VALID_FROM);
    }

    /** A value of the same type and shape as equality indicator {@code i} that no indicator holds. */
    static String[] missValue(int i) {
        return switch (i % 10) {
            case 0, 1, 2, 3 -> new String[] {"domain-name", "d" + i + ".example.org"};
            case 4, 5, 6 -> new String[] {"ipv4-addr", ip(172, i)};
            default -> new String[] {"url", "http://u" + i + ".example.org/p/" + Integer.toHexString(i * 31)};
        };
    }

    static String ip(int first, int i) {
        return first + "." + (i >>> 16 & 255) + "." + (i >>> 8 & 255) + "." + (i & 255);
    }

    static String sha256(int i) {
        return String.format("%016x%016x%016x%016x", mix(i * 4L + 11), mix(i * 4L + 12), mix(i * 4L + 13), mix(i * 4L + 14));
    }

    /** Complex pattern {@code i}; {@code unindexed} of every 1,000 have no indexable term at all. */
    static Indicator complex(int i, int unindexedPerThousand) {
        String domain = "c" + i + ".example.com";
        String pattern;
        if (i % 1000 < unindexedPerThousand) {
            pattern = "[url:value MATCHES '^https?://[^/]*\\\\.zip" + i + "/']";
        } else {
            pattern = switch (i % 10) {
                case 0, 1, 2, 3 -> "[domain-name:value = '" + domain + "' AND domain-name:resolves_to_refs[*].value = '"
                        + ip(10, i) + "']";
                case 4, 5 -> "[file:hashes.'SHA-256' = '" + sha256(i) + "' AND file:size > 1000]";
                case 6, 7 -> "([domain-name:value = '" + domain + "'] FOLLOWEDBY [url:value = 'http://" + domain
                        + "/p']) WITHIN 300 SECONDS";
                case 8 -> "[ipv4-addr:value ISSUBSET '" + ip(10, i & ~3) + "/30' AND ipv4-addr:value != '"
                        + ip(10, i ^ 1) + "']";
                default -> "[url:value = 'http://" + domain + "/x' AND url:value MATCHES '^http://c[0-9]+\\\\.example']";
            };
        }
        return Indicator.of(id(i), pattern, VALID_FROM);
    }

    /**
     * Observations of a domain resolving to an address, a URL and a file; {@code hitShare} of them carry the
     * values of a random complex pattern (so it is a candidate, and often matches), the rest values no pattern
     * names.
     */
    static List<Observation> observations(int count, int patterns, double hitShare, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Observation> out = new ArrayList<>(count);
        for (int j = 0; j < count; j++) {
            boolean hit = random.nextDouble() < hitShare;
            int i = hit ? random.nextInt(patterns) : 1_000_000 + j;
            String domain = hit ? "c" + i + ".example.com" : "o" + j + ".example.org";
            String ip = hit ? ip(10, i) : ip(172, j);
            Map<String, StixObject> objects = new LinkedHashMap<>();
            objects.put("ipv4-addr--" + j, StixObject.of("type", "ipv4-addr", "id", "ipv4-addr--" + j, "value", ip));
            objects.put("domain-name--" + j, StixObject.of("type", "domain-name", "id", "domain-name--" + j, "value", domain,
                    "resolves_to_refs", List.of("ipv4-addr--" + j)));
            objects.put("url--" + j, StixObject.of("type", "url", "id", "url--" + j,
                    "value", "http://" + domain + (random.nextBoolean() ? "/x" : "/p")));
            objects.put("file--" + j, StixObject.of("type", "file", "id", "file--" + j,
                    "hashes", Map.of("SHA-256", hit ? sha256(i) : sha256(-1 - j)), "size", 2000L));
            out.add(new Observation("observed-data--" + j, OBSERVED_AT, OBSERVED_AT, 1, objects, List.copyOf(objects.keySet())));
        }
        return out;
    }

    /** SplitMix64. */
    static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
