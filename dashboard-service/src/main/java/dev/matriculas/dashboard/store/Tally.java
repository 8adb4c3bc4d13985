package dev.matriculas.dashboard.store;

import java.util.Arrays;

/**
 * Counts of enrollments by every dimension the dashboard shows. The store keeps one for everything, moved by
 * each change, and builds a fresh one by a scan when a filter is asked for: one way of counting for both.
 * Arrays indexed by vocabulary code, so counting a row costs no lookup. Not thread-safe: the store guards it.
 */
final class Tally {

    static final int ARRIVAL_BUCKET_MILLIS = 10_000;
    static final int ARRIVAL_BUCKETS = 360;

    final Vocabularies vocabularies;
    long total;
    final int[] byCourse;
    final int[] byShift;
    final int[] byPayment;
    final int[] bySex;
    final int[] byResponsible;
    final int[] byAge = new int[128];
    final int[] byEnrollmentDate;
    private final int[] courseByShift;
    /** Arrivals per 10 s bucket by record timestamp; each ring slot remembers which bucket it holds. */
    private final long[] arrivalBucket = new long[ARRIVAL_BUCKETS];
    private final int[] arrivals = new int[ARRIVAL_BUCKETS];

    Tally(Vocabularies vocabularies) {
        this.vocabularies = vocabularies;
        byCourse = new int[vocabularies.courses.slots()];
        byShift = new int[vocabularies.shifts.slots()];
        byPayment = new int[vocabularies.payments.slots()];
        bySex = new int[vocabularies.sexes.slots()];
        byResponsible = new int[vocabularies.responsibles.slots()];
        byEnrollmentDate = new int[vocabularies.enrollmentDates.slots()];
        courseByShift = new int[byCourse.length * byShift.length];
        Arrays.fill(arrivalBucket, -1);
    }

    /** Adds ({@code sign} 1) or takes away ({@code sign} -1) one row. */
    void count(Row row, int sign) {
        total += sign;
        byCourse[row.course()] += sign;
        byShift[row.shift()] += sign;
        byPayment[row.payment()] += sign;
        bySex[row.sex()] += sign;
        byResponsible[row.responsible()] += sign;
        byAge[row.age()] += sign;
        courseByShift[row.course() * byShift.length + row.shift()] += sign;
        byEnrollmentDate[row.enrollmentDate()] += sign;
        countArrival(row.timestamp(), sign);
    }

    private void countArrival(long timestamp, int sign) {
        long bucket = Math.floorDiv(timestamp, ARRIVAL_BUCKET_MILLIS);
        int slot = (int) Math.floorMod(bucket, ARRIVAL_BUCKETS);
        if (arrivalBucket[slot] == bucket) {
            arrivals[slot] += sign;
        } else if (arrivalBucket[slot] < bucket && sign > 0) {
            // A newer bucket takes the slot of one that has left the hour.
            arrivalBucket[slot] = bucket;
            arrivals[slot] = 1;
        }
    }

    int courseByShift(int course, int shift) {
        return courseByShift[course * byShift.length + shift];
    }

    /** Arrivals in the bucket, 0 when it is not (or no longer) kept. */
    int arrivalsIn(long bucket) {
        int slot = (int) Math.floorMod(bucket, ARRIVAL_BUCKETS);
        return arrivalBucket[slot] == bucket ? arrivals[slot] : 0;
    }
}
