package org.entente.core.pattern.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.entente.core.observable.EntenteExtensions;
import org.entente.core.observable.HashAlgorithm;
import org.entente.core.observable.Normaliser;
import org.entente.core.observable.ObservableKind;
import org.entente.core.observable.OpenCtiObservables;
import org.entente.core.pattern.ast.ObjectPath;
import org.entente.core.pattern.ast.PathStep;

/**
 * Which object paths hold an observable that {@link Normaliser} knows, and the canonical text of a value there.
 * These are the paths on which equality means "the same observable" rather than "the same characters":
 * <ul>
 * <li>{@code domain-name:value}, {@code url:value}, {@code email-addr:value}, {@code ipv4-addr:value},
 *     {@code ipv6-addr:value};</li>
 * <li>{@code file:hashes.'ALGORITHM'} for the algorithms of hash-algorithm-ov, in any spelling tools use
 *     ({@code sha256}, {@code SHA-256});</li>
 * <li>the Entente fraud SCOs ({@code x-entente-phone-number:value}, {@code x-entente-bank-account:iban},
 *     {@code x-entente-payment-card:hash}, {@code x-entente-crypto-wallet:address}) and OpenCTI's
 *     ({@code phone-number:value}, {@code bank-account:iban}, {@code cryptocurrency-wallet:value}).</li>
 * </ul>
 * A value the normaliser refuses keeps its text as written, so it still equals exactly the same text.
 */
final class ObservablePaths {
    private static final Map<String, Map.Entry<String, ObservableKind>> VALUE_PATHS = Map.ofEntries(
            Map.entry("domain-name", Map.entry("value", ObservableKind.DOMAIN_NAME)),
            Map.entry("url", Map.entry("value", ObservableKind.URL)),
            Map.entry("email-addr", Map.entry("value", ObservableKind.EMAIL_ADDR)),
            Map.entry("ipv4-addr", Map.entry("value", ObservableKind.IPV4)),
            Map.entry("ipv6-addr", Map.entry("value", ObservableKind.IPV6)),
            Map.entry(EntenteExtensions.PHONE_NUMBER, Map.entry("value", ObservableKind.PHONE_NUMBER)),
            Map.entry(OpenCtiObservables.PHONE_NUMBER, Map.entry("value", ObservableKind.PHONE_NUMBER)),
            Map.entry(EntenteExtensions.BANK_ACCOUNT, Map.entry("iban", ObservableKind.BANK_ACCOUNT)),
            Map.entry(OpenCtiObservables.BANK_ACCOUNT, Map.entry("iban", ObservableKind.BANK_ACCOUNT)),
            Map.entry(EntenteExtensions.PAYMENT_CARD, Map.entry("hash", ObservableKind.PAYMENT_CARD)),
            Map.entry(EntenteExtensions.CRYPTO_WALLET, Map.entry("address", ObservableKind.CRYPTOCURRENCY_WALLET)),
            Map.entry(OpenCtiObservables.CRYPTOCURRENCY_WALLET, Map.entry("value", ObservableKind.CRYPTOCURRENCY_WALLET)));

    private final Normaliser normaliser;

    ObservablePaths(Normaliser normaliser) {
        this.normaliser = normaliser;
    }

    /** The property of an SCO type that holds its observable, if the type has one besides file hashes. */
    static Optional<Map.Entry<String, ObservableKind>> valueProperty(String type) {
        return Optional.ofNullable(VALUE_PATHS.get(type));
    }

    /** The observable kind at {@code path}, empty when values there are compared as written. */
    static Optional<ObservableKind> kindAt(ObjectPath path) {
        List<PathStep> steps = path.steps();
        if (steps.size() == 1 && steps.getFirst() instanceof PathStep.Property p) {
            var entry = VALUE_PATHS.get(path.objectType());
            return entry != null && entry.getKey().equals(p.name()) ? Optional.of(entry.getValue()) : Optional.empty();
        }
        if (path.objectType().equals("file") && steps.size() == 2
                && steps.get(0) instanceof PathStep.Property hashes && hashes.name().equals("hashes")
                && steps.get(1) instanceof PathStep.Property algorithm) {
            return HashAlgorithm.fromName(algorithm.name()).map(ObservableKind::fileHash);
        }
        return Optional.empty();
    }

    static boolean isNetwork(ObservableKind kind) {
        return kind == ObservableKind.IPV4 || kind == ObservableKind.IPV6;
    }

    /** The canonical text of {@code raw} as an observable of {@code kind}, or {@code raw} when it is none. */
    String canonical(ObservableKind kind, String raw) {
        if (isCanonical(kind, raw)) return raw;
        try {
            return normaliser.normalise(kind, raw).value();
        } catch (IllegalArgumentException notAnObservable) {
            return raw;
        }
    }

