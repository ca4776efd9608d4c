package org.entente.core.pattern.engine;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-indicator data in parallel primitive arrays indexed by slot, so that ten million simple indicators cost a
 * few arrays rather than ten million object graphs. An id of the usual form {@code indicator--<lowercase UUID>}
 * is kept as its two 64-bit halves; any other id is kept as text in a side map. Validity is kept in
 * microseconds since the epoch. Freed slots are reused.
 */
final class IndicatorSlots {
    static final byte FREE = 0;
    /** Matched exactly when its one key is hit: key in {@link #keyFirst}/{@link #keySecond}/{@link #keyPath}. */
    static final byte DECIDED_BY_KEY = 1;
    /** Several keys, any of which decides it; its {@link CompiledIndicator} is in the side map. */
    static final byte DECIDED_BY_KEYS = 2;
    /** A candidate when a key is hit (or for every observation of its types), confirmed by the full matcher. */
    static final byte CONFIRMED = 3;

    private static final String PREFIX = "indicator--";
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /**
     * Per slot four longs side by side: the id's high and low halves, valid from, valid until. A hit reads all four,
     * and in one array they share a cache line (or two), where four arrays cost four misses.
     */
    private long[] data = new long[4 * 16];
    private static final int HIGH = 0;
    private static final int LOW = 1;
    private static final int FROM = 2;
    private static final int UNTIL = 3;
    long[] keyFirst = new long[16];
    long[] keySecond = new long[16];
    /** Path id and prefix length of the key of a {@link #DECIDED_BY_KEY} slot, to release the path on removal. */
    int[] keyPath = new int[16];
    byte[] kind = new byte[16];
    private final Map<Integer, String> otherIds = new HashMap<>();
    private final Map<Integer, CompiledIndicator> compiled = new HashMap<>();
    private int[] free = new int[16];
    private int freeCount;
    private int used; // slots ever handed out
    private int live;
    private int[] byId = new int[16]; // slot + 1, open addressing on the id's hash
    private int idMask = 15;

    int live() {
        return live;
    }

    /** The slot holding this id, or -1. */
    int find(String id) {
        long high;
        long low;
        long[] compact = compact(id);
        if (compact != null) {
            high = compact[0];
            low = compact[1];
        } else {
            high = id.hashCode();
            low = 0;
        }
        int b = bucket(high, low);
        int s;
        while ((s = byId[b]) != 0) {
            int slot = s - 1;
            if (data[4 * slot + HIGH] == high && data[4 * slot + LOW] == low
                    && (compact != null ? !otherIds.containsKey(slot) : id.equals(otherIds.get(slot)))) {
                return slot;
            }
            b = (b + 1) & idMask;
        }
        return -1;
    }

    /** A new slot for {@code id}, which must not be present. */
    int allocate(String id, long from, long until) {
        int slot;
        if (freeCount > 0) {
            slot = free[--freeCount];
        } else {
            slot = used++;
            if (slot == kind.length) growSlots();
        }
        long[] compact = compact(id);
        if (compact != null) {
            data[4 * slot + HIGH] = compact[0];
            data[4 * slot + LOW] = compact[1];
        } else {
            data[4 * slot + HIGH] = id.hashCode();
            data[4 * slot + LOW] = 0;
            otherIds.put(slot, id);
        }
        data[4 * slot + FROM] = from;
        data[4 * slot + UNTIL] = until;
        if (live + 1 > (idMask + 1) / 4 * 3) growIds();
        int b = bucket(data[4 * slot + HIGH], data[4 * slot + LOW]);
        while (byId[b] != 0) b = (b + 1) & idMask;
        byId[b] = slot + 1;
        live++;
        return slot;
    }

    void release(int slot) {
        int b = bucket(data[4 * slot + HIGH], data[4 * slot + LOW]);
        while (byId[b] != slot + 1) b = (b + 1) & idMask;
        shiftBack(b);
        otherIds.remove(slot);
        compiled.remove(slot);
        kind[slot] = FREE;
        live--;
        if (freeCount == free.length) free = Arrays.copyOf(free, free.length * 2);
        free[freeCount++] = slot;
    }

    void decide(int slot, long first, long second, int pathAndPrefix) {
        kind[slot] = DECIDED_BY_KEY;
        keyFirst[slot] = first;
        keySecond[slot] = second;
        keyPath[slot] = pathAndPrefix;
    }

