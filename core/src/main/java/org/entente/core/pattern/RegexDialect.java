package org.entente.core.pattern;

import java.text.Normalizer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * MATCHES takes a PCRE regular expression (STIX 2.1 section 9.3). Java's dialect is close; the PCRE/Python
 * named-group spellings {@code (?P<n>…)} and {@code (?P=n)} are rewritten to Java's. The expression is put in
 * Unicode normal form C, as the values it is matched against are, so that canonically equal text matches.
 */
final class RegexDialect {
    private RegexDialect() {}

    /** Compiles a MATCHES operand, or throws {@link PatternSyntaxException} from java.util.regex. */
    static Pattern compile(String pcre) {
        String java = Normalizer.normalize(pcre, Normalizer.Form.NFC)
                .replace("(?P<", "(?<")
                .replaceAll("\\(\\?P=([A-Za-z][A-Za-z0-9]*)\\)", "\\\\k<$1>");
        return Pattern.compile(java);
    }

    static String describeError(PatternSyntaxException e) {
        return e.getDescription();
    }
}
