package dev.matriculas.dashboard.enrollments;

import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * The row of each enrollment id, by open addressing over the table's own id column: a plain int per slot,
 * where a HashMap would spend a node and a boxed row (about 50 bytes) on every enrollment.
 * Not thread-safe: the store guards it.
 */
final class IdIndex {

    private static final int EMPTY = -1;

    private final IntFunction<String> idOfRow;
    private int[] slots = emptySlots(1024);
    private int size;

    IdIndex(IntFunction<String> idOfRow) {
        this.idOfRow = idOfRow;
    }

    int size() {
        return size;
    }

    /** The row holding the id, or -1. */
    int find(String id) {
        int mask = slots.length - 1;
        for (int slot = home(id, mask); ; slot = (slot + 1) & mask) {
            int row = slots[slot];
            if (row == EMPTY || idOfRow.apply(row).equals(id)) {
                return row;
            }
        }
    }

    /** Records that {@code row} now holds {@code id}, which must not be indexed yet. */
    void add(String id, int row) {
        if ((size + 1) * 3L > slots.length * 2L) {
            grow();
        }
        put(slots, id, row);
        size++;
    }

    /** Forgets the id; call before the row's id is cleared. */
    void remove(String id) {
        int mask = slots.length - 1;
        int hole = home(id, mask);
        while (!idOfRow.apply(slots[hole]).equals(id)) {
            hole = (hole + 1) & mask;
        }
        slots[hole] = EMPTY;
        size--;
        // Shift back the entries after the hole that would no longer be found past it.
        for (int slot = (hole + 1) & mask; slots[slot] != EMPTY; slot = (slot + 1) & mask) {
            int wanted = home(idOfRow.apply(slots[slot]), mask);
            boolean reachableWithoutHole = hole <= slot ? (hole < wanted && wanted <= slot) : (hole < wanted || wanted <= slot);
            if (!reachableWithoutHole) {
                slots[hole] = slots[slot];
                slots[slot] = EMPTY;
                hole = slot;
            }
        }
    }

    private void grow() {
        int[] bigger = emptySlots(slots.length * 2);
        for (int row : slots) {
            if (row != EMPTY) {
                put(bigger, idOfRow.apply(row), row);
            }
        }
        slots = bigger;
    }

    private static void put(int[] slots, String id, int row) {
        int mask = slots.length - 1;
        int slot = home(id, mask);
        while (slots[slot] != EMPTY) {
            slot = (slot + 1) & mask;
        }
        slots[slot] = row;
    }

    private static int home(String id, int mask) {
        int hash = id.hashCode();
        return (hash ^ (hash >>> 16)) & mask;
    }

    private static int[] emptySlots(int capacity) {
        int[] slots = new int[capacity];
        Arrays.fill(slots, EMPTY);
        return slots;
    }
}
