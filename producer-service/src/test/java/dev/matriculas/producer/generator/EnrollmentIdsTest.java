package dev.matriculas.producer.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.matriculas.testkafka.ManualClock;
import org.junit.jupiter.api.Test;

class EnrollmentIdsTest {

    /** A version 7 UUID (RFC 9562) in its canonical lower-case text form. */
    static final String UUID_V7 = "[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T12:00:00Z"));

    @Test
    void idsCarryTheMillisecondTheyWereMadeIn() {
        String id = new EnrollmentIds(clock).next();

        assertThat(id).matches(UUID_V7);
        assertThat(UUID.fromString(id).getMostSignificantBits() >>> 16).isEqualTo(clock.millis());
    }

    @Test
    void manyIdsInOneMillisecondStillIncreaseAndNeverRepeat() {
        EnrollmentIds ids = new EnrollmentIds(clock);

        List<String> made = make(ids, 50_000);

        // Strictly increasing: sorted and no two alike.
        assertThat(made).isSortedAccordingTo(String::compareTo).allMatch(id -> id.matches(UUID_V7));
        assertThat(new HashSet<>(made)).hasSize(made.size());
    }

    @Test
    void aClockThatStepsBackNeverMakesAnIdSortBeforeAnEarlierOne() {
        EnrollmentIds ids = new EnrollmentIds(clock);
        List<String> made = new ArrayList<>(make(ids, 10));
        clock.advance(Duration.ofMinutes(-1));
        made.addAll(make(ids, 10));

        assertThat(made).isSortedAccordingTo(String::compareTo);
        assertThat(new HashSet<>(made)).hasSize(made.size());
    }

    @Test
    void idsOfTwoInstancesSortByTheTimeTheyWereMade() {
        List<String> earlier = make(new EnrollmentIds(clock), 1_000);
        clock.advance(Duration.ofMillis(1));
        List<String> later = make(new EnrollmentIds(clock), 1_000);

        assertThat(later).allSatisfy(id -> assertThat(id).isGreaterThan(earlier.get(earlier.size() - 1)));
    }

    @Test
    void twoInstancesInTheSameMillisecondNeverCollide() {
        List<String> one = make(new EnrollmentIds(clock), 20_000);
        List<String> two = make(new EnrollmentIds(clock), 20_000);

        Set<String> distinct = new HashSet<>(one);
        distinct.addAll(two);
        assertThat(distinct).hasSize(40_000);
    }

    private static List<String> make(EnrollmentIds ids, int count) {
        List<String> made = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            made.add(ids.next());
        }
        return made;
    }
}
