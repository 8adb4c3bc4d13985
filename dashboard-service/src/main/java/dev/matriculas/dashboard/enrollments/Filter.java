package dev.matriculas.dashboard.enrollments;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.matriculas.contract.EnrollmentParser;

/**
 * A subset of enrollments: each field given must match exactly; a null field matches anything.
 * Values are checked like the contract's texts, so a filter can never name what no record could hold.
 */
public record Filter(String course, String shift, String payment, String sex) {

    public static final Filter NONE = new Filter(null, null, null, null);
    /** The fields' names, as queries and the page's addresses call them. */
    public static final List<String> FIELDS = List.of("course", "shift", "payment", "sex");

    public Filter {
        course = check("course", course);
        shift = check("shift", shift);
        payment = check("payment", payment);
        sex = check("sex", sex);
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

    private static String check(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        // Counted in code points, as the contract counts a field's characters: any value a record may hold can be chosen.
        if (value.codePointCount(0, value.length()) > EnrollmentParser.MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException(
                    name + " must be at most " + EnrollmentParser.MAX_TEXT_LENGTH + " characters long");
        }
        return value;
    }
}
