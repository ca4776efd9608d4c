package org.entente.core.stix;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Type-specific MUSTs of the STIX 2.1 cyber-observable objects (chapter 6) beyond their required properties. */
final class ObservableRules {
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(/(\\d{1,2}))?");
    private static final Pattern IPV6 = Pattern.compile("([0-9a-fA-F:.]+)(/(\\d{1,3}))?");
    private static final Pattern MAC_48 = Pattern.compile("([0-9a-f]{2}:){5}[0-9a-f]{2}");
    /** The SCO common properties (chapter 6); "at least one property of this object" means another one. */
    private static final Set<String> SCO_COMMON = Set.of(
            "type", "id", "spec_version", "object_marking_refs", "granular_markings", "defanged", "extensions");

    private ObservableRules() {}

    static void check(StixObject object, Findings findings) {
        switch (object.type()) {
            case "artifact" -> artifact(object, findings);
            case "autonomous-system" -> integerAtLeast(object, "number", 0, "6.2", findings);
            case "email-message" -> emailMessage(object, findings);
            case "file" -> file(object, findings);
            case "ipv4-addr" -> ipv4(object, findings);
            case "ipv6-addr" -> ipv6(object, findings);
            case "mac-addr" -> mac(object, findings);
            case "network-traffic" -> networkTraffic(object, findings);
            case "process" -> atLeastOneOwnProperty(object, true, "6.13", findings);
            case "windows-registry-key" -> windowsRegistryKey(object, findings);
            case "x509-certificate" -> atLeastOneOwnProperty(object, false, "6.18", findings);
            default -> { }
        }
        for (String name : List.of("value", "name", "path", "key")) {
            if (object.has(name) && !(object.get(name) instanceof String)) {
                findings.error(name, name + " MUST be a string (chapter 6, " + object.type() + ")");
            }
        }
    }

    private static void artifact(StixObject object, Findings findings) {
        boolean payload = object.has("payload_bin");
        boolean url = object.has("url");
        if (payload == url) {
            findings.error(payload ? "url" : "payload_bin", "exactly one of payload_bin or url MUST be present (6.1)");
        }
        if (url && !object.has("hashes")) {
            findings.error("hashes", "hashes MUST be present when url is present (6.1)");
        }
        if (payload && !(object.get("payload_bin") instanceof String bin && isBase64(bin))) {
            findings.error("payload_bin", "payload_bin MUST be base64-encoded binary data (2.1, 6.1)");
        }
        Object algorithm = object.get("encryption_algorithm");
        if (algorithm != null && !Vocabularies.ENCRYPTION_ALGORITHM.contains(algorithm)) {
            findings.error("encryption_algorithm", "encryption_algorithm MUST be one of encryption-algorithm-enum "
                    + Vocabularies.ENCRYPTION_ALGORITHM.stream().sorted().toList() + " (6.1)");
        }
        if (object.has("decryption_key") && algorithm == null) {
            findings.error("decryption_key", "decryption_key MUST NOT be present without encryption_algorithm (6.1)");
        }
    }

    private static void emailMessage(StixObject object, Findings findings) {
        Object multipart = object.get("is_multipart");
        if (object.has("is_multipart") && !(multipart instanceof Boolean)) {
            findings.error("is_multipart", "is_multipart MUST be a boolean (6.6)");
        }
        if (Boolean.TRUE.equals(multipart) && object.has("body")) {
            findings.error("body", "body MUST NOT be present when is_multipart is true; use body_multipart (6.6)");
        }
        if (Boolean.FALSE.equals(multipart) && object.has("body_multipart")) {
            findings.error("body_multipart", "body_multipart MUST NOT be present when is_multipart is false (6.6)");
        }
        if (!object.has("body_multipart")) return;
        Optional<List<Object>> parts = JsonValues.list(object.get("body_multipart"));
        if (parts.isEmpty()) {
            findings.error("body_multipart", "body_multipart MUST be a list of MIME parts (6.6)");
            return;
        }
        for (int i = 0; i < parts.get().size(); i++) {
            String path = "body_multipart[" + i + "]";
            Optional<Map<String, Object>> part = JsonValues.object(parts.get().get(i));
            if (part.isEmpty()) {
                findings.error(path, "a MIME part MUST be an object (6.6.2)");
            } else if (part.get().containsKey("body") == part.get().containsKey("body_raw_ref")) {
                findings.error(path, "a MIME part MUST have exactly one of body or body_raw_ref (6.6.2)");
            }
        }
    }

    private static void file(StixObject object, Findings findings) {
        if (!object.has("hashes") && !object.has("name")) {
            findings.error("name", "a file MUST have at least one of hashes or name (6.7)");
        }
        integerAtLeast(object, "size", 0, "6.7", findings);
    }

