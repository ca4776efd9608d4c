package org.entente.core.pattern.ast;

import java.util.Objects;

/**
 * The inside of an observation expression's brackets (STIX 2.1 section 9.2): comparisons joined by AND and OR.
 * All of it is evaluated against one cyber-observable object at a time (the "root" object).
 */
public sealed interface ComparisonExpression {

    record And(ComparisonExpression left, ComparisonExpression right) implements ComparisonExpression {
        public And {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    record Or(ComparisonExpression left, ComparisonExpression right) implements ComparisonExpression {
        public Or {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    /** {@code path [NOT] operator operand}, e.g. {@code file:size NOT > 1024}. */
    record Comparison(ObjectPath path, boolean negated, ComparisonOperator operator, Operand operand)
            implements ComparisonExpression {
        public Comparison {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(operand, "operand");
            if ((operator == ComparisonOperator.IN) != (operand instanceof SetLiteral)) {
                throw new IllegalArgumentException("IN and only IN takes a set of values");
            }
        }
    }

    /** {@code EXISTS path} (STIX 2.1 only). */
    record Exists(ObjectPath path) implements ComparisonExpression {
        public Exists {
            Objects.requireNonNull(path, "path");
        }
    }
}