    /**
     * The address block an IP value stands for (a bare address is the block of itself), or null when the
     * normaliser refuses it. Dotted-quad IPv4 in canonical form is read directly, without the normaliser.
     */
    Network network(ObservableKind kind, String raw) {
        if (kind == ObservableKind.IPV4) {
            Network direct = Network.parseIpv4(raw);
            if (direct != null) return direct;
        }
        String text;
        try {
            text = normaliser.normalise(kind, raw).value();
        } catch (IllegalArgumentException notAnAddress) {
            return null;
        }
        return kind == ObservableKind.IPV4 ? Network.parseIpv4(text) : Network.parseIpv6(text);
    }

    /**
     * True only when {@code value} is certainly in canonical form already (the normaliser would return it
     * unchanged), so the common case skips it. False means "ask the normaliser", never "not an observable".
     */
    static boolean isCanonical(ObservableKind kind, String value) {
        // The kinds of value streams first, by identity: this runs for every observed value.
        if (kind == ObservableKind.DOMAIN_NAME) return isPlainDomain(value);
        if (kind == ObservableKind.URL) return isPlainHttpUrl(value);
        return switch (kind) {
            case ObservableKind.FileHash hash -> switch (hash.algorithm()) {
                case MD5 -> isLowerHex(value, 32);
                case SHA_1 -> isLowerHex(value, 40);
                case SHA_256, SHA3_256 -> isLowerHex(value, 64);
                case SHA_512, SHA3_512 -> isLowerHex(value, 128);
                default -> false;
            };
            case ObservableKind.Simple simple -> switch (simple) {
                case DOMAIN_NAME -> isPlainDomain(value);
                case URL -> isPlainHttpUrl(value);
                case IPV4 -> value.indexOf('/') < 0 && Network.parseIpv4(value) != null;
                default -> false;
            };
        };
    }

    /**
     * {@code http://} or {@code https://}, a plain domain ({@link #isPlainDomain}, not all digits) without user or
     * port, and a
     * non-empty path of unreserved characters and slashes without dot segments; no query, no fragment. The URL
     * normaliser leaves exactly such text as it is (RFC 3986 section 6.2.2 has nothing to change in it).
     */
    private static boolean isPlainHttpUrl(String value) {
        int hostStart = value.startsWith("http://") ? 7 : value.startsWith("https://") ? 8 : -1;
        if (hostStart < 0) return false;
        int pathStart = value.indexOf('/', hostStart);
        // A host of digits and dots is read as an IPv4 address, by rules of its own.
        if (pathStart < 0 || !isPlainDomain(value, hostStart, pathStart) || isDigitsAndDots(value, hostStart, pathStart)) {
            return false;
        }
        int segmentStart = pathStart + 1;
        for (int i = pathStart + 1; i <= value.length(); i++) {
            char c = i == value.length() ? '/' : value.charAt(i);
            if (c == '/') {
                int length = i - segmentStart;
                if (length == 1 && value.charAt(segmentStart) == '.'
                        || length == 2 && value.charAt(segmentStart) == '.' && value.charAt(segmentStart + 1) == '.') {
                    return false;
                }
                segmentStart = i + 1;
            } else if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLowerHex(String value, int length) {
        if (value.length() != length) return false;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) return false;
        }
        return true;
    }

    private static boolean isDigitsAndDots(String value, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.')) return false;
        }
        return true;
    }

    private static boolean isPlainDomain(String value) {
        return isPlainDomain(value, 0, value.length());
    }

    /** Lowercase ASCII letters, digits, '-', '_' in non-empty labels of at most 63, at most 253 in all. */
    private static boolean isPlainDomain(String value, int from, int to) {
        int n = to - from;
        if (n == 0 || n > 253) return false;
        int label = 0;
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c == '.') {
                if (label == 0) return false;
                label = 0;
            } else if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
                if (++label > 63) return false;
            } else {
                return false;
            }
        }
        return label > 0;
    }

    /** Lowercase name of a hash algorithm as the STIX vocabulary spells it, or the name as given. */
    static String hashName(String name) {
        HashAlgorithm algorithm = algorithm(name);
        return algorithm == null ? name : algorithm.stixName();
    }

    /** {@link HashAlgorithm#fromName}, answering the STIX spelling itself without rewriting it first; or null. */
    static HashAlgorithm algorithm(String name) {
        HashAlgorithm exact = BY_STIX_NAME.get(name);
        return exact != null ? exact : HashAlgorithm.fromName(name).orElse(null);
    }

    private static final Map<String, HashAlgorithm> BY_STIX_NAME = java.util.Arrays.stream(HashAlgorithm.values())
            .collect(java.util.stream.Collectors.toUnmodifiableMap(HashAlgorithm::stixName, a -> a));
}
