package org.entente.core.stix;

import static org.entente.core.stix.ValidObjects.*;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RelationshipObjectRulesTest {
    private static Map<String, Object> sighting() {
        return sdo("sighting", "ee20065d-2555-424f-ad9e-0f8428623c75", "sighting_of_ref", INDICATOR);
    }

    @Test
    void aMinimalRelationshipAndSightingAreValid() {
        assertValid(object(relationship()));
        assertValid(object(sighting()));
    }

    @Test
    void aRelationshipWithoutSourceRefIsRejectedNamingTheProperty() {
        assertRejected(with(relationship(), "source_ref", ABSENT), "source_ref", "required for relationship (5.1)");
    }

    @Test
    void aRelationshipTypeOutsideLowercaseLettersDigitsAndHyphensIsRejected() {
        assertRejected(with(relationship(), "relationship_type", "Indicates"), "relationship_type", "a-z");
    }

    @Test
    void aRelationshipMustNotPointAtAnotherRelationship() {
        assertRejected(with(relationship(), "target_ref", "relationship--44298a74-ba52-4f0c-87a3-1824e67d7fae"),
                "target_ref", "SDO or SCO");
    }

    @Test
    void stopTimeMustBeLaterThanStartTime() {
        assertRejected(with(relationship(), "start_time", "2020-01-01T00:00:00Z", "stop_time", "2020-01-01T00:00:00Z"),
                "stop_time", "later than start_time");
    }

    @Test
    void aSightingCountMustBeFromZeroTo999999999() {
        assertRejected(with(sighting(), "count", integer(-1)), "count", "0 to 999,999,999");
        assertRejected(with(sighting(), "count", integer(1_000_000_000)), "count", "0 to 999,999,999");
        assertValid(with(sighting(), "count", integer(0)));
    }

    @Test
    void aSightingMustBeOfADomainObject() {
        assertRejected(with(sighting(), "sighting_of_ref", "ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4"),
                "sighting_of_ref", "SDO");
    }

    @Test
    void whereSightedRefsMustBeIdentitiesOrLocations() {
        assertRejected(with(sighting(), "where_sighted_refs", list(MALWARE)), "where_sighted_refs[0]", "identity or location");
        assertValid(with(sighting(), "where_sighted_refs", list(IDENTITY)));
    }

    @Test
    void aSightingMustNotEndBeforeItStarts() {
        assertRejected(with(sighting(), "first_seen", "2020-01-02T00:00:00Z", "last_seen", "2020-01-01T00:00:00Z"),
                "last_seen", "first_seen");
    }
}
