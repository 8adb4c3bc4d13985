package dev.matriculas.dashboard.store;

import static dev.matriculas.dashboard.store.EnrollmentBuilder.enrollment;
import static dev.matriculas.dashboard.store.EnrollmentBuilder.remove;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.matriculas.contract.Enrollment;
import dev.matriculas.dashboard.CategoryLimits;
import dev.matriculas.dashboard.DashboardProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class EnrollmentStoreTest {

    private static final Instant NOW = Instant.parse("2024-02-01T12:00:00Z");

    private final EnrollmentStore store = new EnrollmentStore(properties(new CategoryLimits(64, 16, 64, 16, 8, 4000)),
            Clock.fixed(NOW, ZoneOffset.UTC));

    private static DashboardProperties properties(CategoryLimits limits) {
        return new DashboardProperties(limits, 20, Duration.ofMillis(200), Duration.ofSeconds(15));
    }

    /** Record timestamps one millisecond apart, in the order the test puts them. */
    private long timestamp = NOW.toEpochMilli();

    private void put(EnrollmentBuilder enrollment) {
        EnrollmentBuilder.put(store, enrollment.build(), timestamp++);
    }

    private SubsetFigures all() {
        return store.figures(Filter.NONE, 20);
    }

    @Test
    void countsDistinctEnrollmentsByEveryField() {
        put(enrollment("1").course("Edificações").shift("Noite").payment("Pix").sex("Feminino").age(19));
        put(enrollment("2").course("Administração").shift("Manhã").payment("Pix").sex("Masculino").age(30));
        put(enrollment("3").course("Edificações").shift("Manhã").payment("Débito").sex("Feminino").age(19));

        SubsetFigures figures = all();

        assertThat(figures.totalEnrollments()).isEqualTo(3);
        assertThat(figures.byCourse()).containsExactly(Map.entry("Administração", 1), Map.entry("Edificações", 2));
        assertThat(figures.byShift()).containsExactly(Map.entry("Manhã", 2), Map.entry("Noite", 1));
        assertThat(figures.shiftPercent()).containsExactly(Map.entry("Manhã", 66.7), Map.entry("Noite", 33.3));
        assertThat(figures.byPayment()).containsExactly(Map.entry("Débito", 1), Map.entry("Pix", 2));
        assertThat(figures.bySex()).containsExactly(Map.entry("Feminino", 2), Map.entry("Masculino", 1));
        assertThat(figures.ageHistogram()).containsEntry("15-19", 2).containsEntry("30-34", 1);
        assertThat(figures.courseByShift().get("Edificações")).containsExactly(Map.entry("Manhã", 1), Map.entry("Noite", 1));
        assertThat(figures.mostCommon()).isEqualTo(
                new SubsetFigures.MostCommon("Edificações", "Manhã", "Pix", "Feminino", 19, "Não"));
        assertThat(figures.updatedAt()).isEqualTo(NOW);
    }

    @Test
    void sameIdAgainReplacesTheEarlierVersion() {
        put(enrollment("1").course("Edificações").payment("Pix"));
        put(enrollment("1").course("Refrigeração").payment("Boleto Carnê"));

        SubsetFigures figures = all();

        assertThat(figures.totalEnrollments()).isEqualTo(1);
        assertThat(figures.byCourse()).containsExactly(Map.entry("Refrigeração", 1));
        assertThat(figures.byPayment()).containsExactly(Map.entry("Boleto Carnê", 1));
        assertThat(figures.newest()).extracting(Enrollment::course).containsExactly("Refrigeração");
    }

    @Test
    void replayingTheSameRecordsChangesNothing() {
        List<EnrollmentBuilder> records = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            records.add(enrollment("id-" + i).course(i % 2 == 0 ? "Edificações" : "Administração").age(14 + i));
        }
        records.forEach(this::put);
        SubsetFigures once = all();

        records.forEach(this::put);

        assertThat(all()).usingRecursiveComparison().ignoringFields("newest").isEqualTo(once);
        assertThat(all().newest()).extracting(Enrollment::id).containsExactlyInAnyOrderElementsOf(
                once.newest().stream().map(Enrollment::id).toList());
    }

    @Test
    void tombstoneRemovesTheEnrollment() {
        put(enrollment("1").course("Edificações"));
        put(enrollment("2").course("Administração"));

        remove(store, "1");

        assertThat(all().totalEnrollments()).isEqualTo(1);
        assertThat(all().byCourse()).containsExactly(Map.entry("Administração", 1));
        assertThat(all().newest()).extracting(Enrollment::id).containsExactly("2");
    }

    @Test
    void tombstoneForAnUnknownIdChangesNothing() {
        put(enrollment("1"));
        long version = store.version();

        remove(store, "never-seen");

        assertThat(store.version()).isEqualTo(version);
        assertThat(all().totalEnrollments()).isEqualTo(1);
    }

    @Test
    void removedRowsAreReusedWithoutMixingUpEnrollments() {
        put(enrollment("1").course("A"));
        put(enrollment("2").course("B"));
        remove(store, "1");
        put(enrollment("3").course("C"));

        assertThat(all().newest()).extracting(Enrollment::id, Enrollment::course)
                .containsExactly(tuple("3", "C"), tuple("2", "B"));
        assertThat(all().byCourse()).containsExactly(Map.entry("B", 1), Map.entry("C", 1));
    }

    @Test
    void newestComeFirstAndAreLimited() {
        for (int i = 1; i <= 30; i++) {
            put(enrollment("id-" + i));
        }

        List<Enrollment> newest = store.figures(Filter.NONE, 5).newest();

        assertThat(newest).extracting(Enrollment::id).containsExactly("id-30", "id-29", "id-28", "id-27", "id-26");
    }

    @Test
    void newestAreOrderedByRecordTimestampWhateverTheOrderTheyWereRead() {
        EnrollmentBuilder.put(store, enrollment("b").build(), 2_000);
        EnrollmentBuilder.put(store, enrollment("c").build(), 3_000);
        EnrollmentBuilder.put(store, enrollment("a").build(), 1_000);
        EnrollmentBuilder.put(store, enrollment("c2").build(), 3_000);

        assertThat(all().newest()).extracting(Enrollment::id).containsExactly("c2", "c", "b", "a");
    }

    @Test
    void newestStayExactWhenNewRowsLeaveAndMostRowsAreNotKeptInOrder() {
        for (int i = 0; i < 3000; i++) {
            EnrollmentBuilder.put(store, enrollment(String.format("id-%04d", i)).build(), 10_000L + i);
        }
        for (int i = 2999; i >= 2990; i--) {
            remove(store, String.format("id-%04d", i));
        }

        assertThat(store.figures(Filter.NONE, 3).newest()).extracting(Enrollment::id)
                .containsExactly("id-2989", "id-2988", "id-2987");
    }

    @Test
    void newestOfARareSubsetAreFoundBeyondTheRowsKeptInOrder() {
        put(enrollment("rare-old").course("Rara"));
        for (int i = 0; i < 3000; i++) {
            put(enrollment("common-" + i).course("Comum"));
        }

        assertThat(store.figures(new Filter("Rara", null, null, null), 5).newest()).extracting(Enrollment::id)
                .containsExactly("rare-old");
    }

    @Test
    void newestKeepEveryFieldOfTheEnrollment() {
        Enrollment original = enrollment("1").course("Refrigeração").shift("Tarde").payment("Crédito").sex("Masculino")
                .age(44).enrolledOn(LocalDate.of(2023, 12, 24)).build();
        EnrollmentBuilder.put(store, original, NOW.toEpochMilli());

        assertThat(all().newest()).containsExactly(original);
    }

    @Test
    void filterCountsOnlyTheMatchingSubset() {
        put(enrollment("1").course("Edificações").shift("Noite").payment("Pix").sex("Feminino"));
        put(enrollment("2").course("Edificações").shift("Manhã").payment("Pix").sex("Masculino"));
        put(enrollment("3").course("Administração").shift("Noite").payment("Pix").sex("Feminino"));
        put(enrollment("4").course("Edificações").shift("Noite").payment("Débito").sex("Feminino"));

        SubsetFigures figures = store.figures(new Filter("Edificações", "Noite", null, "Feminino"), 20);

        assertThat(figures.totalEnrollments()).isEqualTo(2);
        assertThat(figures.byPayment()).containsExactly(Map.entry("Débito", 1), Map.entry("Pix", 1));
        assertThat(figures.newest()).extracting(Enrollment::id).containsExactly("4", "1");
    }

    @Test
    void figuresOfASubsetCanBeAskedWithoutItsNewestRows() {
        put(enrollment("1").course("Edificações").shift("Noite"));
        put(enrollment("2").course("Edificações").shift("Manhã"));

        SubsetFigures figures = store.figures(new Filter("Edificações", "Noite", null, null), 0);

        assertThat(figures.totalEnrollments()).isEqualTo(1);
        assertThat(figures.newest()).isEmpty();
    }

    @Test
    void filterOnAnUnknownValueMatchesNothing() {
        put(enrollment("1"));

        SubsetFigures figures = store.figures(new Filter("Astronomia", null, null, null), 20);

        assertThat(figures.totalEnrollments()).isZero();
        assertThat(figures.newest()).isEmpty();
        assertThat(figures.mostCommon().course()).isNull();
    }

    @Test
    void filteredFiguresOfTheDisjointPartsAddUpToTheWhole() {
        for (int i = 0; i < 200; i++) {
            put(enrollment("id-" + i).course("C" + i % 5).shift("S" + i % 3).payment("P" + i % 7).sex("X" + i % 2)
                    .age(14 + i % 80));
        }
        remove(store, "id-7");
        put(enrollment("id-8").course("C4").sex("X0"));

        SubsetFigures men = store.figures(new Filter(null, null, null, "X0"), 20);
        SubsetFigures women = store.figures(new Filter(null, null, null, "X1"), 20);
        Map<String, Integer> byCourse = new TreeMap<>(men.byCourse());
        women.byCourse().forEach((course, count) -> byCourse.merge(course, count, Integer::sum));

        assertThat(men.totalEnrollments() + women.totalEnrollments()).isEqualTo(all().totalEnrollments()).isEqualTo(199);
        assertThat(byCourse).isEqualTo(all().byCourse());
    }

    @Test
    void valuesBeyondTheCapShareTheOtherBucket() {
        EnrollmentStore capped = new EnrollmentStore(properties(new CategoryLimits(3, 16, 64, 16, 8, 4000)),
                Clock.fixed(NOW, ZoneOffset.UTC));
        for (int i = 0; i < 10; i++) {
            EnrollmentBuilder.put(capped, enrollment("id-" + i).course("Curso " + i).build(), NOW.toEpochMilli());
        }

        SubsetFigures figures = capped.figures(Filter.NONE, 20);

        assertThat(figures.byCourse()).hasSize(4).containsEntry("(outros)", 7);
        assertThat(figures.overflow()).containsEntry("course", 7L);
        assertThat(figures.totalEnrollments()).isEqualTo(10);
        assertThat(capped.figures(new Filter("(outros)", null, null, null), 20).totalEnrollments()).isEqualTo(7);
    }

    @Test
    void aValueSpelledAsTheOtherBucketsLabelIsCountedInTheBucket() {
        EnrollmentStore capped = new EnrollmentStore(properties(new CategoryLimits(3, 16, 64, 16, 8, 4000)),
                Clock.fixed(NOW, ZoneOffset.UTC));
        EnrollmentBuilder.put(capped, enrollment("literal").course("(outros)").shift("Noite").build(), NOW.toEpochMilli());
        for (int i = 0; i < 5; i++) {
            EnrollmentBuilder.put(capped, enrollment("id-" + i).course("Curso " + i).shift("Noite").build(), NOW.toEpochMilli());
        }

        SubsetFigures figures = capped.figures(Filter.NONE, 20);

        assertThat(figures.byCourse()).containsEntry("(outros)", 3);
        assertThat(figures.byCourse().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(6);
        assertThat(figures.courseByShift().get("(outros)")).containsEntry("Noite", 3);
        assertThat(figures.overflow()).containsEntry("course", 2L);
        assertThat(capped.figures(new Filter("(outros)", null, null, null), 20).totalEnrollments()).isEqualTo(3);
    }

    @Test
    void aValueSpelledAsTheOtherBucketsLabelIsCountedBeforeAnyOverflow() {
        put(enrollment("literal").course("(outros)"));
        put(enrollment("plain").course("Edificações"));

        assertThat(all().byCourse()).containsExactly(Map.entry("(outros)", 1), Map.entry("Edificações", 1));
        assertThat(store.figures(new Filter("(outros)", null, null, null), 20).totalEnrollments()).isEqualTo(1);
    }

    @Test
    void arrivalsCountRecordsOfTheLastHourByTimestamp() {
        EnrollmentBuilder.put(store, enrollment("now").build(), NOW.toEpochMilli());
        EnrollmentBuilder.put(store, enrollment("a-minute-ago").build(), NOW.minusSeconds(60).toEpochMilli());
        EnrollmentBuilder.put(store, enrollment("two-hours-ago").build(), NOW.minusSeconds(7200).toEpochMilli());

        SubsetFigures.Arrivals arrivals = all().arrivals();

        assertThat(arrivals.bucketSeconds()).isEqualTo(10);
        assertThat(arrivals.counts()).hasSize(360);
        assertThat(arrivals.counts()[359]).isEqualTo(1);
        assertThat(arrivals.counts()[353]).isEqualTo(1);
        assertThat(Arrays.stream(arrivals.counts()).sum()).isEqualTo(2);
        assertThat(arrivals.start()).isEqualTo(NOW.minusSeconds(3590));
    }

    @Test
    void aRecordStampedFarAheadOfThisClockCountsAsArrivingNow() {
        EnrollmentBuilder.put(store, enrollment("skewed").build(), NOW.plusSeconds(7200).toEpochMilli());
        EnrollmentBuilder.put(store, enrollment("slightly-ahead").build(), NOW.plusSeconds(30).toEpochMilli());
        EnrollmentBuilder.put(store, enrollment("a-second-ago").build(), NOW.minusSeconds(1).toEpochMilli());

        SubsetFigures figures = all();

        assertThat(store.timestampsAhead()).isEqualTo(1);
        assertThat(figures.arrivals().counts()[359]).as("now's bar").isEqualTo(1);
        assertThat(figures.arrivals().counts()[358]).isEqualTo(1);
        assertThat(figures.newest()).extracting(Enrollment::id).containsExactly("slightly-ahead", "skewed", "a-second-ago");
    }

    @Test
    void recordsStampedFarAheadAreCountedForOperators() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new EnrollmentMetrics(store).bindTo(registry);

        EnrollmentBuilder.put(store, enrollment("skewed").build(), NOW.plusSeconds(7200).toEpochMilli());

        assertThat(registry.get("enrollments.timestamps.ahead").functionCounter().count()).isEqualTo(1);
    }

    @Test
    void countsEnrollmentsByEnrollmentDate() {
        put(enrollment("1").enrolledOn(LocalDate.of(2024, 1, 5)));
        put(enrollment("2").enrolledOn(LocalDate.of(2024, 1, 5)));
        put(enrollment("3").enrolledOn(LocalDate.of(2023, 12, 31)));

        assertThat(all().byEnrollmentDate()).containsExactly(Map.entry("2023-12-31", 1), Map.entry("2024-01-05", 2));
    }

    @Test
    void exportHandsOverEveryCurrentEnrollmentOnce() {
        for (int i = 0; i < 25_000; i++) {
            put(enrollment("id-" + i));
        }
        remove(store, "id-10");
        List<String> exported = new ArrayList<>();

        store.forEach(Filter.NONE, enrollment -> exported.add(enrollment.id()));

        assertThat(exported).hasSize(24_999).doesNotHaveDuplicates().doesNotContain("id-10");
    }

    @Test
    void exportOfAFilterHandsOverOnlyTheEnrollmentsItMatches() {
        for (int i = 0; i < 25_000; i++) {
            put(enrollment("id-" + i).course(i % 5 == 0 ? "Edificações" : "Refrigeração").shift(i % 2 == 0 ? "Noite" : "Manhã"));
        }
        List<String> exported = new ArrayList<>();

        store.forEach(new Filter("Edificações", "Noite", null, null), enrollment -> exported.add(enrollment.id()));

        // Every tenth id: divisible by 5 and by 2.
        assertThat(exported).hasSize(2_500).doesNotHaveDuplicates().allMatch(id -> Integer.parseInt(id.substring(3)) % 10 == 0);
    }

    @Test
    void emptyStoreHasNoFiguresYet() {
        SubsetFigures figures = all();

        assertThat(figures.totalEnrollments()).isZero();
        assertThat(figures.updatedAt()).isNull();
        assertThat(figures.byCourse()).isEmpty();
        assertThat(figures.ageHistogram()).isEmpty();
        assertThat(figures.mostCommon().course()).isNull();
    }
}
