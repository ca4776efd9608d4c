package org.entente.core.observable;

/**
 * What an observable is. Most kinds are a single STIX type; a file hash also names its algorithm, because
 * an MD5 and a SHA-256 of the same file are different keys.
 */
public sealed interface ObservableKind permits ObservableKind.Simple, ObservableKind.FileHash {
    ObservableKind DOMAIN_NAME = Simple.DOMAIN_NAME;
    ObservableKind URL = Simple.URL;
    /** An IPv4 address or CIDR block. */
    ObservableKind IPV4 = Simple.IPV4;
    /** An IPv6 address or CIDR block. */
    ObservableKind IPV6 = Simple.IPV6;
    ObservableKind EMAIL_ADDR = Simple.EMAIL_ADDR;
    ObservableKind PHONE_NUMBER = Simple.PHONE_NUMBER;
    /** An IBAN. */
    ObservableKind BANK_ACCOUNT = Simple.BANK_ACCOUNT;
    /** A payment card, as the keyed hash of its number: the number itself is never kept. */
    ObservableKind PAYMENT_CARD = Simple.PAYMENT_CARD;
    ObservableKind CRYPTOCURRENCY_WALLET = Simple.CRYPTOCURRENCY_WALLET;

    static FileHash fileHash(HashAlgorithm algorithm) {
        return new FileHash(algorithm);
    }

    /** A short stable name, used in keys and error messages: {@code domain-name}, {@code file:hashes.SHA-256}. */
    String label();

    /** The kind a {@link #label()} names; empty for any other text. */
    static java.util.Optional<ObservableKind> ofLabel(String label) {
        if (label == null) return java.util.Optional.empty();
        String hashPrefix = "file:hashes.";
        if (label.startsWith(hashPrefix)) {
            return HashAlgorithm.fromName(label.substring(hashPrefix.length()))
                    .filter(a -> a.stixName().equals(label.substring(hashPrefix.length())))
                    .map(ObservableKind::fileHash);
        }
        for (Simple simple : Simple.values()) {
            if (simple.label().equals(label)) return java.util.Optional.of(simple);
        }
        return java.util.Optional.empty();
    }

    enum Simple implements ObservableKind {
        DOMAIN_NAME("domain-name"),
        URL("url"),
        IPV4("ipv4-addr"),
        IPV6("ipv6-addr"),
        EMAIL_ADDR("email-addr"),
        PHONE_NUMBER("phone-number"),
        BANK_ACCOUNT("bank-account"),
        PAYMENT_CARD("payment-card"),
        CRYPTOCURRENCY_WALLET("cryptocurrency-wallet");

        private final String label;

        Simple(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** A file hash computed with {@code algorithm}. */
    record FileHash(HashAlgorithm algorithm) implements ObservableKind {
        public FileHash {
            java.util.Objects.requireNonNull(algorithm, "algorithm");
        }

        @Override
        public String label() {
            return "file:hashes." + algorithm.stixName();
        }
    }
}
