package org.entente.server.ingest;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.entente.core.observable.EntenteExtensions;
import org.entente.core.observable.FraudScos;
import org.entente.core.observable.Observable;
import org.entente.core.observable.ObservableKind;
import org.entente.core.observable.Observables;
import org.entente.core.stix.ScoIds;
import org.entente.core.stix.StixObject;
import org.entente.core.stix.StixTimestamp;
import org.entente.core.stix.codec.StixJson;
import org.entente.core.stix.codec.StixParseException;

/**
 * One line of a high-volume observation stream (JSON lines), read into the cyber-observable object it
 * observed and when. Two forms:
 * <ul>
 * <li>{@code {"type":"domain-name","value":"evil.example","seen":"2026-11-24T10:00:00Z"}}: an observable by
 *     its type and value; {@code seen} (RFC 3339) is optional and defaults to the time received. Besides the
 *     STIX SCO types with a {@code value} ({@code domain-name}, {@code url}, {@code ipv4-addr}, …),
 *     {@code phone-number} names Entente's {@code x-entente-phone-number}.</li>
 * <li>a STIX 2.1 cyber-observable object, recognised by its {@code id}, observed at the time received.</li>
 * </ul>
 * Values of the observable kinds Entente normalises (domains, URLs, addresses, e-mail, phone numbers, …)
 * are checked here, so a line that can never match is refused with the reason instead of silently missing.
 */
public record ObservationLine(String type, String value, StixObject given, Instant seen) {
    private static final Set<String> VALUE_FORM = Set.of("type", "value", "seen");
    private static final Pattern SCO_TYPE = Pattern.compile("[a-z0-9][a-z0-9-]{0,249}");

    /**
     * The SCO observed: the one given, or for the value form one built with its deterministic id (built on
     * demand, since only hits need it: a miss costs no id, which is a hash over canonical JSON).
     */
    public StixObject sco() {
        return given != null ? given : sco(type, value);
    }

    /** The canonical {@code value} the engine matches directly (value form only). */
    public Optional<String> valueForm() {
        return given == null ? Optional.of(value) : Optional.empty();
    }

    /** What tells one observable from another within a stream. */
    public String key() {
        return given != null ? given.id() : type + "|" + value;
    }

    /**
     * Reads one line.
     *
     * @throws IllegalArgumentException saying what is wrong with the line (its number is the caller's to add)
     */
    public static ObservationLine parse(byte[] line, Instant received) {
        StixObject object;
        try {
            object = StixJson.readObject(line);
        } catch (StixParseException e) {
            throw new IllegalArgumentException("not a JSON object: " + e.getMessage());
        }
        if (!(object.get("type") instanceof String type) || type.isEmpty()) {
            throw new IllegalArgumentException("'type' is missing or not a string");
        }
        if (object.has("id")) {
            // STIX 2.1 section 6: the specification's SCO types, or a custom (x-) one such as Entente's fraud SCOs.
            if (ScoIds.contributingProperties(type).isEmpty() && !type.startsWith("x-")) {
                throw new IllegalArgumentException("'" + type + "' is not a cyber-observable type");
            }
            return new ObservationLine(type, null, checked(object), received);
        }
        for (String name : object.properties().keySet()) {
            if (!VALUE_FORM.contains(name)) {
                throw new IllegalArgumentException("unknown field '" + name + "' (an observation has type, value and seen; a STIX SCO needs its id)");
            }
        }
        if (!(object.get("value") instanceof String value) || value.isEmpty()) {
            throw new IllegalArgumentException("'value' is missing or not a non-empty string");
        }
        Instant seen = received;
        if (object.has("seen")) {
            if (!(object.get("seen") instanceof String text)) throw new IllegalArgumentException("'seen' is not a string");
            seen = StixTimestamp.tryParse(text).map(StixTimestamp::instant).orElseThrow(
                    () -> new IllegalArgumentException("'seen' is not an RFC 3339 timestamp such as 2026-11-24T10:00:00Z: '" + text + "'"));
        }
        return new ObservationLine(scoType(type), canonical(type, value), null, seen);
    }

    private static boolean isPhone(String type) {
        return type.equals(ObservableKind.Simple.PHONE_NUMBER.label()) || type.equals(EntenteExtensions.PHONE_NUMBER);
    }

    private static String scoType(String type) {
        return isPhone(type) ? EntenteExtensions.PHONE_NUMBER : type;
    }

    /**
     * The value in canonical form, checked, for the kinds Entente normalises: one observable, one SCO id
     * however it was written (EVIL.example. and evil.example), since STIX 2.1 section 2.9 derives the id from it.
     */
    private static String canonical(String type, String value) {
        if (isPhone(type)) return Observables.normalise(ObservableKind.Simple.PHONE_NUMBER, value).value();
        if (!SCO_TYPE.matcher(type).matches()) throw new IllegalArgumentException("'" + type + "' is not an SCO type");
        Optional<ObservableKind> kind = ObservableKind.ofLabel(type);
        return kind.isPresent() ? Observables.normalise(kind.get(), value).value() : value;
    }

    private static StixObject sco(String type, String value) {
        if (isPhone(type)) return FraudScos.phoneNumber(new Observable(ObservableKind.Simple.PHONE_NUMBER, value));
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("type", type);
        properties.put("spec_version", "2.1");
        properties.put("id", ScoIds.idFor(type, Map.of("value", value)));
        properties.put("value", value);
        return StixObject.of(properties);
    }

    /**
     * The object, after its observables' values were checked; a bad one is refused with the rule it breaks
     * ({@link org.entente.core.observable.InvalidObservableException} is an IllegalArgumentException).
     */
    private static StixObject checked(StixObject sco) {
        Observables.of(sco);
        return sco;
    }
}
