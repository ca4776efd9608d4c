package org.entente.core.stix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.core.stix.ValidObjects.*;

import java.util.Map;
import org.junit.jupiter.api.Test;

class Stix20ContentTest {
    /** A STIX 2.0 indicator: labels required, no pattern_type, no spec_version, created without milliseconds. */
    private static Map<String, Object> indicator20() {
        return map("type", "indicator", "id", "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                "created", "2016-04-06T20:03:48Z", "modified", "2016-04-06T20:03:48Z",
                "labels", list("malicious-activity"), "pattern", "[ipv4-addr:value = '198.51.100.3']",
                "valid_from", "2016-04-06T20:03:48Z");
    }

    @Test
    void aStix20ObjectIsReadAs20() {
        assertThat(StixVersions.specVersionOf(object(indicator20()), null)).isEqualTo("2.0");
        assertThat(StixVersions.specVersionOf(object(indicator()), null)).isEqualTo("2.1");
        assertThat(StixVersions.specVersionOf(object(sco("url", "value", "https://x")), null)).isEqualTo("2.1");
        assertThat(StixVersions.specVersionOf(object(with(indicator(), "spec_version", ABSENT).properties()), "2.0")).isEqualTo("2.0");
    }

    @Test
    void aStix20IndicatorIsAcceptedWithoutThe21Rules() {
        assertThat(errors(object(indicator20()))).isEmpty();
        assertThat(StixValidator.stix21().validate(object(indicator20()), "2.0")).isEmpty();
    }

    @Test
    void aStix20ObjectStillNeedsTypeIdCreatedAndModified() {
        assertRejected(with(indicator20(), "modified", ABSENT), "modified", "required");
        assertRejected(with(indicator20(), "id", "indicator--x"), "id", "UUID");
        assertRejected(with(indicator20(), "modified", "2016-04-06T20:03:47Z"), "modified", "created");
    }

    @Test
    void anObjectOfATypeOnlyIn21WithoutSpecVersionIsA21ObjectMissingIt() {
        Map<String, Object> note = sdo("note", "a1b2c3d4-0000-4000-8000-000000000009", "content", "x", "object_refs", list(INDICATOR));
        assertRejected(with(note, "spec_version", ABSENT), "spec_version", "required");
    }
}
