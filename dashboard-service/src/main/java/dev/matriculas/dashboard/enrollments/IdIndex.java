package dev.matriculas.dashboard.enrollments;

import java.util.Arrays;

/**
 * The row of each enrollment id, by open addressing over the table's own ids ({@link Ids}): one long per slot,
 * where a HashMap would spend a node and a boxed row (about 50 bytes) on every enrollment. A slot holds the
 * id's hash beside its row, so a probe compares hashes in the slot array and reads an id only on a match:
 * at a million enrollments each id read is a cache miss. Not thread-safe: the store guards it.
 */
final class IdIndex {

    /** Row -1, a row no enrollment has. */
    private static final long EMPTY = -1L;

    private final Ids ids;
    private long[] slots = emptySlots(1024);
    private int size;

    IdIndex(Ids ids) {
        this.ids = ids;
    }

    int size() {
        return size;
    }

    /** The row holding the id (its UTF-8 bytes and their {@link Ids#hash}), or -1. */
    int find(byte[] id, int hash) {
        int mask = slots.length - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            long entry = slots[slot];
            if (entry == EMPTY) {
                return -1;
            }
            if (hash(entry) == hash && ids.is(row(entry), id)) {
                return row(entry);
            }
        }
    }

    /** Records that {@code row} now holds an id of this hash, which must not be indexed yet. */
    void add(int hash, int row) {
        if ((size + 1) * 3L > slots.length * 2L) {
            grow();
        }
        put(slots, entry(hash, row));
        size++;
    }

    /** Forgets the row, which holds an id of this hash. */
    void remove(int hash, int row) {
        int mask = slots.length - 1;
        long removed = entry(hash, row);
        int hole = hash & mask;
        while (slots[hole] != removed) {
            if (slots[hole] == EMPTY) {
                throw new IllegalStateException("row " + row + " is not in the index");
            }
            hole = (hole + 1) & mask;
        }
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

    private static long entry(int hash, int row) {
        return (long) hash << 32 | row;
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
