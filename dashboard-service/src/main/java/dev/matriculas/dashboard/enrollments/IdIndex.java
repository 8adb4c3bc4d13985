package dev.matriculas.dashboard.enrollments;

import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * The row of each enrollment id, by open addressing over the table's own id column: one long per slot,
 * where a HashMap would spend a node and a boxed row (about 50 bytes) on every enrollment. A slot holds the
 * id's hash beside its row, so a probe compares hashes in the slot array and reads an id only on a match:
 * at a million enrollments each id read is a cache miss. Not thread-safe: the store guards it.
 */
final class IdIndex {

    /** Row -1, a row no enrollment has. */
    private static final long EMPTY = -1L;

    private final IntFunction<String> idOfRow;
    private long[] slots = emptySlots(1024);
    private int size;

    IdIndex(IntFunction<String> idOfRow) {
        this.idOfRow = idOfRow;
    }

    int size() {
        return size;
    }

    /** The row holding the id, or -1. */
    int find(String id) {
        int slot = slotOf(id);
        return slot < 0 ? -1 : row(slots[slot]);
    }

    /** Records that {@code row} now holds {@code id}, which must not be indexed yet. */
    void add(String id, int row) {
        if ((size + 1) * 3L > slots.length * 2L) {
            grow();
        }
        put(slots, (long) hash(id) << 32 | row);
        size++;
    }

    /** Forgets the id; call before the row's id is cleared. */
    void remove(String id) {
        int mask = slots.length - 1;
        int hole = slotOf(id);
        slots[hole] = EMPTY;
        size--;
        // Shift back the entries after the hole that would no longer be found past it.
        for (int slot = (hole + 1) & mask; slots[slot] != EMPTY; slot = (slot + 1) & mask) {
            int wanted = hash(slots[slot]) & mask;
            boolean reachableWithoutHole = hole <= slot ? (hole < wanted && wanted <= slot) : (hole < wanted || wanted <= slot);
            if (!reachableWithoutHole) {
                slots[hole] = slots[slot];
                slots[slot] = EMPTY;
                hole = slot;
            }
        }
    }

    /** The slot holding the id, or -1. */
    private int slotOf(String id) {
        int hash = hash(id);
        int mask = slots.length - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            long entry = slots[slot];
            if (entry == EMPTY) {
                return -1;
            }
            if (hash(entry) == hash && idOfRow.apply(row(entry)).equals(id)) {
                return slot;
            }
        }
    }

    private void grow() {
        long[] bigger = emptySlots(slots.length * 2);
        for (long entry : slots) {
            if (entry != EMPTY) {
                put(bigger, entry);
            }
        }
        slots = bigger;
    }

    private static void put(long[] slots, long entry) {
        int mask = slots.length - 1;
        int slot = hash(entry) & mask;
        while (slots[slot] != EMPTY) {
            slot = (slot + 1) & mask;
        }
        slots[slot] = entry;
    }

    private static int hash(String id) {
        int hash = id.hashCode();
        return hash ^ (hash >>> 16);
    }

    private static int hash(long entry) {
        return (int) (entry >>> 32);
    }

    private static int row(long entry) {
        return (int) entry;
    }

    private static long[] emptySlots(int capacity) {
        long[] slots = new long[capacity];
        Arrays.fill(slots, EMPTY);
        return slots;
    }
}
