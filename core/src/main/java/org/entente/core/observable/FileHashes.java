package org.entente.core.observable;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * File hashes: hex digests lowercased and their length checked against the algorithm. SSDEEP digests are
 * base64 and case-sensitive, so they are only trimmed and checked for the {@code blocksize:hash:hash}
 * form. TLSH digests are hex and are written {@code T1} + 70 lowercase hex digits; a digest without the
 * version prefix (TLSH before 4.0) gets it, since the body is the same.
 */
final class FileHashes {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]+");
    private static final Pattern SSDEEP = Pattern.compile("[0-9]+:[A-Za-z0-9/+]+:[A-Za-z0-9/+]+(,\"[^\"]*\")?");
    private static final int TLSH_BODY = 70;

    private FileHashes() {}

    static String normalise(HashAlgorithm algorithm, String raw) {
        String digest = raw.strip();
        return switch (algorithm) {
            case SSDEEP -> {
                if (!SSDEEP.matcher(digest).matches()) throw invalid(algorithm, raw, "an SSDEEP digest is blocksize:hash:hash");
                yield digest;
            }
            case TLSH -> {
                String body = digest.toLowerCase(Locale.ROOT);
                if (body.startsWith("t1")) body = body.substring(2);
                if (body.length() != TLSH_BODY || !HEX.matcher(body).matches()) {
                    throw invalid(algorithm, raw, "a TLSH digest is 'T1' and " + TLSH_BODY + " hex digits");
                }
                yield "T1" + body;
            }
            default -> {
                String hex = digest.toLowerCase(Locale.ROOT);
                if (!HEX.matcher(hex).matches()) throw invalid(algorithm, raw, "a " + algorithm.stixName() + " digest is hexadecimal");
                if (hex.length() != algorithm.hexLength()) {
                    throw invalid(algorithm, raw, "a " + algorithm.stixName() + " digest has " + algorithm.hexLength()
                            + " hex digits, not " + hex.length());
                }
                yield hex;
            }
        };
    }

    private static InvalidObservableException invalid(HashAlgorithm algorithm, String raw, String rule) {
        return new InvalidObservableException(ObservableKind.fileHash(algorithm), raw, rule);
    }
}
