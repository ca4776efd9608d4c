package org.entente.server.taxii;

import java.util.Locale;

/**
 * The media types of TAXII 2.1 (section 1.6.8) and the rules for accepting them: a client must accept
 * {@code application/taxii+json;version=2.1} and must send it with a POST.
 */
public final class TaxiiMediaType {
    public static final String TAXII = "application/taxii+json;version=2.1";
    public static final String STIX = "application/stix+json;version=2.1";

    private TaxiiMediaType() {}

    /** Whether an Accept header admits TAXII 2.1 JSON; a missing header admits anything. */
    public static boolean accepts(String accept) {
        if (accept == null || accept.isBlank()) return true;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].strip().toLowerCase(Locale.ROOT);
            if (type.equals("*/*") || type.equals("application/*")) return true;
            if (type.equals("application/taxii+json") && versionIs21OrAbsent(parts)) return true;
        }
        return false;
    }

    /** Whether a Content-Type is TAXII 2.1 JSON (the version parameter may be omitted). */
    public static boolean isTaxii(String contentType) {
        if (contentType == null) return false;
        String[] parts = contentType.split(";");
        return parts[0].strip().equalsIgnoreCase("application/taxii+json") && versionIs21OrAbsent(parts);
    }

    private static boolean versionIs21OrAbsent(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String param = parts[i].strip().toLowerCase(Locale.ROOT).replace(" ", "");
            if (param.startsWith("version=")) return param.equals("version=2.1");
        }
        return true;
    }
}
