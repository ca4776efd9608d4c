package org.entente.core.stix;


/** Type-specific MUSTs of the relationship objects (chapter 5): relationship and sighting. */
final class RelationshipObjectRules {
    private static final long MAX_COUNT = 999_999_999;

    /** What each end of a relationship and a sighting's sighting_of_ref may not point to; made once, not per call. */
    private static final StixCategory[] NOT_RELATIONSHIP_ENDS = {StixCategory.SRO, StixCategory.META, StixCategory.BUNDLE};
    private static final StixCategory[] NOT_SIGHTED =
            {StixCategory.SCO, StixCategory.SRO, StixCategory.META, StixCategory.BUNDLE};
    private static final String[] RELATIONSHIP_ENDS = {"source_ref", "target_ref"};

    private RelationshipObjectRules() {}

    static void check(StixObject object, Findings findings) {
        switch (object.type()) {
            case "relationship" -> relationship(object, findings);
            case "sighting" -> sighting(object, findings);
            default -> { }
        }
    }

    private static void relationship(StixObject object, Findings findings) {
        Object type = object.valueOrAbsent("relationship_type");
        if (type != StixObject.ABSENT
                && !(type instanceof String s && Ascii.isLowercaseLettersDigitsHyphens(s))) {
            findings.error("relationship_type", "relationship_type MUST be ASCII a-z, 0-9 and hyphen (5.1)");
        }
        for (String end : RELATIONSHIP_ENDS) {
            notToward(object, end, "an SDO or SCO", "5.1", findings, NOT_RELATIONSHIP_ENDS);
        }
    }

    private static void sighting(StixObject object, Findings findings) {
        Object count = object.valueOrAbsent("count");
        if (count != StixObject.ABSENT && !JsonValues.isIntegerBetween(count, 0, MAX_COUNT)) {
            findings.error("count", "count MUST be an integer from 0 to 999,999,999 (5.2)");
        }
        Object summary = object.valueOrAbsent("summary");
        if (summary != StixObject.ABSENT && !(summary instanceof Boolean)) {
            findings.error("summary", "summary MUST be a boolean (5.2)");
        }
        notToward(object, "sighting_of_ref", "an SDO", "5.2", findings, NOT_SIGHTED);
    }

    /** A reference whose identifier names a type of one of the excluded categories. */
    private static void notToward(StixObject object, String property, String expected, String section, Findings findings,
                                  StixCategory[] excluded) {
        Object value = object.get(property);
        if (!(value instanceof String text)) return;
        if (!findings.isIdentifier(text)) return; // not an identifier: ReferenceRules reports that
        String type = StixIdentifier.typePartOf(text);
        StixCategory category = StixTypes.categoryOf(type);
        for (StixCategory no : excluded) {
            if (category == no) {
                findings.error(property, property + " MUST refer to " + expected + ", not a " + type + " (" + section + ")");
                return;
            }
        }
    }
}
