package dev.matriculas.producer.publishing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells whether Kafka is taking our records: it is unreachable when records have waited without any of them
 * being answered for longer than the grace period. Logs one line when an outage starts and one when it
 * ends, rather than a stack trace per record. Checked once a second.
 */
final class KafkaReachability {

    private static final Logger log = LoggerFactory.getLogger(KafkaReachability.class);
    private static final Duration GRACE = Duration.ofSeconds(5);

    private final Clock clock;
    private long answeredSeen = -1;
    private Instant stalledSince;
    private volatile Instant unreachableSince;
    private volatile String lastRefusal;

    KafkaReachability(Clock clock) {
        this.clock = clock;
    }

    /** Kafka would not even take a record (for example no metadata in time); said in the outage line. */
    void refused(String reason) {
        lastRefusal = reason;
    }

    /**
     * @param pending  records waiting for an answer from Kafka
     * @param answered records Kafka has answered so far (acknowledged or rejected)
     */
    synchronized void check(long pending, long answered) {
        Instant now = clock.instant();
        if (pending == 0 || answered != answeredSeen) {
            answeredSeen = answered;
            stalledSince = now;
            Instant since = unreachableSince;
            if (since != null) {
                unreachableSince = null;
                lastRefusal = null;
                log.info("Kafka is answering again after {} s; the waiting enrollments ({}) are being delivered",
                        Duration.between(since, now).toSeconds(), pending);
            }
            return;
        }
        if (unreachableSince == null && Duration.between(stalledSince, now).compareTo(GRACE) > 0) {
            unreachableSince = stalledSince;
            String reason = lastRefusal;
            log.warn("Kafka is not answering{}; enrollments waiting: {}. Generation slows until it is back; none is dropped",
                    reason == null ? "" : " (" + reason + ")", pending);
        }
    }

    Instant unreachableSince() {
        return unreachableSince;
    }
}
