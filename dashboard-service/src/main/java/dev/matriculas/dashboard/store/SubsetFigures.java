package dev.matriculas.dashboard.store;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
public record SubsetFigures(
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

    /** The figures of what the tally counted, with the arrivals of the hour up to {@code nowMillis}. */
    static SubsetFigures of(Tally tally, Instant updatedAt, long nowMillis, List<Enrollment> newest) {
        Vocabularies v = tally.vocabularies;
        return new SubsetFigures(tally.total, updatedAt,
                counts(v.courses, tally.byCourse), counts(v.payments, tally.byPayment), counts(v.shifts, tally.byShift),
                percents(v.shifts, tally.byShift, tally.total), counts(v.sexes, tally.bySex),
                counts(v.responsibles, tally.byResponsible), ageHistogram(tally.byAge), courseByShift(tally),
                arrivals(tally, nowMillis),
                // ISO dates sort as text; the "other" bucket, "(outros)", sorts before every date.
                counts(v.enrollmentDates, tally.byEnrollmentDate),
                mostCommon(tally), newest, overflow(v));
    }

    private static Map<String, Integer> counts(Vocabulary<?> vocabulary, int[] counts) {
        Map<String, Integer> result = new TreeMap<>();
        for (int i = 0; i < vocabulary.size(); i++) {
            if (counts[i] > 0) {
                result.put(vocabulary.label(i), counts[i]);
            }
        }
        return result;
    }

    private static Map<String, Double> percents(Vocabulary<?> vocabulary, int[] counts, long total) {
        Map<String, Double> result = new TreeMap<>();
        counts(vocabulary, counts).forEach((label, count) -> result.put(label, Math.round(count * 1000.0 / total) / 10.0));
        return result;
    }

    private static Map<String, Integer> ageHistogram(int[] byAge) {
        Map<String, Integer> result = new LinkedHashMap<>();
        int first = 0;
        while (first < byAge.length && byAge[first] == 0) {
            first++;
        }
        int last = byAge.length - 1;
        while (last >= first && byAge[last] == 0) {
            last--;
        }
        if (first > last) {
            return result;
        }
        for (int from = first - first % 5; from <= last; from += 5) {
            int count = 0;
            for (int age = from; age < from + 5 && age < byAge.length; age++) {
                count += byAge[age];
            }
            result.put(from + "-" + (from + 4), count);
        }
        return result;
    }

    private static Map<String, Map<String, Integer>> courseByShift(Tally tally) {
        Vocabularies v = tally.vocabularies;
        Map<String, Map<String, Integer>> result = new TreeMap<>();
        for (int c = 0; c < v.courses.size(); c++) {
            Map<String, Integer> shifts = new TreeMap<>();
            for (int s = 0; s < v.shifts.size(); s++) {
                int count = tally.courseByShift(c, s);
                if (count > 0) {
                    shifts.put(v.shifts.label(s), count);
                }
            }
            if (!shifts.isEmpty()) {
                result.put(v.courses.label(c), shifts);
            }
        }
        return result;
    }

    private static Arrivals arrivals(Tally tally, long nowMillis) {
        long lastBucket = Math.floorDiv(nowMillis, Tally.ARRIVAL_BUCKET_MILLIS);
        long firstBucket = lastBucket - Tally.ARRIVAL_BUCKETS + 1;
        int[] counts = new int[Tally.ARRIVAL_BUCKETS];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = tally.arrivalsIn(firstBucket + i);
        }
        return new Arrivals(Instant.ofEpochMilli(firstBucket * Tally.ARRIVAL_BUCKET_MILLIS),
                Tally.ARRIVAL_BUCKET_MILLIS / 1000, counts);
    }

    private static MostCommon mostCommon(Tally tally) {
        if (tally.total == 0) {
            return new MostCommon(null, null, null, null, null, null);
        }
        Vocabularies v = tally.vocabularies;
        return new MostCommon(v.courses.label(argMax(tally.byCourse)), v.shifts.label(argMax(tally.byShift)),
                v.payments.label(argMax(tally.byPayment)), v.sexes.label(argMax(tally.bySex)), argMax(tally.byAge),
                v.responsibles.label(argMax(tally.byResponsible)));
    }

    /** Index of the largest count; the first one on a tie, so the answer is stable. */
    private static int argMax(int[] counts) {
        int best = 0;
        for (int i = 1; i < counts.length; i++) {
            if (counts[i] > counts[best]) {
                best = i;
            }
        }
        return best;
    }

    private static Map<String, Long> overflow(Vocabularies v) {
        Map<String, Long> result = new LinkedHashMap<>();
        result.put("course", v.courses.overflowed());
        result.put("shift", v.shifts.overflowed());
        result.put("payment", v.payments.overflowed());
        result.put("sex", v.sexes.overflowed());
        result.put("financiallyResponsible", v.responsibles.overflowed());
        result.put("enrollmentDate", v.enrollmentDates.overflowed());
        return Collections.unmodifiableMap(result);
    }

    /** @param start the first bucket's start; {@code counts[i]} covers start + i × bucketSeconds */
    public record Arrivals(Instant start, int bucketSeconds, int[] counts) {
    }

    /** Null fields while there is no enrollment. */
    public record MostCommon(String course, String shift, String payment, String sex, Integer age,
            String financiallyResponsible) {
    }
}