    void compile(int slot, CompiledIndicator indicator) {
        kind[slot] = indicator.decided() ? DECIDED_BY_KEYS : CONFIRMED;
        compiled.put(slot, indicator);
    }

    CompiledIndicator compiled(int slot) {
        return compiled.get(slot);
    }

    /** Whether the slot's validity [from, until) overlaps the observed interval [first, last]. */
    boolean validDuring(int slot, long first, long last) {
        return last >= data[4 * slot + FROM] && first < data[4 * slot + UNTIL];
    }

    /** Reads what a hit needs of the slot (kind, validity, id), for the caches: the reads of many slots overlap. */
    long touch(int slot) {
        return kind[slot] + data[4 * slot + HIGH] + data[4 * slot + UNTIL];
    }

    String id(int slot) {
        String other = otherIds.isEmpty() ? null : otherIds.get(slot);
        return other != null ? other : format(data[4 * slot + HIGH], data[4 * slot + LOW]);
    }

    /** The slot's id as a list of one, its text formatted only when read ({@link OneIndicatorId}). */
    java.util.List<String> idList(int slot) {
        String other = otherIds.isEmpty() ? null : otherIds.get(slot);
        return other != null ? java.util.List.of(other) : new OneIndicatorId(data[4 * slot + HIGH], data[4 * slot + LOW]);
    }

    /** {@code indicator--<UUID>} of an id kept as its two halves. */
    static String format(long high, long low) {
        char[] text = new char[PREFIX.length() + 36];
        PREFIX.getChars(0, PREFIX.length(), text, 0);
        int at = PREFIX.length();
        at = hex(high, 60, 32, text, at);
        text[at++] = '-';
        at = hex(high, 28, 16, text, at);
        text[at++] = '-';
        at = hex(high, 12, 0, text, at);
        text[at++] = '-';
        at = hex(low, 60, 48, text, at);
        text[at++] = '-';
        hex(low, 44, 0, text, at);
        return new String(text);
    }

    private static int hex(long value, int fromShift, int toShift, char[] out, int at) {
        for (int shift = fromShift; shift >= toShift; shift -= 4) out[at++] = HEX[(int) (value >>> shift) & 15];
        return at;
    }

    /** The UUID halves of {@code indicator--<lowercase canonical UUID>}, or null for any other id. */
    private static long[] compact(String id) {
        if (id.length() != PREFIX.length() + 36 || !id.startsWith(PREFIX)) return null;
        long high = 0;
        long low = 0;
        int digits = 0;
        for (int i = PREFIX.length(); i < id.length(); i++) {
            int at = i - PREFIX.length();
            char c = id.charAt(i);
            if (at == 8 || at == 13 || at == 18 || at == 23) {
                if (c != '-') return null;
                continue;
            }
            int v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
            if (v < 0) return null;
            if (digits < 16) high = high << 4 | v;
            else low = low << 4 | v;
            digits++;
        }
        return new long[] {high, low};
    }

    private int bucket(long high, long low) {
        long h = (high ^ Long.rotateLeft(low, 32)) * 0x9E3779B97F4A7C15L;
        return (int) (h ^ h >>> 29) & idMask;
    }

    private void shiftBack(int gap) {
        int j = gap;
        while (true) {
            j = (j + 1) & idMask;
            if (byId[j] == 0) break;
            int slot = byId[j] - 1;
            int home = bucket(data[4 * slot + HIGH], data[4 * slot + LOW]);
            boolean movable = gap <= j ? (home <= gap || home > j) : (home <= gap && home > j);
            if (movable) {
                byId[gap] = byId[j];
                gap = j;
            }
        }
        byId[gap] = 0;
    }

    private void growIds() {
        int[] old = byId;
        byId = new int[old.length * 2];
        idMask = byId.length - 1;
        for (int s : old) {
            if (s == 0) continue;
            int b = bucket(data[4 * (s - 1) + HIGH], data[4 * (s - 1) + LOW]);
            while (byId[b] != 0) b = (b + 1) & idMask;
            byId[b] = s;
        }
    }

    private void growSlots() {
        int n = kind.length + (kind.length >> 1) + 16;
        data = Arrays.copyOf(data, 4 * n);
        keyFirst = Arrays.copyOf(keyFirst, n);
        keySecond = Arrays.copyOf(keySecond, n);
        keyPath = Arrays.copyOf(keyPath, n);
        kind = Arrays.copyOf(kind, n);
    }
}
