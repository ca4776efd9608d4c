package org.entente.core.stix;

import java.util.Map;
import java.util.Set;

/**
 * Value sets of STIX 2.1 chapter 10. Enumerations ({@code -enum}) are closed: a value outside them breaks a
 * MUST. Open vocabularies ({@code -ov}) only say what values SHOULD be used, so a value outside them is a
 * warning.
 */
final class Vocabularies {
    private Vocabularies() {}

    // ---- enumerations (MUST) ----

    /** opinion-enum (chapter 10), used by opinion.opinion (4.15). */
    static final Set<String> OPINION = Set.of("strongly-disagree", "disagree", "neutral", "agree", "strongly-agree");
    /** extension-type-enum, used by extension-definition.extension_types (7.3). */
    static final Set<String> EXTENSION_TYPE = Set.of(
            "new-sdo", "new-sco", "new-sro", "property-extension", "toplevel-property-extension");
    /** encryption-algorithm-enum, used by artifact.encryption_algorithm (6.1). */
    static final Set<String> ENCRYPTION_ALGORITHM = Set.of("AES-256-GCM", "ChaCha20-Poly1305", "mime-type-indicated");
    /** windows-registry-datatype-enum, used by windows-registry-value-type.data_type (6.17.2). */
    static final Set<String> WINDOWS_REGISTRY_DATATYPE = Set.of(
            "REG_NONE", "REG_SZ", "REG_EXPAND_SZ", "REG_BINARY", "REG_DWORD", "REG_DWORD_BIG_ENDIAN",
            "REG_DWORD_LITTLE_ENDIAN", "REG_LINK", "REG_MULTI_SZ", "REG_RESOURCE_LIST",
            "REG_FULL_RESOURCE_DESCRIPTION", "REG_RESOURCE_REQUIREMENTS_LIST", "REG_QWORD", "REG_INVALID_TYPE");
    /** windows-integrity-level-enum (windows-process-ext, 6.13.2). */
    static final Set<String> WINDOWS_INTEGRITY_LEVEL = Set.of("low", "medium", "high", "system");
    /** windows-service-start-type-enum (windows-service-ext, 6.13.3). */
    static final Set<String> WINDOWS_SERVICE_START_TYPE = Set.of(
            "SERVICE_AUTO_START", "SERVICE_BOOT_START", "SERVICE_DEMAND_START", "SERVICE_DISABLED",
            "SERVICE_SYSTEM_ALERT");
    /** windows-service-type-enum (windows-service-ext, 6.13.3). */
    static final Set<String> WINDOWS_SERVICE_TYPE = Set.of(
            "SERVICE_KERNEL_DRIVER", "SERVICE_FILE_SYSTEM_DRIVER", "SERVICE_WIN32_OWN_PROCESS",
            "SERVICE_WIN32_SHARE_PROCESS");
    /** windows-service-status-enum (windows-service-ext, 6.13.3). */
    static final Set<String> WINDOWS_SERVICE_STATUS = Set.of(
            "SERVICE_CONTINUE_PENDING", "SERVICE_PAUSE_PENDING", "SERVICE_PAUSED", "SERVICE_RUNNING",
            "SERVICE_START_PENDING", "SERVICE_STOP_PENDING", "SERVICE_STOPPED");
    /** network-socket-address-family-enum (socket-ext, 6.12.4). */
    static final Set<String> SOCKET_ADDRESS_FAMILY = Set.of(
            "AF_UNSPEC", "AF_INET", "AF_IPX", "AF_APPLETALK", "AF_NETBIOS", "AF_INET6", "AF_IRDA", "AF_BTH");
    /** network-socket-type-enum (socket-ext, 6.12.4). */
    static final Set<String> SOCKET_TYPE = Set.of("SOCK_STREAM", "SOCK_DGRAM", "SOCK_RAW", "SOCK_RDM", "SOCK_SEQPACKET");

    /** Enumerated properties of the predefined SCO extensions: extension name → property → allowed values. */
    static final Map<String, Map<String, Set<String>>> EXTENSION_ENUMS = Map.of(
            "windows-process-ext", Map.of("integrity_level", WINDOWS_INTEGRITY_LEVEL),
            "windows-service-ext", Map.of(
                    "start_type", WINDOWS_SERVICE_START_TYPE,
                    "service_type", WINDOWS_SERVICE_TYPE,
                    "service_status", WINDOWS_SERVICE_STATUS),
            "socket-ext", Map.of("address_family", SOCKET_ADDRESS_FAMILY, "socket_type", SOCKET_TYPE));

    // ---- open vocabularies (SHOULD) ----

    /** hash-algorithm-ov (chapter 10): keys of the hashes type (2.8). */
    static final Set<String> HASH_ALGORITHM = Set.of(
            "MD5", "SHA-1", "SHA-256", "SHA-512", "SHA3-256", "SHA3-512", "SSDEEP", "TLSH");
    /** identity-class-ov. */
    static final Set<String> IDENTITY_CLASS = Set.of(
            "individual", "group", "system", "organization", "class", "unknown");
    /** pattern-type-ov. */
    static final Set<String> PATTERN_TYPE = Set.of("stix", "pcre", "sigma", "snort", "suricata", "yara");
    /** grouping-context-ov. */
    static final Set<String> GROUPING_CONTEXT = Set.of("suspicious-activity", "malware-analysis", "unspecified");
}
