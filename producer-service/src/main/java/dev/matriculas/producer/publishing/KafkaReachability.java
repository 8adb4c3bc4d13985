package dev.matriculas.producer.publishing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells whether Kafka is taking our records: it is unreachable when records have waited for an
 * acknowledgement longer than the grace period. Logs one line when an outage starts and one when it ends,
 * rather than a stack trace per record.
 */
final class KafkaReachability {

    private static final Logger log = LoggerFactory.getLogger(KafkaReachability.class);
    private static final Duration GRACE = Duration.ofSeconds(5);

    private final Clock clock;
    private volatile Instant lastAck;
    private volatile Instant unreachableSince;

    KafkaReachability(Clock clock) {
        this.clock = clock;
        this.lastAck = clock.instant();
    }

    void acknowledged() {
        lastAck = clock.instant();
        Instant since = unreachableSince;
        if (since != null) {
            unreachableSince = null;
            log.info("Kafka is reachable again after {} s; waiting records are being delivered",
                    Duration.between(since, lastAck).toSeconds());
        }
    }

    /** Called periodically and on send failures; {@code pending} is how many records await an ack. */
    void check(long pending, String cause) {
        Instant now = clock.instant();
        if (unreachableSince == null && pending > 0 && Duration.between(lastAck, now).compareTo(GRACE) > 0) {
            unreachableSince = lastAck;
            log.warn("Kafka is unreachable ({}): {} records are waiting and generation slows until it returns; none is dropped",
                    cause, pending);
        }
    }

    Instant unreachableSince() {
        return unreachableSince;
    }
}
