package dev.matriculas.producer.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class EnrollmentIdsTest {

    /** A version 7 UUID (RFC 9562) in its canonical lower-case text form. */
    static final String UUID_V7 = "[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    private final SettableClock clock = new SettableClock(Instant.parse("2026-03-01T12:00:00Z").toEpochMilli());

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
        clock.millis -= 60_000;
        made.addAll(make(ids, 10));

        assertThat(made).isSortedAccordingTo(String::compareTo);
        assertThat(new HashSet<>(made)).hasSize(made.size());
    }

    @Test
    void idsOfTwoInstancesSortByTheTimeTheyWereMade() {
        List<String> earlier = make(new EnrollmentIds(clock), 1_000);
        clock.millis += 1;
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

    private static final class SettableClock extends Clock {

        long millis;

        SettableClock(long millis) {
            this.millis = millis;
        }

        @Override
        public long millis() {
            return millis;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
