package dev.matriculas.dashboard.enrollments;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.matriculas.contract.Enrollment;

/**
 * Every figure of the dashboard for one subset of the enrollments. Maps keep their keys in a stable
 * order (alphabetical, or by date or age) so charts do not jump as counts change.
 *
 * @param totalEnrollments distinct enrollment ids
 * @param updatedAt        when the figures last changed, null before the first record
 * @param shiftPercent     share of each shift, in percent, one decimal
 * @param ageHistogram     enrollments by age band of five years ("15-19")
 * @param courseByShift    course, then shift, then count
 * @param arrivals         records per 10-second bucket over the last hour, by record timestamp
 * @param byEnrollmentDate enrollments by dt_matricula
 * @param mostCommon       most frequent value of each profile field, each taken on its own
 * @param newest           the newest enrollments, newest first
 * @param overflow         per field, how many values were folded into the "other" bucket
 */
public record Figures(
        long totalEnrollments,
        Instant updatedAt,
        Map<String, Integer> byCourse,
        Map<String, Integer> byPayment,
        Map<String, Integer> byShift,
        Map<String, Double> shiftPercent,
        Map<String, Integer> bySex,
        Map<String, Integer> byFinanciallyResponsible,
        Map<String, Integer> ageHistogram,
        Map<String, Map<String, Integer>> courseByShift,
        Arrivals arrivals,
        Map<String, Integer> byEnrollmentDate,
        MostCommon mostCommon,
        List<Enrollment> newest,
        Map<String, Long> overflow) {

    /** @param start the first bucket's start; {@code counts[i]} covers start + i × bucketSeconds */
    public record Arrivals(Instant start, int bucketSeconds, int[] counts) {
    }

    /** Null fields while there is no enrollment. */
    public record MostCommon(String course, String shift, String payment, String sex, Integer age,
            String financiallyResponsible) {
    }
}
