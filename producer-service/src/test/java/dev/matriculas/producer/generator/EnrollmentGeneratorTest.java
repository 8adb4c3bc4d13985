package dev.matriculas.producer.generator;

import static java.time.temporal.ChronoUnit.DAYS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import dev.matriculas.contract.Enrollment;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The original generator's rules (see the domain notes), restated here on their own and checked on every
 * record of a large sample on a fixed seed, and its probabilities checked within a stated tolerance.
 * <p>
 * Tolerance: a count of records with some property is binomial, so it may differ from its expected value
 * {@code n·p} by up to five standard deviations {@code 5·√(n·p·(1−p))}. A correct generator stays within
 * that on any seed except with a probability below 10⁻⁶ per check (under 10⁻³ for all the checks here
 * together), while on 100 000 records the bound is about 0.6 percentage points for a share near 0.2 and
 * 0.7 points for the 0.7 and 0.8 mixes: a wrong probability, range or weighting shows up.
 */
class EnrollmentGeneratorTest {

    static final int SAMPLE = 100_000;
    static final long SEED = 20240201;
    static final LocalDate TERM_START = LocalDate.of(2024, 2, 1);
    static final double SIGMAS = 5;

    static final List<String> COURSES =
            List.of("Mecânica Industrial", "Informática para Web", "Edificações", "Refrigeração", "Administração");
    static final List<String> TECHNICAL = List.of("Mecânica Industrial", "Edificações", "Refrigeração");
    static final List<String> SHIFTS = List.of("Manhã", "Tarde", "Noite");
    static final List<String> SEXES = List.of("Masculino", "Feminino", "Não Declarado");
    static final List<String> PAYMENTS =
            List.of("Crédito", "Débito", "Dinheiro", "Pix", "Boleto à Vista", "Boleto Carnê", "Outros");

    static List<Enrollment> sample;

    @BeforeAll
    static void generateSample() {
        sample = generate(generator(SEED, TERM_START), SAMPLE);
    }

