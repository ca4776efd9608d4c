package org.entente.federation.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExactNumbersTest {

    @Test
    void theNumberAtFaultIsNamedByItsFullPathInsideListsAndObjects() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("name", "x");
        tree.put("steps", List.of(Map.of("n", 1), Map.of("n", 9007199254740993L)));

        assertThat(fieldAtFault(tree, "objects[3]")).isEqualTo("objects[3].steps[1].n");
        assertThat(fieldAtFault(tree, "")).isEqualTo("steps[1].n");
        assertThat(fieldAtFault(List.of(0.5, new BigDecimal("0.10000000000000001")), "")).isEqualTo("[1]");
        assertThat(fieldAtFault(new BigDecimal("0.10000000000000001"), "count")).isEqualTo("count");
    }

    @Test
    void integersADoubleHoldsAreAcceptedUpToTwoToTheFiftyThirdEitherSide() {
        assertThatCode(() -> ExactNumbers.check(List.of(Integer.MAX_VALUE, Integer.MIN_VALUE, 1L << 53, -(1L << 53),
                (short) 7, (byte) -1, 0.1, 1e300), "")).doesNotThrowAnyException();
    }

    @Test
    void longsBeyondTwoToTheFiftyThirdAreRefusedEvenWhenADoubleHoldsThem() {
        // 2^53 + 1 has no double; 2^60 and -2^63 have one, but its shortest text is a different integer.
        for (long n : new long[] {(1L << 53) + 1, -(1L << 53) - 1, 1L << 60, Long.MIN_VALUE}) {
            assertThat(fieldAtFault(Map.of("n", n), "o")).as("%d", n).isEqualTo("o.n");
        }
    }

    private static String fieldAtFault(Object tree, String path) {
        try {
            ExactNumbers.check(tree, path);
        } catch (JsonFieldException e) {
            assertThat(e.getMessage()).contains("IEEE 754");
            return e.field();
        }
        throw new AssertionError("no number refused in " + tree);
    }

    @Test
    void aFaultIsAJsonFieldException() {
        assertThatThrownBy(() -> ExactNumbers.check(Map.of("n", new BigDecimal("1e400")), ""))
                .isInstanceOf(JsonFieldException.class);
    }
}
