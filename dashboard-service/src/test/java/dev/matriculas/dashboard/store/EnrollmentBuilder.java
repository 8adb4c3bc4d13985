package dev.matriculas.dashboard.store;

import java.time.LocalDate;
import java.util.List;

import dev.matriculas.contract.Enrollment;

/** A valid enrollment for tests, with any field changed. */
public final class EnrollmentBuilder {

    private final String id;
    private String course = "Edificações";
    private String shift = "Noite";
    private int duration = 5;
    private int age = 19;
    private String sex = "Feminino";
    private String responsible = "Não";
    private String payment = "Pix";
    private LocalDate enrollmentDate = LocalDate.of(2024, 1, 20);

    private EnrollmentBuilder(String id) {
        this.id = id;
    }

    /** Adds an enrollment to the store, or replaces the one with the same id, as a batch of one. */
    public static void put(EnrollmentStore store, Enrollment enrollment, long recordTimestamp) {
        store.apply(List.of(Change.put(enrollment, recordTimestamp)));
    }

    /** Removes an enrollment from the store, as a tombstone does. */
    public static void remove(EnrollmentStore store, String id) {
        store.apply(List.of(Change.remove(id)));
    }

    public static EnrollmentBuilder enrollment(String id) {
        return new EnrollmentBuilder(id);
    }

    public EnrollmentBuilder course(String value) {
        course = value;
        return this;
    }

    public EnrollmentBuilder shift(String value) {
        shift = value;
        return this;
    }

    public EnrollmentBuilder payment(String value) {
        payment = value;
        return this;
    }

    public EnrollmentBuilder sex(String value) {
        sex = value;
        return this;
    }

    public EnrollmentBuilder age(int value) {
        age = value;
        return this;
    }

    public EnrollmentBuilder enrolledOn(LocalDate value) {
        enrollmentDate = value;
        return this;
    }

    public Enrollment build() {
        return new Enrollment(id, course, shift, duration, LocalDate.of(2024, 2, 1), age, sex, responsible, payment,
                enrollmentDate);
    }
}
