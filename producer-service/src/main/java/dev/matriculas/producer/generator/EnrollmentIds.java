package dev.matriculas.producer.generator;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Enrollment ids as time-ordered UUIDs (version 7, RFC 9562): unique across restarts and across any number
 * of producer instances without coordination, and sorted by creation time in Kafka UI. The original used a
 * random 5-digit number and collided after a few hundred records.
 */
final class EnrollmentIds {

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    EnrollmentIds(Clock clock) {
        this.clock = clock;
    }

    String next() {
        long millis = clock.millis();
        long high = (millis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }
}
