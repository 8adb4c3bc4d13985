package dev.matriculas.dashboard.store;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The rows in one dense array, with each row's {@link Row#filterKey() filter key} in another beside it: a filtered
 * scan of a million rows reads 4 MB in order and follows only the rows it picks, where a walk through the rows
 * themselves would miss the cache at almost every one. A removed row's slot is used again. Not thread-safe: the
 * store guards it.
 */
final class Slots {

    private Row[] rows = new Row[1024];
    private int[] keys = new int[1024];
    private int highWater;
    private int[] free = new int[16];
    private int freeCount;

    int allocate() {
        if (freeCount > 0) {
            return free[--freeCount];
        }
        if (highWater == rows.length) {
            rows = Arrays.copyOf(rows, rows.length * 2);
            keys = Arrays.copyOf(keys, keys.length * 2);
        }
        return highWater++;
    }

    void set(Row row) {
        rows[row.slot()] = row;
        keys[row.slot()] = row.filterKey();
    }

    void release(int slot) {
        rows[slot] = null;
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, freeCount * 2);
        }
        free[freeCount++] = slot;
    }

    void forEach(Selection selection, Consumer<Row> action) {
        for (int slot = 0; slot < highWater; slot++) {
            // The key first: most rows fail it, and it is read in order.
            if (selection.matches(keys[slot]) && rows[slot] != null) {
                action.accept(rows[slot]);
            }
        }
    }

    /** The rows whose filter key, masked, equals {@code value}; a value no record holds gives a mask no key passes. */
    record Selection(int mask, int value) {

        static final Selection NOTHING = new Selection(0, 1);

        boolean matches(int key) {
            return (key & mask) == value;
        }
    }
}
