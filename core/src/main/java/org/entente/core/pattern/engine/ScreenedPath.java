package org.entente.core.pattern.engine;

import java.util.ArrayList;
import java.util.List;

/** The unindexed patterns screened on one path: each needs its text in a value there. */
final class ScreenedPath {
    final IndexedPath path;
    final List<String> texts = new ArrayList<>();
    final List<Integer> slots = new ArrayList<>();

    ScreenedPath(IndexedPath path) {
        this.path = path;
    }

    void add(String text, int slot) {
        texts.add(text);
        slots.add(slot);
    }

    /** Removes the slot's entries; true when none are left. */
    boolean remove(int slot) {
        for (int i = slots.size() - 1; i >= 0; i--) {
            if (slots.get(i) == slot) {
                slots.remove(i);
                texts.remove(i);
            }
        }
        return slots.isEmpty();
    }
}
