package dev.matriculas.dashboard.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.matriculas.contract.EnrollmentParser;
import org.hibernate.validator.constraints.CodePointLength;

/**
 * A subset of enrollments: each field given must match exactly; a null or empty field matches anything. Values
 * are limited as the contract limits a record's texts, counted in characters as it counts them, so a filter can
 * never name what no record could hold, and any value a record may hold can be chosen.
 */
public record Filter(
        @CodePointLength(max = EnrollmentParser.MAX_TEXT_LENGTH, message = TOO_LONG) String course,
        @CodePointLength(max = EnrollmentParser.MAX_TEXT_LENGTH, message = TOO_LONG) String shift,
        @CodePointLength(max = EnrollmentParser.MAX_TEXT_LENGTH, message = TOO_LONG) String payment,
        @CodePointLength(max = EnrollmentParser.MAX_TEXT_LENGTH, message = TOO_LONG) String sex) {

    public static final Filter NONE = new Filter(null, null, null, null);
    /** The fields' names, as queries and the page's addresses call them. */
    public static final List<String> FIELDS = List.of("course", "shift", "payment", "sex");
    static final String TOO_LONG = "must be at most {max} characters long";

    public Filter {
        course = given(course);
        shift = given(shift);
        payment = given(payment);
        sex = given(sex);
    }

    public boolean isEmpty() {
        return course == null && shift == null && payment == null && sex == null;
    }

    /** The fields given, by name, in the order of {@link #FIELDS}. */
    public Map<String, String> given() {
        Map<String, String> given = new LinkedHashMap<>();
        String[] values = {course, shift, payment, sex};
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                given.put(FIELDS.get(i), values[i]);
            }
        }
        return given;
    }

    private static String given(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
