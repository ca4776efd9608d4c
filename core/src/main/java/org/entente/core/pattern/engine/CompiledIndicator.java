package org.entente.core.pattern.engine;

import java.util.List;
import java.util.List;
import java.util.Set;
import org.entente.core.pattern.Pattern;

/**
 * An indicator that is not one equality: its rewritten pattern for the full matcher, the keys it is filed
 * under (hashes and {@code pathAndPrefix} as {@link IndicatorSlots#keyPath}), whether a key hit alone decides
 * it, and, when it has no keys, either the texts that screen it ({@link IndexPlan#screens}) or the object
 * types under which it is evaluated for every observation.
 */
record CompiledIndicator(Pattern pattern, long[] keyFirst, long[] keySecond, int[] keyPath, boolean decided,
        List<IndexPlan.Screen> screens, Set<String> unindexedTypes) {

    boolean indexed() {
        return keyFirst != null;
    }
}
