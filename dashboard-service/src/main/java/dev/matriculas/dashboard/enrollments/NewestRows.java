package dev.matriculas.dashboard.enrollments;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the newest enrollments by record timestamp (ties broken by id), so every instance shows the same
 * rows whatever order it read the partitions in. The newest {@code kept} rows are held in order and moved
 * with each change; a removal that may have let an unkept row in costs one scan of the table. A filtered
 * view finds its own newest rows in the scan that counts it ({@link Top}). Not thread-safe: the store guards it.
 */
final class NewestRows {

    private final EnrollmentTable table;
    private final int kept;
    /**
     * The kept rows, oldest first, in {@code rows[start..end)}. Records mostly arrive newest, so a row is
     * usually appended at the end and the oldest dropped by moving {@code start}; the window slides back to
     * the front only when it reaches the end of the array, once every {@code kept} rows.
     */
    private final int[] rows;
    private int start;
    private int end;
    /** False once a kept row left while older rows were not kept: then only a scan knows the true order. */
    private boolean exact = true;

    NewestRows(EnrollmentTable table, int kept) {
        this.table = table;
        this.kept = kept;
        this.rows = new int[2 * kept + 1];
    }

    /** After the row was stored. */
    void added(int row) {
        if (!exact || end - start == kept && (kept == 0 || !newer(row, rows[start]))) {
            return;
        }
        if (end == rows.length) {
            System.arraycopy(rows, start, rows, 0, end - start);
            end -= start;
            start = 0;
        }
        int at = insertionPoint(row);
        System.arraycopy(rows, at, rows, at + 1, end - at);
        rows[at] = row;
        end++;
        if (end - start > kept) {
            start++;
        }
    }

    /** Before the row is removed from the table. */
    void removing(int row) {
        int at = insertionPoint(row) - 1;
        if (at >= start && rows[at] == row) {
            System.arraycopy(rows, at + 1, rows, at, end - at - 1);
            end--;
            if (table.size() > end - start + 1) {
                exact = false;
            }
        }
    }

    /** Where the row goes to keep the order: after every kept row that is not newer than it. */
    private int insertionPoint(int row) {
        if (end == start || !newer(rows[end - 1], row)) {
            return end;
        }
        int low = start;
        int high = end - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (newer(rows[middle], row)) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    /** The newest rows, at most {@code limit} (and at most the {@code kept}), newest first. */
    List<Integer> newest(int limit) {
        if (!exact) {
            Top top = new Top(kept);
            for (int row = 0, last = table.highWater(); row < last; row++) {
                if (table.inUse(row)) {
                    top.offer(row);
                }
            }
            start = 0;
            end = top.size;
            for (int i = 0; i < top.size; i++) {
                rows[end - 1 - i] = top.rows[i];
            }
            exact = true;
        }
        List<Integer> result = new ArrayList<>(limit);
        for (int i = end - 1; i >= start && result.size() < limit; i--) {
            result.add(rows[i]);
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

    /** Whether {@code row} comes before {@code than} in newest-first order: a later timestamp, or on a tie a greater id. */
    private boolean newer(int row, int than) {
        long timestamp = table.timestamp[row];
        long thanTimestamp = table.timestamp[than];
        return timestamp != thanTimestamp ? timestamp > thanTimestamp : table.ids.compare(row, than) > 0;
    }
}
