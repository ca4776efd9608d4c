package org.entente.core.pattern.ast;

import java.util.Objects;

/**
 * An observation expression (STIX 2.1 section 9.2 / 9.5): a bracketed comparison expression, or observation
 * expressions joined by the observation operators AND, OR and FOLLOWEDBY, or one qualified by WITHIN, REPEATS
 * or START/STOP. Parentheses only group; they leave no trace in the tree.
 */
public sealed interface ObservationExpression {

    /** {@code [ comparison ]}: matched by one observation. */
    record Single(ComparisonExpression comparison) implements ObservationExpression {
        public Single {
            Objects.requireNonNull(comparison, "comparison");
        }
    }

    /** {@code left AND right}: both matched, by different observations. */
    record And(ObservationExpression left, ObservationExpression right) implements ObservationExpression {
        public And {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    /** {@code left OR right}: either matched. */
    record Or(ObservationExpression left, ObservationExpression right) implements ObservationExpression {
        public Or {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    /** {@code left FOLLOWEDBY right}: both matched, the right side's observations not earlier than the left's. */
    record FollowedBy(ObservationExpression left, ObservationExpression right) implements ObservationExpression {
        public FollowedBy {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    /** An expression constrained by one qualifier; several qualifiers nest, the first written innermost. */
    record Qualified(ObservationExpression expression, Qualifier qualifier) implements ObservationExpression {
        public Qualified {
            Objects.requireNonNull(expression, "expression");
            Objects.requireNonNull(qualifier, "qualifier");
        }
    }
}
