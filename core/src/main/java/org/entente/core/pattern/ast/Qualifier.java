package org.entente.core.pattern.ast;

import java.math.BigDecimal;
import java.util.Objects;

/** An observation expression qualifier (STIX 2.1 section 9.6). */
public sealed interface Qualifier {

    /** {@code WITHIN n SECONDS}: all observations fit in a window of that many seconds. */
    record Within(BigDecimal seconds) implements Qualifier {
        public Within {
            Objects.requireNonNull(seconds, "seconds");
            if (seconds.signum() <= 0) throw new IllegalArgumentException("WITHIN needs a positive number of seconds");
            // One value, one representation: 5, 5.0 and 5.00 are the same window.
            seconds = seconds.stripTrailingZeros();
        }
    }

    /** {@code REPEATS n TIMES}: the expression is matched n times by different observations. */
    record Repeats(int times) implements Qualifier {
        public Repeats {
            if (times < 1) throw new IllegalArgumentException("REPEATS needs a positive count");
        }
    }

    /** {@code START t'…' STOP t'…'}: the observations fall in [start, stop). */
    record StartStop(Literal.TimestampLiteral start, Literal.TimestampLiteral stop) implements Qualifier {
        public StartStop {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(stop, "stop");
        }
    }
}
