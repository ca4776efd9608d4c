package org.entente.core.pattern.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KeyTableTest {

    /** Keys come and go through growth and through the filter's rebuilds after many removals. */
    @Test
    void everyKeyHeldIsFoundAndNoKeyRemovedIsWhileKeysComeAndGo() {
        KeyTable table = new KeyTable();
        SplittableRandom random = new SplittableRandom(11);
        List<long[]> held = new ArrayList<>();
        List<long[]> gone = new ArrayList<>();
        for (int step = 0; step < 40_000; step++) {
            // Grows to a few thousand keys, then mostly removes, so that the filter is rebuilt by removals too.
            boolean add = held.isEmpty() || random.nextInt(100) < (step < 20_000 ? 70 : 25);
            if (add) {
                long[] key = {step % 7 == 0 ? 0 : random.nextLong(), random.nextLong(), random.nextInt(1 << 20)};
                table.add(key[0], key[1], (int) key[2]);
                held.add(key);
            } else {
                long[] key = held.remove(random.nextInt(held.size()));
                table.remove(key[0], key[1], (int) key[2]);
                gone.add(key);
            }
            if (step % 997 == 0) {
                for (long[] key : held) {
                    assertThat(table.mayContain(key[0])).isTrue();
                    assertThat(table.contains(key[0])).isTrue();
                    int b = table.next(key[0], table.home(key[0]));
                    while (b >= 0 && (table.secondAt(b) != key[1] || table.slotAt(b) != (int) key[2])) {
                        b = table.next(key[0], b + 1);
                    }
                    assertThat(b).isNotNegative();
                }
                for (long[] key : gone) {
                    if (key[0] != 0) assertThat(table.contains(key[0])).isFalse();
                }
            }
        }
        assertThat(table.size()).isEqualTo(held.size());
    }

    @Test
    void theFilterTurnsAwayMostAbsentKeys() {
        KeyTable table = new KeyTable();
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 100_000; i++) table.add(random.nextLong(), random.nextLong(), i);
        int passed = 0;
        for (int i = 0; i < 100_000; i++) passed += table.mayContain(random.nextLong()) ? 1 : 0;
        assertThat(passed).isLessThan(5_000);
    }
}
