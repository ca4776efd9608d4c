package org.entente.core.pattern.ast;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/** A constant in a pattern (STIX 2.1 section 9.3, "Constants"). */
public sealed interface Literal extends Operand {

    /** {@code 'text'}; the value is the text after undoing the {@code \\} and {@code \'} escapes. */
    record StringLiteral(String value) implements Literal {
        public StringLiteral {
            Objects.requireNonNull(value, "value");
        }
    }

    record IntegerLiteral(BigInteger value) implements Literal {
        public IntegerLiteral {
            Objects.requireNonNull(value, "value");
        }
    }

    record FloatLiteral(BigDecimal value) implements Literal {
        public FloatLiteral {
            Objects.requireNonNull(value, "value");
            // 1.50, 1.5 and 15e-1 are one number; keep one representation so equal values are equal records.
            value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        }
    }

    record BooleanLiteral(boolean value) implements Literal {}

    /** {@code h'…'} (hex) or {@code b'…'} (base64): a byte string, kept in the form it was written. */
    record BinaryLiteral(String text, Encoding encoding) implements Literal {
        public enum Encoding { HEX, BASE64 }

        public BinaryLiteral {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(encoding, "encoding");
            if (encoding == Encoding.HEX) {
                if (text.length() % 2 != 0 || !text.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                    throw new IllegalArgumentException("not hex digit pairs: " + text);
                }
                text = text.toLowerCase(Locale.ROOT);
            } else if (!BinaryText.isStrictBase64(text)) {
                throw new IllegalArgumentException("not padded base64: " + text);
            }
        }

        public static BinaryLiteral hex(byte[] bytes) {
            return new BinaryLiteral(HexFormat.of().formatHex(bytes), Encoding.HEX);
        }

        public byte[] bytes() {
            return encoding == Encoding.HEX ? HexFormat.of().parseHex(text) : Base64.getDecoder().decode(text);
        }
    }

    /**
     * {@code t'2016-06-01T01:30:00.123Z'}. The text passed the grammar's range checks, but may still name a day
     * that does not exist (30 February): the grammar accepts that, so {@link #instant()} is where it fails.
     */
    record TimestampLiteral(String text) implements Literal {
        public TimestampLiteral {
            Objects.requireNonNull(text, "text");
            if (!TimestampText.isWellFormed(text)) {
                throw new IllegalArgumentException("not a STIX timestamp: " + text);
            }
        }

        /** The instant, or an {@link IllegalArgumentException} for a date the calendar does not have. */
        public Instant instant() {
            return TimestampText.toInstant(text);
        }
    }
}
