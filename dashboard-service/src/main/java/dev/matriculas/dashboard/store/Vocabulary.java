package dev.matriculas.dashboard.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct values of one field, each given a small index so enrollments are stored as numbers; a value's
 * label is its text ({@code toString}), so dates are kept as dates and written out only when shown.
 * Past {@code capacity} values, new ones share the last index, the "other" bucket, and are counted:
 * a flood of made-up course names cannot exhaust memory. A value spelled as the bucket's label goes in the
 * bucket too: as a value of its own, it and the bucket would be two figures under one name, and one would
 * hide the other. Not thread-safe: the store guards it.
 */
final class Vocabulary<V> {

    static final String OTHER = "(outros)";

    private final int capacity;
    private final Map<V, Integer> indexes = new HashMap<>();
    private final List<V> values = new ArrayList<>();
    private long overflowed;
    private boolean otherUsed;

    Vocabulary(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a vocabulary holds at least one value");
        }
        this.capacity = capacity;
    }

    int indexOf(V value) {
        Integer index = indexes.get(value);
        if (index != null) {
            return index;
        }
        if (OTHER.equals(value)) {
            otherUsed = true;
            return capacity;
        }
        if (values.size() < capacity) {
            values.add(value);
            indexes.put(value, values.size() - 1);
            return values.size() - 1;
        }
        overflowed++;
        otherUsed = true;
        return capacity;
    }

    /** Index of a value if it is known, else -1 (an unknown filter value matches nothing). */
    int find(V value) {
        Integer index = indexes.get(value);
        if (index != null) {
            return index;
        }
        return OTHER.equals(value) && otherUsed ? capacity : -1;
    }

    String label(int index) {
        return index == capacity ? OTHER : values.get(index).toString();
    }

    /**
     * Indexes to look at: every value's, and the "other" bucket's once it has been used (then some indexes
     * before it may hold no value yet; their counts are zero).
     */
    int size() {
        return otherUsed ? capacity + 1 : values.size();
    }

    /** Room needed by per-index counters: every value plus the "other" bucket. */
    int slots() {
        return capacity + 1;
    }

    long overflowed() {
        return overflowed;
    }
}
