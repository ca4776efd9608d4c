package org.entente.core.stix;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code extensions} property (sections 3.2 and 7.3): a non-empty dictionary whose keys are
 * extension-definition ids, or names ending in {@code -ext} (the predefined SCO extensions of chapter 6, or
 * deprecated custom extensions), and whose values are non-empty objects. An {@code extension_type} given in
 * an extension MUST come from extension-type-enum; enumerated properties of the predefined extensions MUST
 * hold their enumeration's values.
 */
final class ExtensionRules {
    static final Set<String> PREDEFINED = Set.of(
            "archive-ext", "ntfs-ext", "pdf-ext", "raster-image-ext", "windows-pebinary-ext",
            "http-request-ext", "icmp-ext", "socket-ext", "tcp-ext",
            "windows-process-ext", "windows-service-ext", "unix-account-ext");

    private ExtensionRules() {}

    static void check(StixObject object, Findings findings) {
        Object extensionsValue = object.valueOrAbsent("extensions");
        if (extensionsValue == StixObject.ABSENT) return;
        Optional<Map<String, Object>> extensions = JsonValues.object(extensionsValue);
        if (extensions.isEmpty() || extensions.get().isEmpty()) {
            findings.error("extensions", "extensions MUST be a non-empty dictionary of extension name or id to extension (7.3)");
            return;
        }
        for (Map.Entry<String, Object> extension : extensions.get().entrySet()) {
            String key = extension.getKey();
            String path = "extensions." + key;
            boolean definitionId = StixIdentifier.parse(key).map(id -> id.type().equals("extension-definition")).orElse(false);
            if (!definitionId && !key.endsWith("-ext")) {
                findings.error(path, "an extension key MUST be an extension-definition id or a name ending in -ext (7.3)");
            } else if (!definitionId && !PREDEFINED.contains(key)) {
                findings.warning(path, "custom extensions named by '-ext' are deprecated; use an extension-definition (7.3)");
            }
            Optional<Map<String, Object>> body = JsonValues.object(extension.getValue());
            if (body.isEmpty() || body.get().isEmpty()) {
                findings.error(path, "an extension MUST be a non-empty object (7.3)");
                continue;
            }
            Object extensionType = body.get().get("extension_type");
            if (extensionType != null && !Vocabularies.EXTENSION_TYPE.contains(extensionType)) {
                findings.error(path + ".extension_type", "extension_type MUST be one of extension-type-enum "
                        + Vocabularies.EXTENSION_TYPE.stream().sorted().toList() + " (7.3)");
            }
            Vocabularies.EXTENSION_ENUMS.getOrDefault(key, Map.of()).forEach((property, allowed) -> {
                Object value = body.get().get(property);
                if (value != null && !allowed.contains(value)) {
                    findings.error(path + "." + property, property + " MUST be one of " + allowed.stream().sorted().toList()
                            + " (chapter 6, " + key + ")");
                }
            });
        }
    }
}
