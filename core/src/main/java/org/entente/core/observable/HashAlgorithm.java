package org.entente.core.observable;

import java.util.Locale;
import java.util.Optional;

/**
 * The hash algorithms of the STIX 2.1 hash-algorithm-ov vocabulary (section 10.11), with the length of
 * their hex digests. SSDEEP and TLSH are fuzzy hashes with their own text forms.
 */
public enum HashAlgorithm {
    MD5("MD5", 32),
    SHA_1("SHA-1", 40),
    SHA_256("SHA-256", 64),
    SHA_512("SHA-512", 128),
    SHA3_256("SHA3-256", 64),
    SHA3_512("SHA3-512", 128),
    SSDEEP("SSDEEP", 0),
    TLSH("TLSH", 0);

    private final String stixName;
    private final int hexLength;

    HashAlgorithm(String stixName, int hexLength) {
        this.stixName = stixName;
        this.hexLength = hexLength;
    }

    /** The name in the STIX vocabulary, as used for keys of {@code hashes}. */
    public String stixName() {
        return stixName;
    }

    /** The number of hex digits of a digest; 0 for the fuzzy hashes, which are not plain hex. */
    int hexLength() {
        return hexLength;
    }

    /**
     * The algorithm a name stands for, tolerating the spellings tools use ({@code sha256}, {@code SHA_256},
     * {@code sha-256}, {@code Sha3_256}): case, hyphens, underscores and spaces are ignored.
     */
    public static Optional<HashAlgorithm> fromName(String name) {
        if (name == null) return Optional.empty();
        String squeezed = name.strip().toUpperCase(Locale.ROOT).replaceAll("[-_ ]", "");
        for (HashAlgorithm algorithm : values()) {
            if (algorithm.stixName.replace("-", "").equals(squeezed)) return Optional.of(algorithm);
        }
        return Optional.empty();
    }
}
