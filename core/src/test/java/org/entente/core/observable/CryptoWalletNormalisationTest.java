package org.entente.core.observable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CryptoWalletNormalisationTest {
    private final Normaliser normaliser = Normaliser.standard();

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
            // Base58Check, case-sensitive: kept as written
            "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa                                    | BTC | 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
            "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy                                    | BTC | 3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy",
            "bitcoin:1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa?amount=1                   | BTC | 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
            // bech32 (BIP-173) and bech32m (BIP-350): lowercase
            "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4                            | BTC | bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
            "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0        | BTC | bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",
            // EIP-55 checksummed, all lowercase and all uppercase: lowercase
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed                            | ETH | 0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed",
            "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359                            | ETH | 0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359",
            "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB                            | ETH | 0xdbf03b407c01e7cd3cbea99509d93f8dddc8c6fb",
            "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb                            | ETH | 0xd1220a0cf47c7b9be7a2e6ba89f429762e7b9adb",
            "0x52908400098527886e0f7030069857d2e4169ee7                            | ETH | 0x52908400098527886e0f7030069857d2e4169ee7",
            "0X52908400098527886E0F7030069857D2E4169EE7                            | ETH | 0x52908400098527886e0f7030069857d2e4169ee7",
    })
    void bitcoinAndEthereumAddressesAreValidatedAndTagged(String raw, String currency, String expected) {
        assertThat(normaliser.wallet(raw, null)).isEqualTo(new WalletAddress(currency, expected));
        assertThat(Observables.normalise(ObservableKind.CRYPTOCURRENCY_WALLET, raw).value()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb                                    | Base58Check checksum",
            "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLz                                    | Base58Check checksum",
            "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5                            | checksum does not match",
            "bc1QW508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4                            | mixes upper and lower case",
            "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd        | requires bech32m",
            "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh                            | requires bech32",
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD                            | EIP-55",
            "0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed                            | EIP-55",
    })
    void addressesWithABadChecksumOrTheWrongEncodingAreRejectedWithTheRule(String raw, String rule) {
        assertThatThrownBy(() -> Observables.normalise(ObservableKind.CRYPTOCURRENCY_WALLET, raw))
                .isInstanceOf(InvalidObservableException.class)
                .hasMessageStartingWith("invalid cryptocurrency-wallet '" + raw + "'")
                .hasMessageContaining(rule);
    }

    @Test
    void otherCurrenciesAreKeptTrimmedWithTheirTag() {
        String monero = "44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A";
        assertThat(normaliser.wallet("  " + monero + " ", "xmr")).isEqualTo(new WalletAddress("XMR", monero));
        assertThat(normaliser.wallet(monero, null)).isEqualTo(new WalletAddress("", monero));
    }

    @Test
    void theCurrencyTagIsNotPartOfTheKey() {
        WalletAddress tagged = normaliser.wallet("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "MATIC");
        assertThat(tagged.currency()).isEqualTo("MATIC");
        assertThat(tagged.observable()).isEqualTo(Observables.normalise(ObservableKind.CRYPTOCURRENCY_WALLET,
                "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-bitcoin-address", "0x1234"})
    void anAddressDeclaredBitcoinOrEthereumMustHaveThatFormat(String raw) {
        assertThatThrownBy(() -> normaliser.wallet(raw, "BTC")).isInstanceOf(InvalidObservableException.class);
        assertThatThrownBy(() -> normaliser.wallet(raw, "ETH")).isInstanceOf(InvalidObservableException.class);
    }

    @Test
    void otherBech32AddressesAreLowercased() {
        // A Litecoin segwit address: bech32 with the ltc human-readable part.
        assertThat(normaliser.wallet("LTC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KGMN4N9", "LTC").address())
                .isEqualTo("ltc1qw508d6qejxtdg4y5r3zarvary0c5xw7kgmn4n9");
    }

    @Test
    void keccak256IsTheOriginalKeccakNotSha3() {
        assertThat(HexFormat.of().formatHex(Keccak256.digest(new byte[0])))
                .isEqualTo("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
        assertThat(HexFormat.of().formatHex(Keccak256.digest("abc".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45");
    }
}
