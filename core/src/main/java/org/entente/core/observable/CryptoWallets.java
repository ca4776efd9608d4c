package org.entente.core.observable;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Cryptocurrency wallet addresses.
 * <ul>
 *   <li>Bitcoin legacy addresses (P2PKH {@code 1…}, P2SH {@code 3…}, testnet {@code m/n/2…}): Base58Check
 *       with version byte and checksum verified; base58 is case-sensitive, so kept as written.</li>
 *   <li>Bitcoin segwit addresses ({@code bc1…}, {@code tb1…}): bech32 for witness version 0 (BIP-173),
 *       bech32m for versions 1 to 16 (BIP-350), program length checked, written lowercase. Other valid
 *       bech32 strings (Litecoin {@code ltc1…} and the like) are lowercased too, as bech32 is
 *       case-insensitive.</li>
 *   <li>Ethereum and EVM addresses ({@code 0x} + 40 hex): an EIP-55 checksum is verified when the hex
 *       mixes cases (all-lowercase and all-uppercase carry none), then written lowercase.</li>
 *   <li>Anything else is kept as written, trimmed, with the currency the source declared.</li>
 * </ul>
 * A {@code bitcoin:} URI (BIP-21) is reduced to its address.
 */
final class CryptoWallets {
    private static final Pattern EVM = Pattern.compile("0[xX][0-9a-fA-F]{40}");
    private static final Set<String> BITCOIN_HRPS = Set.of("bc", "tb");
    private static final Set<Integer> BITCOIN_VERSIONS = Set.of(0x00, 0x05, 0x6f, 0xc4);

    private CryptoWallets() {}

    /** @param declaredCurrency the currency the source named, or null or blank when it named none */
    static WalletAddress normalise(String raw, String declaredCurrency) {
        String declared = declaredCurrency == null ? "" : declaredCurrency.strip().toUpperCase(Locale.ROOT);
        String address = raw.strip();
        if (address.regionMatches(true, 0, "bitcoin:", 0, 8)) {
            address = address.substring(8);
            int query = address.indexOf('?');
            if (query >= 0) address = address.substring(0, query);
        }
        if (address.isEmpty()) throw invalid(raw, "must not be empty");
        if (EVM.matcher(address).matches()) {
            return new WalletAddress(declared.isEmpty() ? "ETH" : declared, ethereum(raw, address));
        }
        boolean declaredBitcoin = declared.equals("BTC");
        boolean otherDeclared = !declared.isEmpty() && !declaredBitcoin;
        String lower = address.toLowerCase(Locale.ROOT);
        if (!otherDeclared && (lower.startsWith("bc1") || lower.startsWith("tb1"))) {
            return new WalletAddress("BTC", segwit(raw, address));
        }
        if (!otherDeclared && looksLikeBitcoinLegacy(address)) {
            return new WalletAddress("BTC", legacy(raw, address));
        }
        if (declaredBitcoin) throw invalid(raw, "not a Bitcoin address (Base58Check or bech32)");
        if (declared.equals("ETH")) throw invalid(raw, "an Ethereum address is 0x and 40 hex digits");
        Optional<Bech32.Decoded> bech32 = Bech32.tryDecode(address);
        return new WalletAddress(declared, bech32.isPresent() ? lower : address);
    }

    private static boolean looksLikeBitcoinLegacy(String address) {
        char first = address.charAt(0);
        return (first == '1' || first == '3' || first == 'm' || first == 'n' || first == '2')
                && address.length() >= 26 && address.length() <= 35 && Base58Check.isBase58(address);
    }

    private static String legacy(String raw, String address) {
        byte[] payload = Base58Check.decode(address)
                .orElseThrow(() -> invalid(raw, "the Base58Check checksum does not match"));
        if (payload.length != 21 || !BITCOIN_VERSIONS.contains(payload[0] & 0xff)) {
            throw invalid(raw, "not a P2PKH or P2SH address (version byte and 20-byte hash)");
        }
        return address;
    }

    private static String segwit(String raw, String address) {
        Bech32.Decoded decoded;
        try {
            decoded = Bech32.decode(address);
        } catch (Bech32.NotBech32 e) {
            throw invalid(raw, "not a valid segwit address: " + e.getMessage());
        }
        if (!BITCOIN_HRPS.contains(decoded.humanReadablePart()) || decoded.data().length == 0) {
            throw invalid(raw, "not a Bitcoin segwit address");
        }
        int version = decoded.data()[0];
        if (version > 16) throw invalid(raw, "witness version " + version + " is greater than 16 (BIP-173)");
        Bech32.Encoding expected = version == 0 ? Bech32.Encoding.BECH32 : Bech32.Encoding.BECH32M;
        if (decoded.encoding() != expected) {
            throw invalid(raw, "witness version " + version + " requires " + expected.name().toLowerCase(Locale.ROOT)
                    + " (BIP-350), the checksum is " + decoded.encoding().name().toLowerCase(Locale.ROOT));
        }
        int[] program5 = new int[decoded.data().length - 1];
        System.arraycopy(decoded.data(), 1, program5, 0, program5.length);
        byte[] program = Bech32.toBytes(program5).orElseThrow(() -> invalid(raw, "the witness program has invalid padding"));
        if (program.length < 2 || program.length > 40) throw invalid(raw, "a witness program has 2 to 40 bytes (BIP-141)");
        if (version == 0 && program.length != 20 && program.length != 32) {
            throw invalid(raw, "a version 0 witness program has 20 or 32 bytes (BIP-141)");
        }
        return address.toLowerCase(Locale.ROOT);
    }

    /** EIP-55: the i-th hex letter is uppercase exactly when the i-th nibble of keccak256(lowercase hex) is 8 or more. */
    private static String ethereum(String raw, String address) {
        String hex = address.substring(2);
        String lower = hex.toLowerCase(Locale.ROOT);
        boolean mixedCase = !hex.equals(lower) && !hex.equals(hex.toUpperCase(Locale.ROOT));
        if (mixedCase && !hex.equals(eip55(lower))) {
            throw invalid(raw, "the mixed-case EIP-55 checksum does not match");
        }
        return "0x" + lower;
    }

    static String eip55(String lowerHex) {
        String hash = HexFormat.of().formatHex(Keccak256.digest(lowerHex.getBytes(StandardCharsets.US_ASCII)));
        StringBuilder checksummed = new StringBuilder(lowerHex.length());
        for (int i = 0; i < lowerHex.length(); i++) {
            char c = lowerHex.charAt(i);
            checksummed.append(Character.digit(hash.charAt(i), 16) >= 8 ? Character.toUpperCase(c) : c);
        }
        return checksummed.toString();
    }

    private static InvalidObservableException invalid(String raw, String rule) {
        return new InvalidObservableException(ObservableKind.CRYPTOCURRENCY_WALLET, raw, rule);
    }
}
