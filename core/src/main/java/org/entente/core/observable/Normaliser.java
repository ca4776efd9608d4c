package org.entente.core.observable;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.entente.core.stix.StixObject;

/**
 * Normalises observables under settings that some kinds need. Immutable; {@link #standard()} is the
 * default and the {@code with…} methods derive variants.
 *
 * @param defaultPhoneRegion ISO 3166-1 alpha-2 region numbers without a country code are read in, or
 *                           {@code ZZ} to accept only numbers that carry one (the default)
 * @param emailLocalPart     how the local part of e-mail addresses enters the key (default: lowercased)
 * @param cardKey            the key payment-card numbers are blinded with; without one, only already
 *                           blinded cards (their hashes) are accepted
 */
public record Normaliser(String defaultPhoneRegion, EmailLocalPart emailLocalPart, Optional<CardBlindingKey> cardKey) {
    private static final Normaliser STANDARD =
            new Normaliser(PhoneNumbers.UNKNOWN_REGION, EmailLocalPart.LOWERCASE, Optional.empty());

    public Normaliser {
        Objects.requireNonNull(defaultPhoneRegion, "defaultPhoneRegion");
        Objects.requireNonNull(emailLocalPart, "emailLocalPart");
        Objects.requireNonNull(cardKey, "cardKey");
        defaultPhoneRegion = defaultPhoneRegion.toUpperCase(Locale.ROOT);
    }

    public static Normaliser standard() {
        return STANDARD;
    }

    public Normaliser withDefaultPhoneRegion(String region) {
        return new Normaliser(region, emailLocalPart, cardKey);
    }

    public Normaliser withEmailLocalPart(EmailLocalPart rule) {
        return new Normaliser(defaultPhoneRegion, rule, cardKey);
    }

    public Normaliser withCardKey(CardBlindingKey key) {
        return new Normaliser(defaultPhoneRegion, emailLocalPart, Optional.of(key));
    }

    /**
     * The canonical observable of {@code raw}.
     *
     * @throws InvalidObservableException naming the input and the rule it breaks
     */
    public Observable normalise(ObservableKind kind, String raw) {
        Objects.requireNonNull(kind, "kind");
        if (raw == null) throw new InvalidObservableException(kind, "null", "a value is required");
        String value = switch (kind) {
            case ObservableKind.FileHash hash -> FileHashes.normalise(hash.algorithm(), raw);
            case ObservableKind.Simple simple -> switch (simple) {
                case DOMAIN_NAME -> DomainNames.normalise(raw);
                case URL -> Urls.normalise(raw);
                case IPV4 -> Ipv4Addresses.normalise(raw);
                case IPV6 -> Ipv6Addresses.normalise(raw);
                case EMAIL_ADDR -> EmailAddresses.normalise(raw, emailLocalPart);
                case PHONE_NUMBER -> PhoneNumbers.normalise(raw, defaultPhoneRegion);
                case BANK_ACCOUNT -> Ibans.normalise(raw);
                case PAYMENT_CARD -> PaymentCards.isBlinded(raw) ? PaymentCards.blindedHash(raw) : blindCard(raw).hash();
                case CRYPTOCURRENCY_WALLET -> CryptoWallets.normalise(raw, null).address();
            };
        };
        return new Observable(kind, value);
    }

    /** A hash normalised with the algorithm named as tools name it ({@code sha256}, {@code SHA-256}, …). */
    public Observable fileHash(String algorithm, String raw) {
        HashAlgorithm known = HashAlgorithm.fromName(algorithm)
                .orElseThrow(() -> InvalidObservableException.unknownHashAlgorithm(algorithm, raw));
        return normalise(ObservableKind.fileHash(known), raw);
    }

    /** A payment card blinded with {@link #cardKey()}: its hash, last four digits and brand, never its number. */
    public PaymentCard blindCard(String raw) {
        CardBlindingKey key = cardKey.orElseThrow(() -> new InvalidObservableException(
                ObservableKind.PAYMENT_CARD, PaymentCards.masked(raw), "a card number can only be kept blinded, and no CardBlindingKey is set"));
        return PaymentCards.blind(raw, key);
    }

    /** A wallet address with its currency tag; {@code declaredCurrency} may be null. */
    public WalletAddress wallet(String raw, String declaredCurrency) {
        return CryptoWallets.normalise(raw, declaredCurrency);
    }

    /** An IBAN's canonical form. */
    public String iban(String raw) {
        return Ibans.normalise(raw);
    }

    /** A BIC's canonical form; empty for null or blank. */
    public Optional<String> bic(String raw) {
        return Ibans.normaliseBic(raw);
    }

    /**
     * The observables a STIX cyber-observable object carries, normalised; empty for types that carry none.
     *
     * @throws InvalidObservableException when a value cannot be normalised, naming the object and property
     */
    public List<Observable> of(StixObject sco) {
        return ScoObservables.of(sco, this);
    }
}
