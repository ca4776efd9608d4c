package org.entente.core.stix;

import java.util.Map;
import java.util.Optional;

/**
 * The Traffic Light Protocol marking definitions that STIX content uses by reference.
 *
 * <p>TLP 1.0 markings are defined by STIX 2.1 section 7.2.1.4: {@code definition_type "tlp"}, created
 * 2017-01-20, and these four ids, which MUST be used to represent TLP 1.0 markings.
 *
 * <p>TLP 2.0 markings are extension-based: a marking-definition named {@code TLP:<LEVEL>} carrying the
 * property extension {@link #TLP2_EXTENSION} with {@code tlp_2_0} set to the level. The five ids are the ones
 * OASIS publishes in cti-stix-common-objects ({@code extension-definition-specifications/tlp-2.0}). Note that
 * some products (e.g. OpenCTI) use their own id for AMBER+STRICT; such an id is not one of these.
 */
public final class TlpMarkings {
    /** The OASIS TLP 2.0 marking extension definition. */
    public static final String TLP2_EXTENSION = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";

    /** TLP 1.0 level ({@code definition.tlp}) → marking-definition id (STIX 2.1 section 7.2.1.4). */
    public static final Map<String, String> TLP1_IDS = Map.of(
            "white", "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9",
            "green", "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da",
            "amber", "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82",
            "red", "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed");

    /** TLP 2.0 level ({@code tlp_2_0}) → marking-definition id. */
    public static final Map<String, String> TLP2_IDS = Map.of(
            "clear", "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
            "green", "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
            "amber", "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
            "amber+strict", "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
            "red", "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1");

    /** TLP 1.0 markings were created at this instant (section 7.2.1.4). */
    public static final String TLP1_CREATED = "2017-01-20T00:00:00.000Z";

    private TlpMarkings() {}

    /** The TLP 1.0 level that a marking-definition id stands for. */
    public static Optional<String> tlp1LevelOf(String markingId) {
        return levelOf(TLP1_IDS, markingId);
    }

    /** The TLP 2.0 level that a marking-definition id stands for. */
    public static Optional<String> tlp2LevelOf(String markingId) {
        return levelOf(TLP2_IDS, markingId);
    }

    /** The name a TLP 2.0 marking-definition carries, e.g. {@code TLP:AMBER+STRICT}. */
    public static String tlp2Name(String level) {
        return "TLP:" + level.toUpperCase(java.util.Locale.ROOT);
    }

    private static Optional<String> levelOf(Map<String, String> ids, String markingId) {
        return ids.entrySet().stream().filter(e -> e.getValue().equals(markingId)).map(Map.Entry::getKey).findFirst();
    }
}
