package dev.matriculas.dashboard.enrollments;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import dev.matriculas.contract.Enrollment;
import dev.matriculas.dashboard.DashboardProperties;
import org.springframework.stereotype.Component;

/**
 * The enrollments now current on the topic, folded record by record: the same id again replaces the
 * earlier version, a tombstone removes it, so replays and retries never inflate a figure. Figures for
 * everything are kept up to date as records arrive; filtered figures are counted by a scan of compact
 * columns. Thread-safe: the folder thread writes while requests read.
 */
@Component
public class EnrollmentStore {

    private static final int EXPORT_CHUNK = 10_000;

    /**
     * How far ahead of this clock a record's timestamp (the producer's clock) may be. Further ahead, it would
     * hold a bar of the arrivals chart that the present never reaches, and the top of the newest rows for
     * good: such a record counts as arriving now.
     */
    private static final long TIMESTAMP_AHEAD_ALLOWED_MILLIS = 60_000;

    private final Clock clock;
    private final EnrollmentTable table;
    private final Tally all;
    private final NewestRows newestRows;
    private long version;
    /** Milliseconds, not an {@code Instant}: a replay changes the store a million times in a few seconds. */
    private long updatedAtMillis;
    private long timestampsAhead;

    public EnrollmentStore(DashboardProperties properties, Clock clock) {
        this.clock = clock;
        this.table = new EnrollmentTable(properties.categoryLimits());
        this.all = new Tally(table);
        this.newestRows = new NewestRows(table, properties.newestRows());
    }

    /** Adds an enrollment, or replaces the one with the same id. */
    public synchronized void put(Enrollment enrollment, long recordTimestamp) {
        long now = clock.millis();
        long timestamp = recordTimestamp;
        if (timestamp > now + TIMESTAMP_AHEAD_ALLOWED_MILLIS) {
            timestampsAhead++;
            timestamp = now;
        }
        byte[] id = Ids.utf8(enrollment.id());
        int existing = table.rowOf(id);
        if (existing >= 0) {
            forget(existing);
        }
        int row = table.insert(id, enrollment, timestamp);
        all.count(table, row, 1);
        newestRows.added(row);
        changed(now);
    }

    /** Removes an enrollment (a tombstone on the topic); an unknown id changes nothing. */
    public synchronized void remove(String id) {
        int row = table.rowOf(Ids.utf8(id));
        if (row >= 0) {
            forget(row);
            changed(clock.millis());
        }
    }

    private void forget(int row) {
        all.count(table, row, -1);
        newestRows.removing(row);
        table.remove(row);
    }

    private void changed(long now) {
        version++;
        updatedAtMillis = now;
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
        return table.size();
    }

    public synchronized Figures figures(Filter filter, int newestLimit) {
        Tally tally;
        List<Enrollment> newest;
        if (filter.isEmpty()) {
            tally = all;
            newest = read(newestRows.newest(newestLimit));
        } else {
            // One pass over the columns counts the subset and finds its newest rows.
            Matcher matcher = new Matcher(filter);
            tally = new Tally(table);
            NewestRows.Top top = newestRows.top(newestLimit);
            for (int row = 0, end = table.highWater(); row < end; row++) {
                // The filter first: it reads two small byte columns, and most rows fail it.
                if (matcher.matches(row) && table.inUse(row)) {
                    tally.count(table, row, 1);
                    top.offer(row);
                }
            }
            newest = read(top.rows());
        }
        return new Figures(
                tally.total,
                version == 0 ? null : Instant.ofEpochMilli(updatedAtMillis),
                counts(table.courses, tally.byCourse),
                counts(table.payments, tally.byPayment),
                counts(table.shifts, tally.byShift),
                percents(table.shifts, tally.byShift, tally.total),
                counts(table.sexes, tally.bySex),
                counts(table.responsibles, tally.byResponsible),
                ageHistogram(tally.byAge),
                courseByShift(tally),
                arrivals(tally),
                enrollmentDates(tally.byEnrollmentDate),
                mostCommon(tally),
                newest,
                overflow());
    }

    /**
     * Hands every current enrollment the filter matches to {@code sink}, a chunk of rows at a time so the folder
     * is never held up for long; changes made meanwhile may or may not show.
     */
    public void forEach(Filter filter, Consumer<Enrollment> sink) {
        int start = 0;
        while (true) {
            List<Enrollment> chunk = new ArrayList<>(EXPORT_CHUNK);
            synchronized (this) {
                // Resolved again for each chunk: a value first seen meanwhile gets its index then.
                Matcher matcher = new Matcher(filter);
                int end = Math.min(table.highWater(), start + EXPORT_CHUNK);
                for (int row = start; row < end; row++) {
                    if (matcher.matches(row) && table.inUse(row)) {
                        chunk.add(table.read(row));
                    }
                }
                if (start >= table.highWater()) {
                    return;
                }
                start = end;
            }
            chunk.forEach(sink);
        }
    }

    private List<Enrollment> read(List<Integer> rows) {
        return rows.stream().map(table::read).toList();
    }

