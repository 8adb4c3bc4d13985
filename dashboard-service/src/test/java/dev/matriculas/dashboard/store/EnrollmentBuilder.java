package dev.matriculas.dashboard.store;

import java.time.LocalDate;

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
