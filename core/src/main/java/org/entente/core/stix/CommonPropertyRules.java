package org.entente.core.stix;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static org.entente.core.stix.StixObject.ABSENT;

/**
 * The shapes of the optional common properties (section 3.2) and of the common data types they use:
 * {@code created_by_ref}, {@code labels}, {@code confidence} (0-100), {@code lang} (RFC 5646),
 * {@code external_references} (2.6), {@code object_marking_refs}, {@code kill_chain_phases} (2.11),
 * {@code revoked} and {@code defanged}.
 */
final class CommonPropertyRules {
    // RFC 5646 language tags, loosely: a primary subtag then subtags of up to 8 letters or digits.
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");
    private static final Set<String> IDENTITY = Set.of("identity");
    private static final Set<String> MARKING_DEFINITION = Set.of("marking-definition");
    private static final List<String> FLAGS = List.of("revoked", "defanged");
    private static final List<String> KILL_CHAIN_PHASE_PARTS = List.of("kill_chain_name", "phase_name");

    private CommonPropertyRules() {}

    static void check(StixObject object, Findings findings) {
        Object createdBy = object.valueOrAbsent("created_by_ref");
        if (createdBy != ABSENT) {
            ReferenceRules.requireReferenceTo(createdBy, "created_by_ref", findings, "3.2", IDENTITY);
        }
        Object labels = object.valueOrAbsent("labels");
        if (labels != ABSENT && !JsonValues.isStringList(labels)) {
            findings.error("labels", "labels MUST be a non-empty list of strings (3.2)");
        }
        Object confidence = object.valueOrAbsent("confidence");
        if (confidence != ABSENT && !JsonValues.isIntegerBetween(confidence, 0, 100)) {
            findings.error("confidence", "confidence MUST be an integer from 0 to 100 (3.2)");
        }
        Object language = object.valueOrAbsent("lang");
        if (language != ABSENT && !(language instanceof String lang && LANGUAGE_TAG.matcher(lang).matches())) {
            findings.error("lang", "lang MUST be an RFC 5646 language code (3.2)");
        }
        for (String flag : FLAGS) {
            Object value = object.valueOrAbsent(flag);
            if (value != ABSENT && !(value instanceof Boolean)) {
                findings.error(flag, flag + " MUST be a boolean (3.2)");
            }
        }
        Object externalReferences = object.valueOrAbsent("external_references");
        if (externalReferences != ABSENT) {
            externalReferences(externalReferences, findings);
        }
        Object markings = object.valueOrAbsent("object_marking_refs");
        if (markings != ABSENT) {
            markingReferences(object, markings, findings);
        }
        Object killChainPhases = object.valueOrAbsent("kill_chain_phases");
        if (killChainPhases != ABSENT) {
            killChainPhases(killChainPhases, "kill_chain_phases", findings);
        }
    }

    private static void externalReferences(Object value, Findings findings) {
        Optional<List<Object>> list = JsonValues.list(value);
        if (list.isEmpty()) {
            findings.error("external_references", "external_references MUST be a list of external references (3.2)");
            return;
        }
        for (int i = 0; i < list.get().size(); i++) {
            String path = "external_references[" + i + "]";
            Optional<Map<String, Object>> reference = JsonValues.object(list.get().get(i));
            if (reference.isEmpty()) {
                findings.error(path, "an external reference MUST be an object (2.6)");
                continue;
            }
            Map<String, Object> ref = reference.get();
            if (!(ref.get("source_name") instanceof String)) {
                findings.error(path + ".source_name", "source_name is required in an external reference (2.6)");
            }
            if (!ref.containsKey("description") && !ref.containsKey("url") && !ref.containsKey("external_id")) {
                findings.error(path, "an external reference MUST have at least one of description, url, external_id (2.6)");
            }
            if (ref.containsKey("hashes")) {
                HashesRules.check(ref.get("hashes"), path + ".hashes", findings, true);
            }
        }
    }

    private static void markingReferences(StixObject object, Object value, Findings findings) {
        if (!(value instanceof List<?> refs)) {
            findings.error("object_marking_refs", "object_marking_refs MUST be a list of marking-definition ids (7.2.2)");
            return;
        }
        boolean markingDefinition = object.type().equals("marking-definition");
        for (int i = 0; i < refs.size(); i++) {
            Object ref = refs.get(i);
            boolean marksItself = markingDefinition && object.id().equals(ref);
            if (ReferenceRules.refersTo(ref, MARKING_DEFINITION, findings) && !marksItself) continue;
            // Only a bad reference needs its path.
            String path = "object_marking_refs[" + i + "]";
            ReferenceRules.requireReferenceTo(ref, path, findings, "7.2.2", MARKING_DEFINITION);
            if (marksItself) {
                findings.error(path, "a marking definition MUST NOT mark itself (7.2.2, no circular references)");
            }
        }
    }

    static void killChainPhases(Object value, String property, Findings findings) {
        Optional<List<Object>> list = JsonValues.list(value);
        if (list.isEmpty()) {
            findings.error(property, property + " MUST be a list of kill chain phases (2.11)");
            return;
        }
        for (int i = 0; i < list.get().size(); i++) {
            Optional<Map<String, Object>> phase = JsonValues.object(list.get().get(i));
            if (phase.isEmpty()) {
                findings.error(property + "[" + i + "]", "a kill chain phase MUST be an object (2.11)");
                continue;
            }
            for (String name : KILL_CHAIN_PHASE_PARTS) {
                Object part = phase.get().get(name);
                if (!(part instanceof String text)) {
                    findings.error(property + "[" + i + "]." + name, name + " is required and MUST be a string (2.11)");
                } else if (!Ascii.isHyphenatedLowercaseWords(text)) {
                    findings.warning(property + "[" + i + "]." + name, name + " SHOULD be all lowercase with hyphens between words (2.11)");
                }
            }
        }
    }
}
