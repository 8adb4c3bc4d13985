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

    Row row(Enrollment enrollment, int slot, long timestamp) {
        return new Row(enrollment.id(), slot,
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

    /** The rows the filter picks, its values resolved to codes once. */
    Slots.Selection selection(Filter filter) {
        int[] codes = {code(courses, filter.course()), code(shifts, filter.shift()), code(payments, filter.payment()),
                code(sexes, filter.sex())};
        int mask = 0;
        int value = 0;
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] == UNKNOWN) {
                return Slots.Selection.NOTHING;
            }
            if (codes[i] != ANY) {
                mask |= 0xFF << (8 * i);
                value |= codes[i] << (8 * i);
            }
        }
        return new Slots.Selection(mask, value);
    }

    private static final int ANY = -2;
    private static final int UNKNOWN = -1;

    /** {@link #UNKNOWN} for a value no record holds. */
    private static int code(Vocabulary<String> vocabulary, String value) {
        return value == null ? ANY : vocabulary.find(value);
    }
}
