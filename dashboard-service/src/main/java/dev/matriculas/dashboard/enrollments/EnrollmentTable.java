package dev.matriculas.dashboard.enrollments;

import java.time.LocalDate;
import java.util.Arrays;

import dev.matriculas.contract.Enrollment;

/**
 * The current enrollments, one row per id, stored column by column as small numbers (about 30 bytes a
 * row besides the id, kept as bytes in {@link Ids}) rather than as JSON or maps. Not thread-safe: the store
 * guards it.
 */
final class EnrollmentTable {

    private static final int INITIAL_CAPACITY = 1024;

    final Vocabulary<String> courses;
    final Vocabulary<String> shifts;
    final Vocabulary<String> payments;
    final Vocabulary<String> sexes;
    final Vocabulary<String> responsibles;
    final Vocabulary<LocalDate> enrollmentDates;

    final Ids ids = new Ids(INITIAL_CAPACITY);
    private final IdIndex rowById = new IdIndex(ids);
    byte[] course = new byte[INITIAL_CAPACITY];
    byte[] shift = new byte[INITIAL_CAPACITY];
    byte[] payment = new byte[INITIAL_CAPACITY];
    byte[] sex = new byte[INITIAL_CAPACITY];
    byte[] responsible = new byte[INITIAL_CAPACITY];
    byte[] age = new byte[INITIAL_CAPACITY];
    private byte[] duration = new byte[INITIAL_CAPACITY];
    private int[] courseStart = new int[INITIAL_CAPACITY];
    short[] enrollmentDate = new short[INITIAL_CAPACITY];
    private int[] enrollmentDay = new int[INITIAL_CAPACITY];
    long[] timestamp = new long[INITIAL_CAPACITY];
    private int highWater;
    private int[] freeRows = new int[16];
    private int freeCount;

    EnrollmentTable(CategoryLimits limits) {
        courses = new Vocabulary<>(limits.courses());
        shifts = new Vocabulary<>(limits.shifts());
        payments = new Vocabulary<>(limits.payments());
        sexes = new Vocabulary<>(limits.sexes());
        responsibles = new Vocabulary<>(limits.financiallyResponsible());
        enrollmentDates = new Vocabulary<>(limits.enrollmentDates());
    }

    int size() {
        return rowById.size();
    }

    /** The row of an id (its UTF-8 bytes), or -1. */
    int rowOf(byte[] id) {
        return rowById.find(id, Ids.hash(id));
    }

    /** Stores a new enrollment, whose id is {@code id} in UTF-8, as the newest row and returns the row. */
    int insert(byte[] id, Enrollment enrollment, long recordTimestamp) {
        int row = freeCount > 0 ? freeRows[--freeCount] : nextRow();
        ids.set(row, id);
        rowById.add(Ids.hash(id), row);
        course[row] = (byte) courses.indexOf(enrollment.course());
        shift[row] = (byte) shifts.indexOf(enrollment.shift());
        payment[row] = (byte) payments.indexOf(enrollment.payment());
        sex[row] = (byte) sexes.indexOf(enrollment.sex());
        responsible[row] = (byte) responsibles.indexOf(enrollment.financiallyResponsible());
        age[row] = (byte) enrollment.age();
        duration[row] = (byte) enrollment.durationSemesters();
        courseStart[row] = (int) enrollment.courseStart().toEpochDay();
        enrollmentDate[row] = (short) enrollmentDates.indexOf(enrollment.enrollmentDate());
        enrollmentDay[row] = (int) enrollment.enrollmentDate().toEpochDay();
        timestamp[row] = recordTimestamp;
        return row;
    }

    void remove(int row) {
        rowById.remove(ids.hash(row), row);
        ids.clear(row);
        if (freeCount == freeRows.length) {
            freeRows = Arrays.copyOf(freeRows, freeCount * 2);
        }
        freeRows[freeCount++] = row;
    }

    /** Rows in use, in storage order, for scans that do not care about order. */
    int highWater() {
        return highWater;
    }

    boolean inUse(int row) {
        return ids.has(row);
    }

    Enrollment read(int row) {
        return new Enrollment(ids.get(row),
                courses.label(course[row]),
                shifts.label(shift[row]),
                duration[row],
                LocalDate.ofEpochDay(courseStart[row]),
                age[row],
                sexes.label(sex[row]),
                responsibles.label(responsible[row]),
                payments.label(payment[row]),
                LocalDate.ofEpochDay(enrollmentDay[row]));
    }

    private int nextRow() {
        if (highWater == course.length) {
            int capacity = course.length + (course.length >> 1);
            ids.grow(capacity);
            course = Arrays.copyOf(course, capacity);
            shift = Arrays.copyOf(shift, capacity);
            payment = Arrays.copyOf(payment, capacity);
            sex = Arrays.copyOf(sex, capacity);
            responsible = Arrays.copyOf(responsible, capacity);
            age = Arrays.copyOf(age, capacity);
            duration = Arrays.copyOf(duration, capacity);
            courseStart = Arrays.copyOf(courseStart, capacity);
            enrollmentDate = Arrays.copyOf(enrollmentDate, capacity);
            enrollmentDay = Arrays.copyOf(enrollmentDay, capacity);
            timestamp = Arrays.copyOf(timestamp, capacity);
        }
        return highWater++;
    }
}
