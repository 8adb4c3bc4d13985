package dev.matriculas.dashboard.enrollments;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.function.IntPredicate;

/**
 * Finds the newest enrollments by record timestamp (ties broken by id), so every instance shows the same
 * rows whatever order it read the partitions in. The newest {@code kept} rows are held in order and moved
 * with each change; a removal that may have let an unkept row in costs one scan of the table. A filtered
 * view finds its own newest rows in the scan that counts it ({@link Top}). Not thread-safe: the store guards it.
 */
final class NewestRows {

    private final EnrollmentTable table;
    private final int kept;
    /** Newest first. */
    private final Comparator<Integer> newestFirst;
    private final TreeSet<Integer> rows;
    /** False once a kept row left while older rows were not kept: then only a scan knows the true order. */
    private boolean exact = true;

    NewestRows(EnrollmentTable table, int kept) {
        this.table = table;
        this.kept = kept;
        this.newestFirst = Comparator.<Integer>comparingLong(row -> table.timestamp[row]).reversed()
                .thenComparing(row -> table.id(row), Comparator.reverseOrder());
        this.rows = new TreeSet<>(newestFirst);
    }

    /** After the row was stored. */
    void added(int row) {
        if (!exact) {
            return;
        }
        if (rows.size() < kept || newestFirst.compare(row, rows.last()) < 0) {
            rows.add(row);
            if (rows.size() > kept) {
                rows.pollLast();
            }
        }
    }

    /** Before the row is removed from the table. */
    void removing(int row) {
        if (rows.remove(row) && table.size() > rows.size() + 1) {
            exact = false;
        }
    }

    /** The newest rows that {@code matches} accepts, at most {@code limit}, newest first. */
    List<Integer> newest(IntPredicate matches, int limit) {
        if (!exact) {
            Top top = new Top(kept);
            for (int row = 0, end = table.highWater(); row < end; row++) {
                if (table.inUse(row)) {
                    top.offer(row);
                }
            }
            rows.clear();
            rows.addAll(top.rows());
            exact = true;
        }
        List<Integer> result = new ArrayList<>(limit);
        for (int row : rows) {
            if (result.size() == limit) {
                break;
            }
            if (matches.test(row)) {
                result.add(row);
            }
        }
        return result;
    }

    /** A bounded newest-first list, filled by one pass over rows in any order. */
    final class Top {
        private final int[] rows;
        private int size;

        Top(int limit) {
            rows = new int[limit];
        }

        void offer(int row) {
            // A top of no rows keeps none: the figures of a subset were asked without their newest rows.
            if (rows.length == 0 || size == rows.length && !newer(row, rows[size - 1])) {
                return;
            }
            int at = size == rows.length ? size - 1 : size++;
            while (at > 0 && newer(row, rows[at - 1])) {
                rows[at] = rows[at - 1];
                at--;
            }
            rows[at] = row;
        }

        List<Integer> rows() {
            List<Integer> result = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                result.add(rows[i]);
            }
            return result;
        }
    }

    Top top(int limit) {
        return new Top(limit);
    }

    private boolean newer(int row, int than) {
        return newestFirst.compare(row, than) < 0;
    }
}