    /** A filter resolved to vocabulary indexes once, then compared as numbers row by row. */
    private final class Matcher {
        private final int course;
        private final int shift;
        private final int payment;
        private final int sex;

        Matcher(Filter filter) {
            course = resolve(table.courses, filter.course());
            shift = resolve(table.shifts, filter.shift());
            payment = resolve(table.payments, filter.payment());
            sex = resolve(table.sexes, filter.sex());
        }

        private static int resolve(Vocabulary<String> vocabulary, String value) {
            return value == null ? ANY : Math.max(vocabulary.find(value), NOTHING);
        }

        boolean matches(int row) {
            return (course == ANY || course == table.course[row])
                    && (shift == ANY || shift == table.shift[row])
                    && (payment == ANY || payment == table.payment[row])
                    && (sex == ANY || sex == table.sex[row]);
        }
    }

    private static final int ANY = -2;
    /** Stands for a filter value no record holds: no row has a negative index. */
    private static final int NOTHING = -1;

    private static Map<String, Integer> counts(Vocabulary<?> vocabulary, int[] counts) {
        Map<String, Integer> result = new TreeMap<>();
        for (int i = 0; i < vocabulary.size(); i++) {
            if (counts[i] > 0) {
                result.put(vocabulary.label(i), counts[i]);
            }
        }
        return result;
    }

    private static Map<String, Double> percents(Vocabulary<?> vocabulary, int[] counts, long total) {
        Map<String, Double> result = new TreeMap<>();
        for (int i = 0; i < vocabulary.size(); i++) {
            if (counts[i] > 0) {
                result.put(vocabulary.label(i), Math.round(counts[i] * 1000.0 / total) / 10.0);
            }
        }
        return result;
    }

    private static Map<String, Integer> ageHistogram(int[] byAge) {
        Map<String, Integer> result = new LinkedHashMap<>();
        int first = 0;
        while (first < byAge.length && byAge[first] == 0) {
            first++;
        }
        int last = byAge.length - 1;
        while (last >= first && byAge[last] == 0) {
            last--;
        }
        if (first > last) {
            return result;
        }
        for (int from = first - first % 5; from <= last; from += 5) {
            int count = 0;
            for (int age = from; age < from + 5 && age < byAge.length; age++) {
                count += byAge[age];
            }
            result.put(from + "-" + (from + 4), count);
        }
        return result;
    }

    private Map<String, Map<String, Integer>> courseByShift(Tally tally) {
        Map<String, Map<String, Integer>> result = new TreeMap<>();
        for (int c = 0; c < table.courses.size(); c++) {
            Map<String, Integer> shifts = new TreeMap<>();
            for (int s = 0; s < table.shifts.size(); s++) {
                int count = tally.courseByShift(c, s);
                if (count > 0) {
                    shifts.put(table.shifts.label(s), count);
                }
            }
            if (!shifts.isEmpty()) {
                result.put(table.courses.label(c), shifts);
            }
        }
        return result;
    }

    private Figures.Arrivals arrivals(Tally tally) {
        long lastBucket = Math.floorDiv(clock.millis(), Tally.ARRIVAL_BUCKET_MILLIS);
        long firstBucket = lastBucket - Tally.ARRIVAL_BUCKETS + 1;
        int[] counts = new int[Tally.ARRIVAL_BUCKETS];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = tally.arrivalsIn(firstBucket + i);
        }
        return new Figures.Arrivals(Instant.ofEpochMilli(firstBucket * Tally.ARRIVAL_BUCKET_MILLIS),
                Tally.ARRIVAL_BUCKET_MILLIS / 1000, counts);
    }

    private Map<String, Integer> enrollmentDates(int[] byDate) {
        // ISO dates sort as text; the "other" bucket, "(outros)", sorts before every date.
        return counts(table.enrollmentDates, byDate);
    }

    private Figures.MostCommon mostCommon(Tally tally) {
        if (tally.total == 0) {
            return new Figures.MostCommon(null, null, null, null, null, null);
        }
        return new Figures.MostCommon(
                table.courses.label(argMax(tally.byCourse)),
                table.shifts.label(argMax(tally.byShift)),
                table.payments.label(argMax(tally.byPayment)),
                table.sexes.label(argMax(tally.bySex)),
                argMax(tally.byAge),
                table.responsibles.label(argMax(tally.byResponsible)));
    }

    /** Index of the largest count; the first one on a tie, so the answer is stable. */
    private static int argMax(int[] counts) {
        int best = 0;
        for (int i = 1; i < counts.length; i++) {
            if (counts[i] > counts[best]) {
                best = i;
            }
        }
        return best;
    }

    private Map<String, Long> overflow() {
        Map<String, Long> result = new LinkedHashMap<>();
        result.put("course", table.courses.overflowed());
        result.put("shift", table.shifts.overflowed());
        result.put("payment", table.payments.overflowed());
        result.put("sex", table.sexes.overflowed());
        result.put("financiallyResponsible", table.responsibles.overflowed());
        result.put("enrollmentDate", table.enrollmentDates.overflowed());
        return Collections.unmodifiableMap(result);
    }
}
