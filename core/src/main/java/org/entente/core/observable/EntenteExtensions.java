package org.entente.core.observable;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.entente.core.stix.StixObject;
import org.entente.core.stix.UuidV5;

/**
 * The custom cyber-observable types Entente defines for fraud observables STIX lacks, and their extension
 * definitions (STIX 2.1 §7.3; a new SCO type is an {@code extension-definition} with
 * {@code extension_types: ["new-sco"]}, and each such SCO names the definition in its {@code extensions}
 * with {@code extension_type: "new-sco"}, §11.1).
 *
 * <p>Every id here is a UUIDv5 of a fixed name in {@link #NAMESPACE}, and every timestamp is fixed, so all
 * nodes produce byte-identical definitions and a peer's copy is the same object, not a new version.
 */
public final class EntenteExtensions {
    public static final String PHONE_NUMBER = "x-entente-phone-number";
    public static final String BANK_ACCOUNT = "x-entente-bank-account";
    public static final String PAYMENT_CARD = "x-entente-payment-card";
    public static final String CRYPTO_WALLET = "x-entente-crypto-wallet";

    /** Namespace of Entente's own name-based identifiers; never change it, ids already shared depend on it. */
    public static final UUID NAMESPACE = UUID.fromString("61c25c1b-2a90-4cdc-9029-137f687adefa");
    /** The {@code created} and {@code modified} of version 1.0 of the definitions. */
    static final String PUBLISHED = "2025-01-01T00:00:00.000Z";
    static final String VERSION = "1.0.0";

    /** The identity that creates the definitions: the Entente project, not any one member. */
    public static final StixObject IDENTITY = StixObject.of(
            "type", "identity",
            "spec_version", "2.1",
            "id", "identity--" + nameBased("identity/entente"),
            "created", PUBLISHED,
            "modified", PUBLISHED,
            "name", "Entente",
            "description", "The Entente threat-sharing platform, author of the Entente STIX extension definitions.",
            "identity_class", "system");

    public static final StixObject PHONE_NUMBER_DEFINITION = definition(PHONE_NUMBER, "Entente phone number",
            "A telephone number involved in fraud or crime.",
            "Properties: value (string, required): the number in E.164 form, '+' and digits, as libphonenumber "
                    + "formats it. ID contributing properties: value.");
    public static final StixObject BANK_ACCOUNT_DEFINITION = definition(BANK_ACCOUNT, "Entente bank account",
            "A bank account involved in fraud or crime, identified by its IBAN.",
            "Properties: iban (string, required): the IBAN (ISO 13616) without spaces, uppercase, checksum valid; "
                    + "bic (string, optional): the BIC (ISO 9362), uppercase, 8 or 11 characters, a branch code XXX "
                    + "dropped. ID contributing properties: iban.");
    public static final StixObject PAYMENT_CARD_DEFINITION = definition(PAYMENT_CARD, "Entente payment card",
            "A payment card involved in fraud, kept blinded: the card number never appears.",
            "Properties: hash (string, required): HMAC-SHA-256, as 64 lowercase hex digits, of the card number's "
                    + "ASCII digits under a key shared by the members who match cards; last4 (string, required): the "
                    + "last four digits; brand (string, optional): one of visa, mastercard, amex, discover, jcb, "
                    + "diners, unionpay, maestro. ID contributing properties: hash.");
    public static final StixObject CRYPTO_WALLET_DEFINITION = definition(CRYPTO_WALLET, "Entente cryptocurrency wallet",
            "A cryptocurrency wallet address involved in fraud or crime.",
            "Properties: address (string, required): Bitcoin legacy addresses as written (Base58Check valid), "
                    + "bech32 addresses lowercase, 0x addresses lowercase (EIP-55 checksum verified), others trimmed; "
                    + "currency (string, optional): ticker, uppercase (BTC, ETH, …). ID contributing properties: address.");

    private static final Map<String, StixObject> BY_TYPE = Map.of(
            PHONE_NUMBER, PHONE_NUMBER_DEFINITION,
            BANK_ACCOUNT, BANK_ACCOUNT_DEFINITION,
            PAYMENT_CARD, PAYMENT_CARD_DEFINITION,
            CRYPTO_WALLET, CRYPTO_WALLET_DEFINITION);

    private EntenteExtensions() {}

    /** The identity and the four extension definitions, to publish once to every community. */
    public static List<StixObject> all() {
        return List.of(IDENTITY, PHONE_NUMBER_DEFINITION, BANK_ACCOUNT_DEFINITION, PAYMENT_CARD_DEFINITION, CRYPTO_WALLET_DEFINITION);
    }

    /** The id of the extension definition of one of the Entente SCO types. */
    public static String definitionId(String scoType) {
        StixObject definition = BY_TYPE.get(scoType);
        if (definition == null) throw new IllegalArgumentException("not an Entente SCO type: " + scoType);
        return definition.id();
    }

    public static boolean isEntenteSco(String type) {
        return BY_TYPE.containsKey(type);
    }

    private static StixObject definition(String scoType, String name, String description, String schema) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("type", "extension-definition");
        properties.put("spec_version", "2.1");
        properties.put("id", "extension-definition--" + nameBased("extension-definition/" + scoType));
        properties.put("created_by_ref", IDENTITY.id());
        properties.put("created", PUBLISHED);
        properties.put("modified", PUBLISHED);
        properties.put("name", name);
        properties.put("description", description + " Defines the cyber-observable type " + scoType + ".");
        properties.put("schema", schema); // §7.3: a URL or plain text; text keeps the definition self-contained
        properties.put("version", VERSION);
        properties.put("extension_types", List.of("new-sco"));
        return StixObject.of(properties);
    }

    private static UUID nameBased(String name) {
        return UuidV5.of(NAMESPACE, name.getBytes(StandardCharsets.UTF_8));
    }
}
