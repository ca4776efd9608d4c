package org.entente.core.pattern;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * LIKE (STIX 2.1 section 9.3, as SQL): {@code %} stands for any run of characters, {@code _} for exactly one,
 * everything else for itself, and the whole value must match. Compared in Unicode normal form C.
 */
final class LikeExpression {
    private LikeExpression() {}

    static Pattern compile(String like) {
        String normalized = Normalizer.normalize(like, Normalizer.Form.NFC);
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        normalized.codePoints().forEach(cp -> {
            if (cp == '%' || cp == '_') {
                if (!literal.isEmpty()) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(cp == '%' ? ".*" : ".");
            } else {
                literal.appendCodePoint(cp);
            }
        });
        if (!literal.isEmpty()) regex.append(Pattern.quote(literal.toString()));
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
