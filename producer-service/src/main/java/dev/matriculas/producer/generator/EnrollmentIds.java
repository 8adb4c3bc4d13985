package dev.matriculas.producer.generator;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.UUIDClock;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/**
 * Enrollment ids as time-ordered UUIDs (version 7, RFC 9562), from java-uuid-generator: unique across restarts
 * and across any number of producer instances without coordination, and sorted by creation time in Kafka UI.
 * A random short number would collide after a few hundred records.
 * <p>
 * Within one instance the ids strictly increase: ids made in the same millisecond count up from a random start,
 * and the clock is read so that it never goes back, as an id made after a clock step back would otherwise sort
 * before an earlier one.
 */
final class EnrollmentIds {

    private final TimeBasedEpochGenerator generator;

    EnrollmentIds(Clock clock) {
        AtomicLong latest = new AtomicLong(Long.MIN_VALUE);
        this.generator = Generators.timeBasedEpochGenerator(null, new UUIDClock() {
            @Override
            public long currentTimeMillis() {
                return latest.accumulateAndGet(clock.millis(), Math::max);
            }
        });
    }

    String next() {
        return generator.generate().toString();
    }
}
