package org.entente.core.stix;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads values of the plain JSON tree that {@link StixObject} holds, by JSON type. */
final class JsonValues {
    private JsonValues() {}

    @SuppressWarnings("unchecked")
    static Optional<Map<String, Object>> object(Object value) {
        return value instanceof Map<?, ?> m ? Optional.of((Map<String, Object>) m) : Optional.empty();
    }

    @SuppressWarnings("unchecked")
    static Optional<List<Object>> list(Object value) {
        return value instanceof List<?> l ? Optional.of((List<Object>) l) : Optional.empty();
    }

    /** A JSON integer: a number written without fraction or exponent. */
    static boolean isInteger(Object value) {
        return value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte || value instanceof BigInteger;
    }

    static Optional<BigDecimal> number(Object value) {
        if (value instanceof BigDecimal d) return Optional.of(d);
        if (value instanceof BigInteger i) return Optional.of(new BigDecimal(i));
        if (value instanceof Double d) return Double.isFinite(d) ? Optional.of(BigDecimal.valueOf(d)) : Optional.empty();
        if (value instanceof Float f) return Float.isFinite(f) ? Optional.of(BigDecimal.valueOf(f)) : Optional.empty();
        if (value instanceof Number n) return Optional.of(BigDecimal.valueOf(n.longValue()));
        return Optional.empty();
    }

    static Optional<BigDecimal> integer(Object value) {
        return isInteger(value) ? number(value) : Optional.empty();
    }

    /**
     * A JSON integer from {@code min} to {@code max}: {@link #integer} and a range check, without the
     * {@code BigDecimal} for the integers that fit a {@code long} (all but BigInteger).
     */
    static boolean isIntegerBetween(Object value, long min, long max) {
        if (value instanceof BigInteger big) {
            return big.compareTo(BigInteger.valueOf(min)) >= 0 && big.compareTo(BigInteger.valueOf(max)) <= 0;
        }
        if (!isInteger(value)) return false;
        long n = ((Number) value).longValue();
        return n >= min && n <= max;
    }

    static boolean isString(Object value) {
        return value instanceof String;
    }

    /** True for a non-empty list whose elements are all strings. */
    static boolean isStringList(Object value) {
        if (!(value instanceof List<?> list) || list.isEmpty()) return false;
        for (Object element : list) {
            if (!(element instanceof String)) return false;
        }
        return true;
    }

    /** True for a string {@link StixTimestamp#tryParse} accepts. */
    static boolean isTimestamp(Object value) {
        return value instanceof String s && StixTimestamp.isTimestamp(s);
    }

    static Optional<StixTimestamp> timestamp(Object value) {
        return value instanceof String s ? StixTimestamp.tryParse(s) : Optional.empty();
    }

    /** Names the JSON type of a value for messages. */
    static String describe(Object value) {
        if (value == null) return "null";
        if (value instanceof String) return "a string";
        if (value instanceof Boolean) return "a boolean";
        if (value instanceof Number) return "a number";
        if (value instanceof List<?>) return "a list";
        return "an object";
    }
}
