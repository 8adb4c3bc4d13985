package dev.matriculas.producer.generator;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Enrollment ids as time-ordered UUIDs (version 7, RFC 9562): unique across restarts and across any number
 * of producer instances without coordination, and sorted by creation time in Kafka UI. The original used a
 * random 5-digit number and collided after a few hundred records.
 * <p>
 * Within one instance the ids strictly increase: the 12 bits after the millisecond count up, from a random
 * start, when several ids share a millisecond (RFC 9562, section 6.2, method 1), and a clock that steps back
 * never makes an id sort before an earlier one. The last 62 bits are random, so two instances never collide:
 * they come from a fast generator with 192 bits of state seeded from {@link SecureRandom} (asking
 * SecureRandom itself for every id would cost more than making the rest of the record).
 */
final class EnrollmentIds {

    private static final int COUNTER_BITS = 12;
    private static final long COUNTER_MAX = (1L << COUNTER_BITS) - 1;

    private final RandomGenerator random = seededFromSecureRandom();
    private final Clock clock;
    private long millis = Long.MIN_VALUE;
    private long counter;

    EnrollmentIds(Clock clock) {
        this.clock = clock;
    }

    synchronized String next() {
        long now = clock.millis();
        if (now > millis) {
            millis = now;
            // Start low in the range so that many ids in one millisecond still fit before it is used up.
            counter = random.nextInt(1 << (COUNTER_BITS - 1));
        } else if (++counter > COUNTER_MAX) {
            millis++;
            counter = 0;
        }
        long high = (millis << 16) | 0x7000L | counter;
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }

    private static RandomGenerator seededFromSecureRandom() {
        byte[] seed = new byte[24];
        new SecureRandom().nextBytes(seed);
        return RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    }
}
