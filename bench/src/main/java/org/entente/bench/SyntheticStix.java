package org.entente.bench;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * An endless, deterministic stream of valid STIX 2.1 objects shaped like a national CERT's feed: a few
 * producer identities first, then in every cycle of 20 objects 8 indicators (STIX patterns over IPs,
 * domains, URLs and file hashes), 2 malware, 6 {@code indicates} relationships, 3 sightings and 1 new
 * version of an earlier indicator (5% multi-version objects). References point to objects emitted
 * earlier. Each object is a fresh insertion-ordered map, ready for Jackson.
 */
final class SyntheticStix {
    static final String TLP_GREEN = "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da";
    static final String TLP_WHITE = "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9";
    private static final int IDENTITIES = 20;
    private static final int RECENT = 1024;
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(java.time.ZoneOffset.UTC);
    private static final String[] COUNTRIES = {"AT", "BE", "DE", "EE", "FR", "IT", "KZ", "LT", "PL", "UZ"};
    private static final String[] SECTORS = {"government", "financial-services", "energy", "healthcare", "telecommunications"};
    private static final String[] MALWARE_TYPES = {"ransomware", "trojan", "backdoor", "dropper", "bot", "spyware"};
    private static final String[] FAMILIES = {"Emotet", "QakBot", "LockBit", "AgentTesla", "Remcos", "IcedID", "Pikabot"};
    private static final String[] PHASES = {"reconnaissance", "delivery", "exploitation", "installation", "command-and-control"};

    /** An indicator kept so that a later version can be made of it. */
    private record Issued(String id, String created, String pattern, String createdBy) {}

    private final SplittableRandom random;
    private final List<String> identities = new ArrayList<>();
    private final String[] recentIndicators = new String[RECENT];
    private final String[] recentMalware = new String[RECENT];
    private final Issued[] recentIssued = new Issued[RECENT];
    private long indicatorCount;
    private long malwareCount;
    private long emitted;

