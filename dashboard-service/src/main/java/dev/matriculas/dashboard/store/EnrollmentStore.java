package dev.matriculas.dashboard.store;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.matriculas.contract.Enrollment;
import dev.matriculas.dashboard.DashboardProperties;
import org.springframework.stereotype.Component;

/**
 * The enrollments now current on the topic, by id: the same id again replaces the earlier version, a tombstone
 * removes it, so replays and retries never inflate a figure. Figures for everything are kept up to date as
 * records arrive; filtered figures are counted by a scan of the rows' filter keys ({@link Slots}). Everything is
 * synchronized; the export picks its rows under the lock, a scan of milliseconds, and writes them out after it.
 */
@Component
public class EnrollmentStore {

    /**
     * How far ahead of this clock a record's timestamp (the producer's clock) may be. Further ahead, it would
     * hold a bar of the arrivals chart that the present never reaches, and the top of the newest rows for
     * good: such a record counts as arriving now.
     */
    private static final long TIMESTAMP_AHEAD_ALLOWED_MILLIS = 60_000;

    private final Clock clock;
    private final Map<String, Row> rows = new HashMap<>();
    private final Slots slots = new Slots();
    private final Vocabularies vocabularies;
    private final Tally all;
    private final int newestKept;
    private Newest newest;
    /** True while every row newer than the last of {@link #newest} is in it; a removal from it can break that. */
    private boolean newestExact = true;
    private long version;
    /** Milliseconds, not an {@code Instant}: a replay changes the store a million times in a few seconds. */
    private long updatedAtMillis;
    private long timestampsAhead;
    /** Told of every change; cheap, as it runs while the store is locked. */
    private volatile Runnable onChange = () -> { };

    public EnrollmentStore(DashboardProperties properties, Clock clock) {
        this.clock = clock;
        this.vocabularies = new Vocabularies(properties.categoryLimits());
        this.all = new Tally(vocabularies);
        this.newestKept = properties.newestRows();
        this.newest = new Newest(newestKept);
    }

    /**
     * Makes the changes, in order, as one: a consumer hands over a whole batch at once, so the store is locked once
     * a batch, not once a record, while the other consumers go on parsing theirs.
     */
    public synchronized void apply(List<Change> changes) {
        long now = clock.millis();
        boolean changed = false;
        for (Change change : changes) {
            if (change.removes()) {
                changed |= delete(change.id());
            } else {
                add(change.enrollment(), change.timestamp(), now);
                changed = true;
            }
        }
        if (changed) {
            changed(now);
        }
    }

    private void add(Enrollment enrollment, long recordTimestamp, long now) {
        long timestamp = recordTimestamp;
        if (timestamp > now + TIMESTAMP_AHEAD_ALLOWED_MILLIS) {
            timestampsAhead++;
            timestamp = now;
        }
        // One look-up of the id: a new one is the common case, and at a million ids each look-up misses the cache.
        Row row = vocabularies.row(enrollment, slots.allocate(), timestamp);
        slots.set(row);
        Row earlier = rows.put(row.id(), row);
        if (earlier != null) {
            forget(earlier);
            slots.release(earlier.slot());
        }
        all.count(row, 1);
        newest.offer(row);
    }

    private boolean delete(String id) {
        Row row = rows.remove(id);
        if (row == null) {
            return false;
        }
        forget(row);
        slots.release(row.slot());
        return true;
    }

    private void forget(Row row) {
        all.count(row, -1);
        if (newest.remove(row) && rows.size() > newest.size()) {
            newestExact = false;
        }
    }

    private void changed(long now) {
        version++;
        updatedAtMillis = now;
        onChange.run();
    }

    /** The one party told of each change as it happens (the live streams), so that it need not poll. */
    public void onChange(Runnable listener) {
        this.onChange = listener;
    }

    /** Records whose timestamp was too far ahead of this clock, counted as arriving when read. */
    public synchronized long timestampsAhead() {
        return timestampsAhead;
    }

    /** Grows with every change: readers compare it to tell whether anything moved. */
    public synchronized long version() {
        return version;
    }

    public synchronized int size() {
        return rows.size();
    }

    public synchronized SubsetFigures figures(Filter filter, int newestLimit) {
        Tally tally;
        List<Row> newestRows;
        if (filter.isEmpty()) {
            if (!newestExact) {
                newest = new Newest(newestKept);
                rows.values().forEach(newest::offer);
                newestExact = true;
            }
            tally = all;
            newestRows = newest.first(newestLimit);
        } else {
            // One pass over the rows counts the subset and finds its newest rows.
            Tally subset = new Tally(vocabularies);
            Newest subsetNewest = new Newest(newestLimit);
            slots.forEach(vocabularies.selection(filter), row -> {
                subset.count(row, 1);
                subsetNewest.offer(row);
            });
            tally = subset;
            newestRows = subsetNewest.first(newestLimit);
        }
        return SubsetFigures.of(tally, version == 0 ? null : Instant.ofEpochMilli(updatedAtMillis), clock.millis(),
                newestRows.stream().map(vocabularies::enrollment).toList());
    }

    /** Hands every current enrollment the filter matches to {@code sink}; changes made meanwhile may or may not show. */
    public void forEach(Filter filter, Consumer<Enrollment> sink) {
        List<Row> matching = new ArrayList<>();
        synchronized (this) {
            slots.forEach(vocabularies.selection(filter), matching::add);
        }
        for (Row row : matching) {
            Enrollment enrollment;
            synchronized (this) {
                enrollment = vocabularies.enrollment(row);
            }
            sink.accept(enrollment);
        }
    }
}
