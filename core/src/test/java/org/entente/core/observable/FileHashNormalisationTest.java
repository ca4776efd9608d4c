package org.entente.core.observable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileHashNormalisationTest {
    private static final String TLSH_BODY = "a".repeat(10) + "0123456789".repeat(6);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "md5, MD5", "MD5, MD5", "sha1, SHA-1", "SHA-1, SHA-1", "sha_1, SHA-1", "sha256, SHA-256", "SHA256, SHA-256",
            "Sha-256, SHA-256", "sha_256, SHA-256", "sha512, SHA-512", "SHA3-256, SHA3-256", "sha3_256, SHA3-256",
            "sha3-512, SHA3-512", "ssdeep, SSDEEP", "TLSH, TLSH"})
    void algorithmNamesAreMappedToTheStixVocabulary(String name, String stixName) {
        assertThat(HashAlgorithm.fromName(name)).map(HashAlgorithm::stixName).contains(stixName);
    }

    @Test
    void unknownAlgorithmNamesAreNotGuessed() {
        assertThat(HashAlgorithm.fromName("sha-384")).isEmpty();
        assertThatThrownBy(() -> Normaliser.standard().fileHash("crc32", "cbf43926"))
                .isInstanceOf(InvalidObservableException.class)
                .hasMessageContaining("unknown hash algorithm 'crc32'");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "MD5, ' D41D8CD98F00B204E9800998ECF8427E ', d41d8cd98f00b204e9800998ecf8427e",
            "SHA-1, DA39A3EE5E6B4B0D3255BFEF95601890AFD80709, da39a3ee5e6b4b0d3255bfef95601890afd80709",
            "SHA-256, E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855, e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "SSDEEP, 3:AXGBicFlgVNhBGcL6wCrFQEv:AXGHsNhxLsr2C, 3:AXGBicFlgVNhBGcL6wCrFQEv:AXGHsNhxLsr2C",
    })
    void hexDigestsAreLowercasedAndFuzzyHashesKeepTheirCase(String algorithm, String raw, String expected) {
        Observable hash = Normaliser.standard().fileHash(algorithm, raw);
        assertThat(hash.value()).isEqualTo(expected);
        assertThat(hash.kind()).isEqualTo(ObservableKind.fileHash(HashAlgorithm.fromName(algorithm).orElseThrow()));
        assertThat(hash.key()).isEqualTo("file:hashes." + algorithm + "|" + expected);
    }

    @Test
    void tlshDigestsCarryTheirVersionPrefix() {
        ObservableKind tlsh = ObservableKind.fileHash(HashAlgorithm.TLSH);
        assertThat(Observables.normalise(tlsh, TLSH_BODY.toUpperCase()).value()).isEqualTo("T1" + TLSH_BODY);
        assertThat(Observables.normalise(tlsh, "t1" + TLSH_BODY).value()).isEqualTo("T1" + TLSH_BODY);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "MD5, d41d8cd98f00b204e9800998ecf8427, 32 hex digits",
            "SHA-1, d41d8cd98f00b204e9800998ecf8427e, 40 hex digits",
            "SHA-256, zz, hexadecimal",
            "SHA-512, e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855, 128 hex digits",
            "SSDEEP, not an ssdeep, blocksize:hash:hash",
            "TLSH, T1abc, 70 hex digits",
    })
    void digestsOfTheWrongLengthOrAlphabetAreRejectedWithTheRule(String algorithm, String raw, String rule) {
        assertThatThrownBy(() -> Normaliser.standard().fileHash(algorithm, raw))
                .isInstanceOf(InvalidObservableException.class)
                .hasMessageStartingWith("invalid file:hashes." + algorithm)
                .hasMessageContaining(rule);
    }
}