    private static void ipv4(StixObject object, Findings findings) {
        if (!(object.get("value") instanceof String value)) return;
        Matcher m = IPV4.matcher(value);
        boolean ok = m.matches();
        for (int octet = 1; ok && octet <= 4; octet++) {
            ok = Integer.parseInt(m.group(octet)) <= 255;
        }
        if (ok && m.group(6) != null) ok = Integer.parseInt(m.group(6)) <= 32;
        if (!ok) findings.error("value", "value MUST be an IPv4 address or CIDR block, not '" + value + "' (6.8)");
    }

    private static void ipv6(StixObject object, Findings findings) {
        if (!(object.get("value") instanceof String value)) return;
        Matcher m = IPV6.matcher(value);
        boolean ok = m.matches() && m.group(1).contains(":") && (m.group(3) == null || Integer.parseInt(m.group(3)) <= 128);
        if (ok) {
            try {
                // Only hex digits, colons and dots reach here, so this parses a literal and never looks up a name.
                InetAddress.getByName(m.group(1));
            } catch (UnknownHostException | IllegalArgumentException e) {
                ok = false;
            }
        }
        if (!ok) findings.error("value", "value MUST be an IPv6 address or CIDR block, not '" + value + "' (6.9)");
    }

    private static void mac(StixObject object, Findings findings) {
        if (object.get("value") instanceof String value && !MAC_48.matcher(value).matches()) {
            findings.error("value", "value MUST be a colon-delimited, lowercase MAC-48 address with leading zeros, "
                    + "e.g. d2:fb:49:24:37:18 (6.10)");
        }
    }

    private static void networkTraffic(StixObject object, Findings findings) {
        if (!object.has("src_ref") && !object.has("dst_ref")) {
            findings.error("src_ref", "at least one of src_ref or dst_ref MUST be present (6.12)");
        }
        if (object.has("protocols") && !JsonValues.isStringList(object.get("protocols"))) {
            findings.error("protocols", "protocols MUST be a non-empty list of strings (6.12)");
        }
        for (String port : List.of("src_port", "dst_port")) {
            if (!object.has(port)) continue;
            Optional<BigDecimal> value = JsonValues.integer(object.get(port));
            if (value.isEmpty() || value.get().signum() < 0 || value.get().compareTo(BigDecimal.valueOf(65535)) > 0) {
                findings.error(port, port + " MUST be an integer from 0 to 65535 (6.12)");
            }
        }
        if (Boolean.TRUE.equals(object.get("is_active")) && object.has("end")) {
            findings.error("end", "end MUST NOT be present when is_active is true (6.12)");
        }
    }

    private static void windowsRegistryKey(StixObject object, Findings findings) {
        if (!object.has("values")) return;
        Optional<List<Object>> values = JsonValues.list(object.get("values"));
        if (values.isEmpty()) {
            findings.error("values", "values MUST be a list of registry values (6.17)");
            return;
        }
        for (int i = 0; i < values.get().size(); i++) {
            String path = "values[" + i + "]";
            Optional<Map<String, Object>> value = JsonValues.object(values.get().get(i));
            if (value.isEmpty()) {
                findings.error(path, "a registry value MUST be an object (6.17.2)");
                continue;
            }
            Object dataType = value.get().get("data_type");
            if (dataType != null && !Vocabularies.WINDOWS_REGISTRY_DATATYPE.contains(dataType)) {
                findings.error(path + ".data_type", "data_type MUST be one of windows-registry-datatype-enum (6.17.2)");
            }
        }
    }

    /** Process (6.13) and X.509 certificate (6.18) MUST carry at least one property of their own. */
    private static void atLeastOneOwnProperty(StixObject object, boolean extensionsCount, String section, Findings findings) {
        boolean any = object.properties().keySet().stream().anyMatch(name -> !SCO_COMMON.contains(name))
                || (extensionsCount && object.has("extensions"));
        if (!any) {
            findings.error("", "a " + object.type() + " MUST contain at least one property specific to it (" + section + ")");
        }
    }

    private static void integerAtLeast(StixObject object, String name, int minimum, String section, Findings findings) {
        if (!object.has(name)) return;
        Optional<BigDecimal> value = JsonValues.integer(object.get(name));
        if (value.isEmpty() || value.get().compareTo(BigDecimal.valueOf(minimum)) < 0) {
            findings.error(name, name + " MUST be an integer of at least " + minimum + " (" + section + ")");
        }
    }

    private static boolean isBase64(String text) {
        try {
            Base64.getDecoder().decode(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
