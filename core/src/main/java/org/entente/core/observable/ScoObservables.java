package org.entente.core.observable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.entente.core.stix.StixObject;

/**
 * The observables of one SCO: the specification's types that carry one (domain-name, url, ipv4-addr,
 * ipv6-addr, email-addr, file hashes), the Entente fraud SCOs and OpenCTI's equivalents. A hash under an
 * algorithm outside the STIX vocabulary (custom hash names are legal) is skipped, since nothing else
 * would normalise it the same way.
 */
final class ScoObservables {
    private ScoObservables() {}

    static List<Observable> of(StixObject sco, Normaliser normaliser) {
        return switch (sco.type()) {
            case "domain-name" -> value(sco, "value", ObservableKind.DOMAIN_NAME, normaliser);
            case "url" -> value(sco, "value", ObservableKind.URL, normaliser);
            case "ipv4-addr" -> value(sco, "value", ObservableKind.IPV4, normaliser);
            case "ipv6-addr" -> value(sco, "value", ObservableKind.IPV6, normaliser);
            case "email-addr" -> value(sco, "value", ObservableKind.EMAIL_ADDR, normaliser);
            case "file" -> hashes(sco, normaliser);
            case EntenteExtensions.PHONE_NUMBER, OpenCtiObservables.PHONE_NUMBER ->
                    value(sco, "value", ObservableKind.PHONE_NUMBER, normaliser);
            case EntenteExtensions.BANK_ACCOUNT -> value(sco, "iban", ObservableKind.BANK_ACCOUNT, normaliser);
            case OpenCtiObservables.BANK_ACCOUNT -> ScoValues.openCtiIban(sco, normaliser).stream().toList();
            case EntenteExtensions.PAYMENT_CARD -> ScoValues.string(sco, "hash")
                    .map(h -> new Observable(ObservableKind.PAYMENT_CARD, ScoValues.at(sco, "hash", () -> PaymentCards.blindedHash(h))))
                    .stream().toList();
            case OpenCtiObservables.PAYMENT_CARD -> ScoValues.string(sco, "card_number")
                    .map(n -> ScoValues.at(sco, "card_number", () -> normaliser.blindCard(n)).observable())
                    .stream().toList();
            case EntenteExtensions.CRYPTO_WALLET -> ScoValues.string(sco, "address")
                    .map(a -> ScoValues.at(sco, "address", () -> normaliser.wallet(a, ScoValues.string(sco, "currency").orElse(null))).observable())
                    .stream().toList();
            case OpenCtiObservables.CRYPTOCURRENCY_WALLET -> value(sco, "value", ObservableKind.CRYPTOCURRENCY_WALLET, normaliser);
            default -> List.of();
        };
    }

    private static List<Observable> value(StixObject sco, String property, ObservableKind kind, Normaliser normaliser) {
        Optional<String> raw = ScoValues.string(sco, property);
        return raw.map(v -> ScoValues.at(sco, property, () -> normaliser.normalise(kind, v))).stream().toList();
    }

    private static List<Observable> hashes(StixObject sco, Normaliser normaliser) {
        if (!(sco.get("hashes") instanceof Map<?, ?> hashes)) return List.of();
        List<Observable> observables = new ArrayList<>(hashes.size());
        for (Map.Entry<?, ?> entry : hashes.entrySet()) {
            String name = String.valueOf(entry.getKey());
            Optional<HashAlgorithm> algorithm = HashAlgorithm.fromName(name);
            if (algorithm.isEmpty() || !(entry.getValue() instanceof String digest)) continue;
            observables.add(ScoValues.at(sco, "hashes." + name,
                    () -> normaliser.normalise(ObservableKind.fileHash(algorithm.get()), digest)));
        }
        return List.copyOf(observables);
    }
}