    SyntheticStix(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The next object of the stream. */
    Map<String, Object> next() {
        long n = emitted++;
        String now = TIMESTAMP.format(START.plus(n * 250, ChronoUnit.MILLIS));
        if (n < IDENTITIES) return identity(now);
        int slot = (int) ((n - IDENTITIES) % 20);
        if (malwareCount == 0 || slot < 2) return malware(now);
        if (slot < 10) return indicator(now);
        if (slot < 16) return relationship(now);
        if (slot < 19) return sighting(now);
        return newVersion(now);
    }

    private Map<String, Object> identity(String now) {
        String country = COUNTRIES[identities.size() % COUNTRIES.length];
        Map<String, Object> o = common("identity", now);
        o.put("name", "CERT-" + country + " " + (identities.size() / COUNTRIES.length + 1));
        o.put("identity_class", "organization");
        o.put("sectors", List.of(SECTORS[random.nextInt(SECTORS.length)]));
        o.put("contact_information", "soc@cert." + country.toLowerCase() + ".example");
        o.put("object_marking_refs", List.of(TLP_WHITE));
        identities.add((String) o.get("id"));
        return o;
    }

    private Map<String, Object> malware(String now) {
        String family = FAMILIES[random.nextInt(FAMILIES.length)];
        Map<String, Object> o = common("malware", now);
        o.put("created_by_ref", producer());
        o.put("name", family + " variant " + Integer.toHexString(random.nextInt(1 << 16)));
        o.put("description", "Loader observed in phishing waves against " + SECTORS[random.nextInt(SECTORS.length)] + ".");
        o.put("malware_types", List.of(MALWARE_TYPES[random.nextInt(MALWARE_TYPES.length)]));
        o.put("is_family", false);
        o.put("first_seen", now);
        o.put("object_marking_refs", List.of(TLP_GREEN));
        recentMalware[(int) (malwareCount++ % RECENT)] = (String) o.get("id");
        return o;
    }

    private Map<String, Object> indicator(String now) {
        Map<String, Object> o = common("indicator", now);
        String pattern = pattern();
        String createdBy = producer();
        o.put("created_by_ref", createdBy);
        o.put("name", "Suspicious infrastructure " + indicatorCount);
        o.put("description", "Observed in a campaign reported through the exchange.");
        o.put("indicator_types", List.of("malicious-activity"));
        o.put("pattern", pattern);
        o.put("pattern_type", "stix");
        o.put("pattern_version", "2.1");
        o.put("valid_from", now);
        o.put("kill_chain_phases", List.of(Map.of("kill_chain_name", "lockheed-martin-cyber-kill-chain",
                "phase_name", PHASES[random.nextInt(PHASES.length)])));
        o.put("confidence", 50 + random.nextInt(50));
        o.put("labels", List.of("exchange", COUNTRIES[random.nextInt(COUNTRIES.length)].toLowerCase()));
        o.put("object_marking_refs", List.of(TLP_GREEN));
        int at = (int) (indicatorCount++ % RECENT);
        recentIndicators[at] = (String) o.get("id");
        recentIssued[at] = new Issued((String) o.get("id"), now, pattern, createdBy);
        return o;
    }

    private Map<String, Object> relationship(String now) {
        Map<String, Object> o = common("relationship", now);
        o.put("created_by_ref", producer());
        o.put("relationship_type", "indicates");
        o.put("source_ref", pick(recentIndicators, indicatorCount));
        o.put("target_ref", pick(recentMalware, malwareCount));
        o.put("object_marking_refs", List.of(TLP_GREEN));
        return o;
    }

    private Map<String, Object> sighting(String now) {
        Map<String, Object> o = common("sighting", now);
        o.put("created_by_ref", producer());
        o.put("first_seen", now);
        o.put("last_seen", now);
        o.put("count", 1 + random.nextInt(40));
        o.put("sighting_of_ref", pick(recentIndicators, indicatorCount));
        o.put("where_sighted_refs", List.of(producer()));
        o.put("object_marking_refs", List.of(TLP_GREEN));
        return o;
    }

    /** A later version of a recent indicator: same id and created, a newer modified, revised content. */
    private Map<String, Object> newVersion(String now) {
        Issued earlier = recentIssued[random.nextInt((int) Math.min(indicatorCount, RECENT))];
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("type", "indicator");
        o.put("spec_version", "2.1");
        o.put("id", earlier.id());
        o.put("created", earlier.created());
        o.put("modified", now);
        o.put("created_by_ref", earlier.createdBy());
        o.put("name", "Suspicious infrastructure (revised)");
        o.put("description", "Confidence revised after further sightings.");
        o.put("indicator_types", List.of("malicious-activity", "attribution"));
        o.put("pattern", earlier.pattern());
        o.put("pattern_type", "stix");
        o.put("pattern_version", "2.1");
        o.put("valid_from", earlier.created());
        o.put("confidence", 95);
        o.put("object_marking_refs", List.of(TLP_GREEN));
        return o;
    }

    private Map<String, Object> common(String type, String now) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("type", type);
        o.put("spec_version", "2.1");
        o.put("id", type + "--" + uuid());
        o.put("created", now);
        o.put("modified", now);
        return o;
    }

    private String pattern() {
        return switch (random.nextInt(5)) {
            case 0 -> "[ipv4-addr:value = '" + ip() + "']";
            case 1 -> "[domain-name:value = '" + host() + "']";
            case 2 -> "[url:value = 'https://" + host() + "/" + Long.toHexString(random.nextLong()) + "/login.php']";
            case 3 -> "[file:hashes.'SHA-256' = '" + hex(64) + "']";
            default -> "[network-traffic:dst_ref.type = 'ipv4-addr' AND network-traffic:dst_ref.value = '" + ip()
                    + "'] AND [domain-name:value = '" + host() + "']";
        };
    }

    private String ip() {
        return "198.51." + random.nextInt(256) + "." + random.nextInt(256);
    }

    private String host() {
        return "cdn-" + Integer.toHexString(random.nextInt()) + ".example.net";
    }

    private String hex(int length) {
        StringBuilder s = new StringBuilder(length);
        while (s.length() < length) s.append(Long.toHexString(random.nextLong() | Long.MIN_VALUE));
        return s.substring(0, length);
    }

    private String producer() {
        return identities.get(random.nextInt(identities.size()));
    }

    private String pick(String[] recent, long count) {
        return recent[random.nextInt((int) Math.min(count, RECENT))];
    }

    /** A random (version 4) UUID drawn from the seeded generator, so runs are repeatable. */
    private String uuid() {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(high, low).toString();
    }
}
