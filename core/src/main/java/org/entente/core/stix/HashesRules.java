package org.entente.core.stix;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The hashes type (section 2.8): a non-empty dictionary of algorithm → hash string. Keys SHOULD come from
 * hash-algorithm-ov; for algorithms of known output size the value MUST be that many hexadecimal digits
 * (as the specification's JSON schema enforces).
 */
final class HashesRules {
    private static final Pattern KEY = Pattern.compile("[a-zA-Z0-9_-]{1,250}");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");
    /** Hexadecimal digits of the algorithms whose output size is fixed. */
    private static final Map<String, Integer> HEX_DIGITS = Map.of(
            "MD5", 32, "SHA-1", 40, "SHA-256", 64, "SHA-512", 128, "SHA3-256", 64, "SHA3-512", 128);

    private HashesRules() {}

    static void check(Object value, String path, Findings findings) {
        check(value, path, findings, false);
    }

    /**
     * @param vocabularyOnly true where the keys MUST come from hash-algorithm-ov, as in external references
     *                       (2.6), instead of only SHOULD
     */
    static void check(Object value, String path, Findings findings, boolean vocabularyOnly) {
        if (!(value instanceof Map<?, ?> hashes)) {
            findings.error(path, "hashes MUST be a dictionary of algorithm to hash value (2.8)");
            return;
        }
        if (hashes.isEmpty()) {
            findings.error(path, "hashes MUST contain at least one hash (2.8)");
        }
        for (Map.Entry<?, ?> entry : hashes.entrySet()) {
            String algorithm = String.valueOf(entry.getKey());
            String at = path + "." + algorithm;
            if (!KEY.matcher(algorithm).matches()) {
                findings.error(at, "a hash algorithm name MUST be 1-250 characters of a-z, A-Z, 0-9, hyphen, underscore (2.8)");
            } else if (vocabularyOnly && !Vocabularies.HASH_ALGORITHM.contains(algorithm)) {
                findings.error(at, "hash algorithm '" + algorithm + "' MUST come from hash-algorithm-ov here (2.6)");
            } else if (!Vocabularies.HASH_ALGORITHM.contains(algorithm)) {
                findings.warning(at, "hash algorithm '" + algorithm + "' SHOULD come from hash-algorithm-ov (2.8)");
            }
            if (!(entry.getValue() instanceof String hash)) {
                findings.error(at, "a hash value MUST be a string (2.8)");
                continue;
            }
            Integer digits = HEX_DIGITS.get(algorithm);
            if (digits != null && (hash.length() != digits || !HEX.matcher(hash).matches())) {
                findings.error(at, "a " + algorithm + " hash MUST be " + digits + " hexadecimal digits (2.8)");
            }
        }
    }
}
