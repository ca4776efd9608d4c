package org.entente.core.pattern.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The direct path of a value event ({@link IndicatorEngine#matchValue}) on a type whose indicators are all decided
 * by one probe of one key ({@link TypeIndex#direct}): the value's first hash, computed without the normaliser
 * when the value is already canonical (or, for IPv4, digits and dots: {@link CanonicalKey}), and, when the table holds
 * that hash, the indicators it names. Anything else (a value not yet canonical, a candidate the full matcher must
 * confirm) is left to the full path, which answers the same for every event this path answers.
 */
final class ValueStream {
    private final KeyTable table;
    private final IndicatorSlots slots;

    ValueStream(KeyTable table, IndicatorSlots slots) {
        this.table = table;
        this.slots = slots;
    }

    /** The first hash of the event's key on {@code path} (a {@link TypeIndex#direct} path), or 0: take the full path. */
    static long first(IndexedPath path, String type, String value) {
        if (path.network) return CanonicalKey.ipv4(path.id, value); // IPv4 with no block shorter than /32
        String s = path.readsType ? type : value;
        if (path.kind == null) return KeyTable.stored(KeyHash.text(KeyHash.SEED_A, path.id, KeyHash.STRING, s));
        return CanonicalKey.first(path.kind, path.id, s);
    }

    /**
     * Finds the events of a group whose first hash is in the table, in phases over the whole group: the table's filter
     * ({@link KeyTable#mayContain}), which ends most misses; the home buckets of the rest; the walks to the first
     * bucket holding the hash; then the entries found and their indicators' data are read (and only read, so that the
     * {@link #decide} of each event after it finds them in the cache). Returns how many were found; their positions
     * are in {@code batch.found}, in order.
     */
    int find(ValueBatch batch, int count) {
        int candidates = 0;
        for (int i = 0; i < count; i++) {
            long first = batch.first[i];
            boolean maybe = table.mayContain(first);
            batch.found[candidates] = i;
            candidates += first != 0 & maybe ? 1 : 0;
        }
        long touched = table.read(batch.first, batch.found, candidates);
        int found = 0;
        for (int k = 0; k < candidates; k++) {
            int i = batch.found[k];
            int b = table.next(batch.first[i], table.home(batch.first[i]));
            batch.found[found] = i;
            batch.bucket[found] = b;
            found += b >= 0 ? 1 : 0;
        }
        for (int k = 0; k < found; k++) touched += table.secondAt(batch.bucket[k]) + table.slotAt(batch.bucket[k]);
        for (int k = 0; k < found; k++) touched += slots.touch(table.slotAt(batch.bucket[k]));
        batch.touched = touched;
        return found;
    }

    /**
     * The outcome of the event whose {@link #first} hash is {@code first} (not 0), observed at {@code at} (micros),
     * or null when a candidate needs the full matcher. Each key's buckets are walked as the full path walks them,
     * so the ids come in the same order.
     */
    MatchOutcome decide(IndexedPath path, String type, String value, long first, long at) {
        long second = 0;
        int[] matched = null;
        int count = 0;
        for (int b = table.next(first, table.home(first)); b >= 0; b = table.next(first, b + 1)) {
            if (second == 0) second = second(path, type, value);
            if (table.secondAt(b) != second) continue;
            int slot = table.slotAt(b);
            if (slots.kind[slot] == IndicatorSlots.CONFIRMED) return null;
            if (!slots.validDuring(slot, at, at)) continue;
            if (matched == null) matched = new int[2];
            if (contains(matched, count, slot)) continue;
            if (count == matched.length) matched = java.util.Arrays.copyOf(matched, count * 2);
            matched[count++] = slot;
        }
        if (count == 0) return MatchOutcome.NONE;
        if (count == 1) return new MatchOutcome(slots.idList(matched[0]), List.of());
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) ids.add(slots.id(matched[i]));
        return new MatchOutcome(ids, List.of());
    }

    private static long second(IndexedPath path, String type, String value) {
        return KeyHash.text(KeyHash.SEED_B, path.id, KeyHash.STRING, path.readsType ? type : value);
    }

    private static boolean contains(int[] slots, int count, int slot) {
        for (int i = 0; i < count; i++) if (slots[i] == slot) return true;
        return false;
    }
}
