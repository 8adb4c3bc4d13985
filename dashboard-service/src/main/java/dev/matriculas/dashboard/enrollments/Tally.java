package dev.matriculas.dashboard.enrollments;

/**
 * Counts of enrollments by every dimension the dashboard shows. The store keeps one for everything,
 * moved by each change, and builds a fresh one by a scan when a filter is asked for: one way of counting
 * for both.
 */
final class Tally {

    static final int ARRIVAL_BUCKET_MILLIS = 10_000;
    static final int ARRIVAL_BUCKETS = 360;

    long total;
    final int[] byCourse;
    final int[] byShift;
    final int[] byPayment;
    final int[] bySex;
    final int[] byResponsible;
    final int[] byAge = new int[128];
    final int[] courseByShift;
    final int[] byEnrollmentDate;
    private final int shiftSlots;
    /** Arrivals per 10 s bucket by record timestamp; each ring slot remembers which bucket it holds. */
    final long[] arrivalBucket = new long[ARRIVAL_BUCKETS];
    final int[] arrivals = new int[ARRIVAL_BUCKETS];

    Tally(EnrollmentTable table) {
        byCourse = new int[table.courses.slots()];
        byShift = new int[table.shifts.slots()];
        byPayment = new int[table.payments.slots()];
        bySex = new int[table.sexes.slots()];
        byResponsible = new int[table.responsibles.slots()];
        shiftSlots = table.shifts.slots();
        courseByShift = new int[byCourse.length * shiftSlots];
        byEnrollmentDate = new int[table.enrollmentDates.slots()];
        java.util.Arrays.fill(arrivalBucket, -1);
    }

    /** Adds ({@code sign} 1) or takes away ({@code sign} -1) one row. */
    void count(EnrollmentTable table, int row, int sign) {
        total += sign;
        byCourse[table.course[row]] += sign;
        byShift[table.shift[row]] += sign;
        byPayment[table.payment[row]] += sign;
        bySex[table.sex[row]] += sign;
        byResponsible[table.responsible[row]] += sign;
        byAge[table.age[row]] += sign;
        courseByShift[table.course[row] * shiftSlots + table.shift[row]] += sign;
        byEnrollmentDate[table.enrollmentDate[row]] += sign;
        countArrival(table.timestamp[row], sign);
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
        return courseByShift[course * shiftSlots + shift];
    }

    /** Arrivals in the bucket, 0 when it is not (or no longer) kept. */
    int arrivalsIn(long bucket) {
        int slot = (int) Math.floorMod(bucket, ARRIVAL_BUCKETS);
        return arrivalBucket[slot] == bucket ? arrivals[slot] : 0;
    }
}
