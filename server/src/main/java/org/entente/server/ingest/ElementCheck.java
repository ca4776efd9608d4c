package org.entente.server.ingest;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.entente.core.stix.StixObject;
import org.entente.core.stix.StixTimestamp;
import org.entente.core.stix.StixValidator;
import org.entente.core.stix.StixVersions;
import org.entente.core.stix.Violation;
import org.entente.core.stix.codec.BundleReader.Element;
import org.entente.core.stix.codec.StixJson;
import org.entente.store.NewVersion;

/**
 * Turns one submitted element into either its rejection or the version to store. Holds no state, so any
 * number of threads may check elements at once; this is the CPU-heavy part of ingest (validation, and
 * serialising the object for storage when its JSON text was not kept by the reader).
 */
final class ElementCheck {
    /** A valid element, ready to store; {@code versionText} is echoed in its outcome. */
    record Pending(int index, String versionText, NewVersion version) {}

    /** Exactly one of {@code rejection} and {@code pending} is set. */
    record Checked(Outcome rejection, Pending pending) {}

    private final StixValidator validator;

    ElementCheck(StixValidator validator) {
        this.validator = validator;
    }

    Checked check(Element element) {
        if (!element.ok()) {
            return rejected(new Outcome(element.index(), null, null, Outcome.Kind.REJECTED, element.error()));
        }
        StixObject object = element.object();
        // version() parses a timestamp: once per object is enough.
        Optional<StixTimestamp> version = object.version();
        String versionText = version.map(StixTimestamp::text).orElse(null);
        List<Violation> errors = validator.validate(object).stream().filter(Violation::isError).toList();
        if (!errors.isEmpty()) {
            String reason = errors.stream().map(Violation::message).collect(Collectors.joining("; "));
            return rejected(new Outcome(element.index(), nullIfEmpty(object.id()), versionText, Outcome.Kind.REJECTED, reason));
        }
        NewVersion stored = new NewVersion(
                object.id(),
                object.type(),
                StixVersions.specVersionOf(object, null),
                version.map(StixTimestamp::instant).orElse(null),
                // The text as read, when the reader kept it: writing the object again would cost a
                // seventh of the checking threads' time for the same JSON.
                element.json() != null ? element.json() : StixJson.writeString(object));
        return new Checked(null, new Pending(element.index(), versionText, stored));
    }

    private static Checked rejected(Outcome outcome) {
        return new Checked(outcome, null);
    }

    private static String nullIfEmpty(String s) {
        return s.isEmpty() ? null : s;
    }
}
