package org.entente.core.pattern;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * How pattern comparisons read a number from an object's JSON tree (STIX 2.1 section 9.3): any integer or
 * decimal the codec produces, as an exact decimal; NaN, infinities and non-numbers are no number.
 */
public final class JsonNumbers {
    private JsonNumbers() {}

    /** The value as an exact decimal, or null when it is not a finite number. */
    public static BigDecimal decimal(Object value) {
        return switch (value) {
            case BigDecimal d -> d;
            case BigInteger i -> new BigDecimal(i);
            case Long l -> BigDecimal.valueOf(l);
            case Integer i -> BigDecimal.valueOf(i);
            case Short s -> BigDecimal.valueOf(s);
            case Byte b -> BigDecimal.valueOf(b);
            case Double d when Double.isFinite(d) -> BigDecimal.valueOf(d);
            case Float f when Float.isFinite(f) -> BigDecimal.valueOf(f);
            case null, default -> null;
        };
    }
}