    @Test
    void everyRecordFollowsEveryRule() {
        List<String> broken = new ArrayList<>();
        for (Enrollment e : sample) {
            boolean night = e.shift().equals("Noite");
            boolean technical = TECHNICAL.contains(e.course());
            int delayWeeks = night ? 0 : List.of("Refrigeração", "Administração").contains(e.course()) ? 2 : 1;
            long daysFromStart = daysFromStart(e);
            check(broken, e, "course", COURSES.contains(e.course()));
            check(broken, e, "shift", SHIFTS.contains(e.shift()));
            check(broken, e, "duration", e.durationSemesters() == (technical ? (night ? 5 : 4) : (night ? 4 : 3)));
            check(broken, e, "course start", e.courseStart().equals(TERM_START.plusWeeks(delayWeeks)));
            check(broken, e, "age", e.age() >= 14 && e.age() <= 99);
            check(broken, e, "financially responsible", e.age() > 21
                    ? e.financiallyResponsible().equals("Sim")
                    : List.of("Sim", "Não").contains(e.financiallyResponsible()));
            check(broken, e, "sex", SEXES.contains(e.sex()));
            check(broken, e, "payment", PAYMENTS.contains(e.payment()));
            check(broken, e, "enrollment date", daysFromStart >= -16 * 7 && daysFromStart <= 2 * 7);
            check(broken, e, "id", e.id().matches(EnrollmentIdsTest.UUID_V7));
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void everyAgeFromFourteenToNinetyNineOccursAndNoOther() {
        assertThat(sample.stream().map(Enrollment::age).distinct().sorted())
                .containsExactlyElementsOf(IntStream.rangeClosed(14, 99).boxed().toList());
    }

    @Test
    void agesAreEighteenToTwentyFiveWithProbabilityPointSevenOtherwiseFourteenToNinetyNine() {
        SoftAssertions softly = new SoftAssertions();
        Map<Integer, Long> byAge = sample.stream().collect(Collectors.groupingBy(Enrollment::age, Collectors.counting()));
        for (int age = 14; age <= 99; age++) {
            double p = (age >= 18 && age <= 25 ? 0.7 / 8 : 0) + 0.3 / 86;
            assertCount(softly, "age " + age, byAge.getOrDefault(age, 0L), p);
        }
        // The mix weight itself: the share of 18..25 is w + (1 − w)·8/86; solved for w it must be 0.7.
        double young = share(e -> e.age() >= 18 && e.age() <= 25);
        double weight = (young - 8.0 / 86) / (1 - 8.0 / 86);
        double sigma = Math.sqrt(young * (1 - young) / SAMPLE) / (1 - 8.0 / 86);
        softly.assertThat(weight).as("weight of the 18..25 mix").isCloseTo(0.7, within(sigma));
        softly.assertAll();
    }

    @Test
    void enrollmentDatesAreNearTheStartWithProbabilityPointEightOtherwiseWithinSixteenWeeksBeforeToTwoAfter() {
        SoftAssertions softly = new SoftAssertions();
        int wide = 16 * 7 + 2 * 7 + 1;
        int near = 30 + 5 + 1;
        Map<Long, Long> byOffset = sample.stream()
                .collect(Collectors.groupingBy(EnrollmentGeneratorTest::daysFromStart, Collectors.counting()));
        for (long offset = -16 * 7; offset <= 2 * 7; offset++) {
            double p = (offset >= -30 && offset <= 5 ? 0.8 / near : 0) + 0.2 / wide;
            assertCount(softly, "enrollment " + offset + " days from the course start", byOffset.getOrDefault(offset, 0L), p);
        }
        double close = share(e -> daysFromStart(e) >= -30 && daysFromStart(e) <= 5);
        double weight = (close - (double) near / wide) / (1 - (double) near / wide);
        double sigma = Math.sqrt(close * (1 - close) / SAMPLE) / (1 - (double) near / wide);
        softly.assertThat(weight).as("weight of the near-the-start mix").isCloseTo(0.8, within(sigma));
        softly.assertAll();
    }

    @Test
    void coursesShiftsSexesAndPaymentsAreUniformAndIndependent() {
        SoftAssertions softly = new SoftAssertions();
        assertUniform(softly, "course", Enrollment::course, COURSES);
        assertUniform(softly, "shift", Enrollment::shift, SHIFTS);
        assertUniform(softly, "sex", Enrollment::sex, SEXES);
        assertUniform(softly, "payment", Enrollment::payment, PAYMENTS);
        for (String course : COURSES) {
            for (String shift : SHIFTS) {
                assertShare(softly, course + " at " + shift,
                        e -> e.course().equals(course) && e.shift().equals(shift), 1.0 / 15);
            }
        }
        softly.assertAll();
    }

    @Test
    void studentsUpToTwentyOneAreFinanciallyResponsibleOrNotWithEqualChance() {
        List<Enrollment> young = sample.stream().filter(e -> e.age() <= 21).toList();
        long responsible = young.stream().filter(e -> e.financiallyResponsible().equals("Sim")).count();

        assertThat((double) responsible).as("'Sim' among %d students up to 21", young.size())
                .isCloseTo(young.size() * 0.5, within(Math.sqrt(young.size() * 0.25)));
        assertThat(sample).filteredOn(e -> e.age() > 21).allMatch(e -> e.financiallyResponsible().equals("Sim"));
    }

    @Test
    void theSameSeedGivesTheSameSequenceExceptTheIds() {
        List<Enrollment> first = generate(generator(SEED, TERM_START), 5_000);
        List<Enrollment> again = generate(generator(SEED, TERM_START), 5_000);

        assertThat(again).map(EnrollmentGeneratorTest::withoutId).isEqualTo(first.stream().map(EnrollmentGeneratorTest::withoutId).toList());
        Set<String> ids = new HashSet<>();
        Stream.concat(first.stream(), again.stream()).forEach(e -> ids.add(e.id()));
        assertThat(ids).hasSize(10_000);
    }

    @Test
    void anotherSeedGivesAnotherSequence() {
        List<Enrollment> first = generate(generator(SEED, TERM_START), 100);
        List<Enrollment> other = generate(generator(SEED + 1, TERM_START), 100);

        assertThat(other.stream().map(EnrollmentGeneratorTest::withoutId).toList())
                .isNotEqualTo(first.stream().map(EnrollmentGeneratorTest::withoutId).toList());
    }

    @Test
    void courseStartsFollowTheConfiguredTermStart() {
        LocalDate termStart = LocalDate.of(2025, 8, 4);

        assertThat(generate(generator(SEED, termStart), 1_000)).allSatisfy(e -> assertThat(e.courseStart())
                .isIn(termStart, termStart.plusWeeks(1), termStart.plusWeeks(2)));
    }

    @Test
    void idsAreUniqueAndTimeOrderedAcrossManyRecordsAndTwoInstancesAtOnce() throws InterruptedException {
        EnrollmentGenerator one = generator(SEED, TERM_START);
        EnrollmentGenerator two = generator(SEED, TERM_START);
        List<List<String>> ids = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (EnrollmentGenerator generator : List.of(one, two)) {
            List<String> own = new ArrayList<>();
            ids.add(own);
            Thread thread = new Thread(() -> generate(generator, 100_000).forEach(e -> own.add(e.id())));
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }

        for (List<String> own : ids) {
            assertThat(own).isSortedAccordingTo(String::compareTo);
        }
        Set<String> distinct = new HashSet<>(ids.get(0));
        distinct.addAll(ids.get(1));
        assertThat(distinct).hasSize(200_000);
    }

    private static void check(List<String> broken, Enrollment e, String rule, boolean kept) {
        if (!kept) {
            broken.add(rule + " breaks its rule in " + e);
        }
    }

    private static long daysFromStart(Enrollment e) {
        return DAYS.between(e.courseStart(), e.enrollmentDate());
    }

    private static void assertUniform(SoftAssertions softly, String what, Function<Enrollment, String> field,
            List<String> values) {
        Map<String, Long> counts = sample.stream().collect(Collectors.groupingBy(field, Collectors.counting()));
        softly.assertThat(counts.keySet()).as("%s values", what).containsExactlyInAnyOrderElementsOf(values);
        for (String value : values) {
            assertShare(softly, what + " " + value, e -> field.apply(e).equals(value), 1.0 / values.size());
        }
    }

    private static void assertShare(SoftAssertions softly, String what, Predicate<Enrollment> property, double p) {
        assertCount(softly, what, sample.stream().filter(property).count(), p);
    }

    /** The number of records with a property is within {@link #SIGMAS} standard deviations of n·p. */
    private static void assertCount(SoftAssertions softly, String what, long count, double p) {
        softly.assertThat((double) count).as("records with %s (expected share %.5f)", what, p)
                .isCloseTo(SAMPLE * p, within(Math.sqrt(SAMPLE * p * (1 - p))));
    }

    private static org.assertj.core.data.Offset<Double> within(double sigma) {
        return org.assertj.core.data.Offset.offset(SIGMAS * sigma);
    }

    private static double share(Predicate<Enrollment> property) {
        return (double) sample.stream().filter(property).count() / SAMPLE;
    }

    private static Enrollment withoutId(Enrollment e) {
        return new Enrollment(null, e.course(), e.shift(), e.durationSemesters(), e.courseStart(), e.age(), e.sex(),
                e.financiallyResponsible(), e.payment(), e.enrollmentDate());
    }

    static EnrollmentGenerator generator(long seed, LocalDate termStart) {
        return new EnrollmentGenerator(new GeneratorProperties(seed, termStart), Clock.systemUTC());
    }

    static List<Enrollment> generate(EnrollmentGenerator generator, int count) {
        List<Enrollment> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            records.add(generator.next());
        }
        return records;
    }
}
