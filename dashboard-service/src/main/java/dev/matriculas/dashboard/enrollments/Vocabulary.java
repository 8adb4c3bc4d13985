package dev.matriculas.dashboard.enrollments;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct values of one field, each given a small index so enrollments are stored as numbers; a value's
 * label is its text ({@code toString}), so dates are kept as dates and written out only when shown.
 * Past {@code capacity} values, new ones share the last index, the "other" bucket, and are counted:
 * a flood of made-up course names cannot exhaust memory. Not thread-safe: the store guards it.
 */
final class Vocabulary<V> {

    static final String OTHER = "(outros)";

    private final int capacity;
    private final Map<V, Integer> indexes = new HashMap<>();
    private final List<V> values = new ArrayList<>();
    private long overflowed;

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
        if (values.size() < capacity) {
            values.add(value);
            indexes.put(value, values.size() - 1);
            return values.size() - 1;
        }
        overflowed++;
        return capacity;
    }

    /** Index of a value if it is known, else -1 (an unknown filter value matches nothing). */
    int find(V value) {
        Integer index = indexes.get(value);
        if (index != null) {
            return index;
        }
        return OTHER.equals(value) && overflowed > 0 ? capacity : -1;
    }

    String label(int index) {
        return index == capacity ? OTHER : values.get(index).toString();
    }

    /** Number of indexes in use, the "other" bucket included once it has been used. */
    int size() {
        return overflowed > 0 ? capacity + 1 : values.size();
    }

    /** Room needed by per-index counters: every value plus the "other" bucket. */
    int slots() {
        return capacity + 1;
    }

    long overflowed() {
        return overflowed;
    }
}
