package dev.matriculas.dashboard.enrollments;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.TreeSet;
import java.util.function.IntPredicate;

/**
 * Finds the newest enrollments by record timestamp (ties broken by id), so every instance shows the same
 * rows whatever order it read the partitions in. The newest {@code kept} rows are held in order and moved
 * with each change; a filter that the kept rows cannot satisfy, or a removal that may have let an unkept
 * row in, falls back to one scan of the table. Not thread-safe: the store guards it.
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
            rows.clear();
            rows.addAll(scan(row -> true, kept));
            exact = true;
        }
        List<Integer> result = new ArrayList<>(limit);
        for (int row : rows) {
            if (result.size() == limit) {
                return result;
            }
            if (matches.test(row)) {
                result.add(row);
            }
        }
        boolean everyRowKept = rows.size() == table.size();
        return everyRowKept ? result : scan(matches, limit);
    }

    private List<Integer> scan(IntPredicate matches, int limit) {
        PriorityQueue<Integer> newest = new PriorityQueue<>(newestFirst.reversed());
        for (int row = 0, end = table.highWater(); row < end; row++) {
            if (table.inUse(row) && matches.test(row)) {
                newest.add(row);
                if (newest.size() > limit) {
                    newest.poll();
                }
            }
        }
        List<Integer> result = new ArrayList<>(newest);
        result.sort(newestFirst);
        return result;
    }
}
