package org.entente.server.api;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.entente.core.observable.InvalidObservableException;
import org.entente.core.observable.ObservableKind;
import org.entente.core.observable.Observables;
import org.entente.core.stix.codec.StixJson;
import org.entente.core.stix.codec.StixParseException;

/**
 * What a search for {@code q} looks for: the text as typed, and each canonical observable it reads as (a
 * domain, an IP address, a URL, an e-mail address, …, normalised by {@code core.observable}), so that
 * {@code EXAMPLE.com.} finds {@code example.com} and a pattern that names it. An object matches when one of
 * its {@link #PROPERTIES} contains one of the terms, ignoring case. No {@code q}: every object matches.
 */
record SearchTerms(List<String> terms) {
    /** The properties searched: names and descriptions of domain objects, patterns, observable values. */
    static final List<String> PROPERTIES = List.of("name", "description", "pattern", "value");
    static final int MAX_LENGTH = 256;

    /** Observable kinds a typed value may be: those a person can type and that need no key to normalise. */
    private static final List<ObservableKind> TYPED_KINDS = List.of(
            ObservableKind.DOMAIN_NAME, ObservableKind.IPV4, ObservableKind.IPV6, ObservableKind.URL,
            ObservableKind.EMAIL_ADDR, ObservableKind.BANK_ACCOUNT, ObservableKind.PHONE_NUMBER,
            ObservableKind.CRYPTOCURRENCY_WALLET);

    SearchTerms {
        terms = List.copyOf(terms);
    }

    /** The terms of a query; none for a missing query. */
    static SearchTerms of(String q) {
        if (q == null) return new SearchTerms(List.of());
        String text = q.strip();
        if (text.isEmpty()) throw ApiProblem.badRequest("q must not be blank; leave it out to list every object");
        if (text.length() > MAX_LENGTH) throw ApiProblem.badRequest("q is longer than " + MAX_LENGTH + " characters");
        Set<String> terms = new LinkedHashSet<>();
        terms.add(text.toLowerCase(Locale.ROOT));
        for (ObservableKind kind : TYPED_KINDS) {
            try {
                terms.add(Observables.normalise(kind, text).value().toLowerCase(Locale.ROOT));
            } catch (InvalidObservableException notThisKind) {
                // The text is not an observable of this kind: nothing to add.
            }
        }
        return new SearchTerms(List.copyOf(terms));
    }

    /** Whether a stored object (its JSON text) matches. */
    boolean matches(String json) {
        if (terms.isEmpty()) return true;
        Object tree;
        try {
            tree = StixJson.readTree(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (StixParseException e) {
            return false;
        }
        if (!(tree instanceof Map<?, ?> object)) return false;
        for (String property : PROPERTIES) {
            if (object.get(property) instanceof String value) {
                String folded = value.toLowerCase(Locale.ROOT);
                for (String term : terms) if (folded.contains(term)) return true;
            }
        }
        return false;
    }
}
