package org.entente.core.stix;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Type-specific MUSTs of the STIX 2.1 domain objects (chapter 4) beyond their required properties. */
final class DomainObjectRules {
    private static final BigDecimal MAX_COUNT = BigDecimal.valueOf(999_999_999);

    private DomainObjectRules() {}

    static void check(StixObject object, Findings findings) {
        Object name = object.valueOrAbsent("name");
        if (name != StixObject.ABSENT && !(name instanceof String)) {
            findings.error("name", "name MUST be a string");
        }
        switch (object.type()) {
            case "indicator" -> indicator(object, findings);
            case "malware" -> malware(object, findings);
            case "malware-analysis" -> malwareAnalysis(object, findings);
            case "observed-data" -> observedData(object, findings);
            case "opinion" -> opinion(object, findings);
            case "location" -> location(object, findings);
            case "identity" -> openVocabulary(object, "identity_class", Vocabularies.IDENTITY_CLASS, "identity-class-ov", findings);
            case "grouping" -> {
                requireString(object, "context", "4.4", findings);
                openVocabulary(object, "context", Vocabularies.GROUPING_CONTEXT, "grouping-context-ov", findings);
            }
            case "note" -> requireString(object, "content", "4.13", findings);
            default -> { }
        }
    }

    private static void indicator(StixObject object, Findings findings) {
        requireString(object, "pattern", "4.7", findings);
        requireString(object, "pattern_type", "4.7", findings);
        openVocabulary(object, "pattern_type", Vocabularies.PATTERN_TYPE, "pattern-type-ov", findings);
    }

    private static void malware(StixObject object, Findings findings) {
        Object isFamily = object.get("is_family");
        if (object.has("is_family") && !(isFamily instanceof Boolean)) {
            findings.error("is_family", "is_family MUST be a boolean (4.11)");
        }
        if (Boolean.TRUE.equals(isFamily) && !object.has("name")) {
            findings.error("name", "name MUST be present when is_family is true (4.11)");
        }
    }

    private static void malwareAnalysis(StixObject object, Findings findings) {
        if (!object.has("result") && !object.has("analysis_sco_refs")) {
            findings.error("result", "one of result or analysis_sco_refs MUST be present (4.12)");
        }
    }

    private static void observedData(StixObject object, Findings findings) {
        Optional<BigDecimal> number = JsonValues.integer(object.get("number_observed"));
        if (object.has("number_observed") && (number.isEmpty() || number.get().compareTo(BigDecimal.ONE) < 0
                || number.get().compareTo(MAX_COUNT) > 0)) {
            findings.error("number_observed", "number_observed MUST be an integer from 1 to 999,999,999 (4.14)");
        }
        boolean objects = object.has("objects");
        boolean refs = object.has("object_refs");
        if (objects == refs) {
            findings.error(objects ? "objects" : "object_refs",
                    "exactly one of object_refs or the deprecated objects MUST be present (4.14)");
        }
        if (objects) {
            findings.warning("objects", "objects is deprecated; use object_refs (4.14)");
            Optional<Map<String, Object>> container = JsonValues.object(object.get("objects"));
            if (container.isEmpty() || container.get().isEmpty()) {
                findings.error("objects", "objects MUST be a non-empty dictionary of cyber-observable objects (4.14)");
            } else {
                container.get().forEach((key, value) -> {
                    if (!(value instanceof Map<?, ?> sco) || !(sco.get("type") instanceof String)) {
                        findings.error("objects." + key, "each entry of objects MUST be a cyber-observable object with a type (4.14)");
                    }
                });
            }
        }
    }

    private static void opinion(StixObject object, Findings findings) {
        Object opinion = object.get("opinion");
        if (opinion != null && !Vocabularies.OPINION.contains(opinion)) {
            findings.error("opinion", "opinion MUST be one of opinion-enum: strongly-disagree, disagree, neutral, "
                    + "agree, strongly-agree (4.15)");
        }
    }

    private static void location(StixObject object, Findings findings) {
        Optional<BigDecimal> latitude = coordinate(object, "latitude", 90, findings);
        Optional<BigDecimal> longitude = coordinate(object, "longitude", 180, findings);
        boolean hasLatitude = object.has("latitude");
        boolean hasLongitude = object.has("longitude");
        if (hasLatitude != hasLongitude) {
            findings.error(hasLatitude ? "longitude" : "latitude",
                    "latitude and longitude MUST be present together (4.10)");
        }
        if (object.has("precision")) {
            if (!hasLatitude || !hasLongitude) {
                findings.error("precision", "precision MUST only be present with latitude and longitude (4.10)");
            }
            if (JsonValues.number(object.get("precision")).map(p -> p.signum() < 0).orElse(true)) {
                findings.error("precision", "precision MUST be a non-negative number of meters (4.10)");
            }
        }
        if (!object.has("region") && !object.has("country") && !(latitude.isPresent() && longitude.isPresent())) {
            findings.error("region", "at least one of region, country, or latitude and longitude MUST be present (4.10)");
        }
    }

    private static Optional<BigDecimal> coordinate(StixObject object, String name, int limit, Findings findings) {
        if (!object.has(name)) return Optional.empty();
        Optional<BigDecimal> value = JsonValues.number(object.get(name));
        if (value.isEmpty() || value.get().abs().compareTo(BigDecimal.valueOf(limit)) > 0) {
            findings.error(name, name + " MUST be a number from -" + limit + " to " + limit + " (4.10)");
            return Optional.empty();
        }
        return value;
    }

    static void requireString(StixObject object, String name, String section, Findings findings) {
        Object value = object.valueOrAbsent(name);
        if (value != StixObject.ABSENT && !(value instanceof String)) {
            findings.error(name, name + " MUST be a string (" + section + ")");
        }
    }

    static void openVocabulary(StixObject object, String name, Set<String> vocabulary, String vocabularyName,
                               Findings findings) {
        Object value = object.get(name);
        if (value instanceof String s && !vocabulary.contains(s)) {
            findings.warning(name, name + " '" + s + "' SHOULD come from " + vocabularyName + " (chapter 10)");
        }
    }
}
