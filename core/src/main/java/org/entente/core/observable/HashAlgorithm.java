package org.entente.core.observable;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

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
        // Asked for every hash path of every pattern compiled: no regular expression, no copy of the values.
        String stripped = name.strip();
        StringBuilder squeezed = new StringBuilder(stripped.length());
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            if (c != '-' && c != '_' && c != ' ') squeezed.append(c);
        }
        return Optional.ofNullable(BY_SQUEEZED_NAME.get(squeezed.toString().toUpperCase(Locale.ROOT)));
    }

    /** Each algorithm by its STIX name without hyphens, upper case. */
    private static final Map<String, HashAlgorithm> BY_SQUEEZED_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(a -> a.stixName.replace("-", ""), a -> a));
}
