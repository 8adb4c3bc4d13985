package dev.matriculas.dashboard.store;

import java.time.LocalDate;

import dev.matriculas.contract.Enrollment;
import dev.matriculas.dashboard.CategoryLimits;

/** The vocabularies of the category fields, and the translation of enrollments to rows and back. Not thread-safe. */
final class Vocabularies {

    final Vocabulary<String> courses;
    final Vocabulary<String> shifts;
    final Vocabulary<String> payments;
    final Vocabulary<String> sexes;
    final Vocabulary<String> responsibles;
    final Vocabulary<LocalDate> enrollmentDates;

    Vocabularies(CategoryLimits limits) {
        courses = new Vocabulary<>(limits.courses());
        shifts = new Vocabulary<>(limits.shifts());
        payments = new Vocabulary<>(limits.payments());
        sexes = new Vocabulary<>(limits.sexes());
        responsibles = new Vocabulary<>(limits.financiallyResponsible());
        enrollmentDates = new Vocabulary<>(limits.enrollmentDates());
    }

    Row row(Enrollment enrollment, long timestamp) {
        return new Row(enrollment.id(),
                (byte) courses.indexOf(enrollment.course()),
                (byte) shifts.indexOf(enrollment.shift()),
                (byte) payments.indexOf(enrollment.payment()),
                (byte) sexes.indexOf(enrollment.sex()),
                (byte) responsibles.indexOf(enrollment.financiallyResponsible()),
                (byte) enrollment.age(),
                (byte) enrollment.durationSemesters(),
                (short) enrollmentDates.indexOf(enrollment.enrollmentDate()),
                (int) enrollment.courseStart().toEpochDay(),
                (int) enrollment.enrollmentDate().toEpochDay(),
                timestamp);
    }

    Enrollment enrollment(Row row) {
        return new Enrollment(row.id(), courses.label(row.course()), shifts.label(row.shift()), row.duration(),
                LocalDate.ofEpochDay(row.courseStart()), row.age(), sexes.label(row.sex()),
                responsibles.label(row.responsible()), payments.label(row.payment()), LocalDate.ofEpochDay(row.enrollmentDay()));
    }

    /** The rows the filter picks: its values resolved to codes once, then compared as numbers row by row. */
    java.util.function.Predicate<Row> matcher(Filter filter) {
        int course = code(courses, filter.course());
        int shift = code(shifts, filter.shift());
        int payment = code(payments, filter.payment());
        int sex = code(sexes, filter.sex());
        return row -> (course == ANY || course == row.course()) && (shift == ANY || shift == row.shift())
                && (payment == ANY || payment == row.payment()) && (sex == ANY || sex == row.sex());
    }

    private static final int ANY = -2;

    /** A value no record holds resolves to -1, which no row has. */
    private static int code(Vocabulary<String> vocabulary, String value) {
        return value == null ? ANY : vocabulary.find(value);
    }
}
