package dev.matriculas.dashboard.store;

import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The newest rows, at most {@code limit}, by record timestamp with ties broken by id, so every instance shows
 * the same rows whatever order it read the partitions in. Not thread-safe: the store guards it.
 */
final class Newest {

    static final Comparator<Row> NEWEST_FIRST =
            Comparator.comparingLong(Row::timestamp).thenComparing(Row::id).reversed();

    private final TreeSet<Row> rows = new TreeSet<>(NEWEST_FIRST);
    private final int limit;

    Newest(int limit) {
        this.limit = limit;
    }

    void offer(Row row) {
        if (rows.size() < limit) {
            rows.add(row);
        } else if (limit > 0 && NEWEST_FIRST.compare(row, rows.last()) < 0) {
            rows.pollLast();
            rows.add(row);
        }
    }

    /** Whether the row was one of these. */
    boolean remove(Row row) {
        return rows.remove(row);
    }

    int size() {
        return rows.size();
    }

    /** Newest first, at most {@code count}. */
    List<Row> first(int count) {
        return rows.stream().limit(count).toList();
    }
}
